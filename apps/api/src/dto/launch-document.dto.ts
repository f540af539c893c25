import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class LaunchDocumentDto {
  @ApiProperty({ description: '截止日期（北京时间，YYYY-MM-DD）', example: '2027-03-31' })
  @IsString()
  dueDate!: string;

  @ApiPropertyOptional({ description: '到期前多少天提醒', default: 5, minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  reminderDaysBefore?: number;

  @ApiPropertyOptional({ description: '逾期多少天后催办升级', default: 3, minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  overdueDaysAfter?: number;
}
