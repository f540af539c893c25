import { ApiProperty } from '@nestjs/swagger';

const UP_DOWN = ['up', 'down'];

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class ReadinessChecksDto {
  @ApiProperty({ enum: UP_DOWN })
  postgres!: 'up' | 'down';

  @ApiProperty({ enum: UP_DOWN })
  temporal!: 'up' | 'down';
}

export class ReadyDto {
  @ApiProperty({ enum: ['ready'] })
  status!: 'ready';

  @ApiProperty({ type: ReadinessChecksDto })
  checks!: ReadinessChecksDto;

  @ApiProperty({ type: [String], description: '警告（不影响就绪），如某年放假安排尚未载入、按暂定日历计时' })
  warnings!: string[];
}
