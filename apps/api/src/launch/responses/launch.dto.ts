import { ApiProperty } from '@nestjs/swagger';

export class LaunchResultDto {
  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty()
  workflowId!: string;

  @ApiProperty({ format: 'date' })
  dueDate!: string;

  @ApiProperty({ description: '截止日期的依据，如「自下发日 2026-11-29 起 20 个工作日」' })
  dueBasis!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  tasks!: number;

  @ApiProperty({ description: '已按同一截止日期下发过（未重复启动）' })
  alreadyLaunched!: boolean;
}
