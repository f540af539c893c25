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
}
