import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CIRCULAR_KINDS } from '../../../../libs/circulars';
import { PageFieldsDto } from '../common/common.dto';
import { PageQueryDto } from '../common/list-query.dto';

const KIND = { enum: CIRCULAR_KINDS, description: 'weekly 周报（协调处室）、monthly 月报（领导）' };

export class CircularListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  documentId?: string;

  @ApiPropertyOptional(KIND)
  @IsOptional()
  @IsIn(CIRCULAR_KINDS)
  kind?: (typeof CIRCULAR_KINDS)[number];
}

export class CircularAsOfQueryDto {
  @ApiProperty(KIND)
  @IsIn(CIRCULAR_KINDS)
  kind!: (typeof CIRCULAR_KINDS)[number];

  @ApiProperty({ description: '截至日期（北京时间，YYYY-MM-DD），须早于今天', example: '2026-11-30' })
  @IsString()
  @MaxLength(10)
  asOf!: string;
}

export class CircularBackfillDto {
  @ApiProperty(KIND)
  @IsIn(CIRCULAR_KINDS)
  kind!: (typeof CIRCULAR_KINDS)[number];

  @ApiProperty({ description: '补发开始日期（北京时间，YYYY-MM-DD）', example: '2026-11-01' })
  @IsString()
  @MaxLength(10)
  from!: string;

  @ApiProperty({ description: '补发结束日期（含），须早于今天；一次最多 93 天', example: '2026-11-30' })
  @IsString()
  @MaxLength(10)
  to!: string;
}

class ShareDto {
  @ApiProperty({ type: 'integer' })
  count!: number;

  @ApiProperty({ description: '占任务总数的百分比（一位小数）' })
  percent!: number;
}

class LaggingDto {
  @ApiProperty()
  measure!: string;

  @ApiProperty()
  agency!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: '逾期工作日数' })
  daysOverdue!: number | null;
}

class CompletedDto {
  @ApiProperty()
  measure!: string;

  @ApiProperty()
  agency!: string;

  @ApiProperty({ format: 'date' })
  day!: string;
}

class InstructionDto {
  @ApiProperty()
  measure!: string;

  @ApiProperty()
  agency!: string;

  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ type: 'string', nullable: true })
  actor!: string | null;

  @ApiProperty()
  text!: string;
}

class CompletionRowDto {
  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  done!: number;
}

class AgencyCompletionDto extends CompletionRowDto {
  @ApiProperty()
  agency!: string;
}

class MeasureCompletionDto extends CompletionRowDto {
  @ApiProperty()
  measure!: string;
}

export class CircularFiguresDto {
  @ApiProperty({ format: 'date' })
  asOf!: string;

  @ApiProperty({ format: 'date', description: '本期起（含）' })
  from!: string;

  @ApiProperty({ format: 'date', description: '本期止（含），即截至日期' })
  to!: string;

  @ApiProperty({ type: 'integer', description: '任务总数（不含已撤销、已转办）' })
  total!: number;

  @ApiProperty({ type: ShareDto })
  done!: ShareDto;

  @ApiProperty({ type: ShareDto })
  onTime!: ShareDto;

  @ApiProperty({ type: ShareDto })
  overdue!: ShareDto;

  @ApiProperty({ type: [LaggingDto], description: '进展滞后：逾期的任务，按措施、单位' })
  lagging!: LaggingDto[];

  @ApiProperty({ type: [CompletedDto], description: '本期已办结' })
  completed!: CompletedDto[];

  @ApiProperty({ type: [InstructionDto], description: '本期领导批示' })
  instructions!: InstructionDto[];

  @ApiProperty({ type: [AgencyCompletionDto], description: '各单位完成情况（按单位名称排列，不排名）' })
  byAgency!: AgencyCompletionDto[];

  @ApiProperty({ type: [MeasureCompletionDto], description: '各项措施完成情况（按文件顺序）' })
  byMeasure!: MeasureCompletionDto[];
}

class CircularFileDto {
  @ApiProperty()
  format!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ type: 'integer' })
  size!: number;
}

export class CircularDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty(KIND)
  kind!: string;

  @ApiProperty({ description: '周报为发布日所在周（如 2026-W49），月报为所报月份（如 2026-11）' })
  period!: string;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ format: 'date' })
  asOf!: string;

  @ApiProperty({ type: CircularFiguresDto })
  figures!: CircularFiguresDto;

  @ApiProperty({ type: [CircularFileDto] })
  files!: CircularFileDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CircularPageDto extends PageFieldsDto {
  @ApiProperty({ type: [CircularDto] })
  items!: CircularDto[];
}

export class CircularAsOfDto {
  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ type: 'string', nullable: true })
  title!: string | null;

  @ApiProperty(KIND)
  kind!: string;

  @ApiProperty()
  period!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: '重新生成的为 null' })
  issuedOn!: string | null;

  @ApiProperty({ format: 'date' })
  asOf!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: CircularFiguresDto })
  figures!: CircularFiguresDto;
}

export class CircularBackfillResultDto {
  @ApiProperty({ type: 'integer', description: '按日补跑的天数（每期只生成一次；期间没有在办文件时为 0）' })
  days!: number;
}
