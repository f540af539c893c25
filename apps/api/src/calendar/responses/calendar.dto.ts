import { ApiProperty } from '@nestjs/swagger';

export class CalendarYearSummaryDto {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ description: '数据来源（provisional 为暂定：按法定节假日推算）' })
  source!: string;

  @ApiProperty({ description: '暂定年度：国务院办公厅尚未发布放假安排，按法定节假日推算，不含调休' })
  provisional!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0 })
  holidayCount!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  workdayCount!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty()
  updatedBy!: string;

  @ApiProperty()
  reason!: string;
}

export class NamedDayDto {
  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ type: 'string', nullable: true })
  name!: string | null;
}

export class CalendarYearDetailDto extends CalendarYearSummaryDto {
  @ApiProperty({ type: [NamedDayDto] })
  holidays!: NamedDayDto[];

  @ApiProperty({ type: [NamedDayDto] })
  workdays!: NamedDayDto[];
}

export class CalendarChangeResultDto {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: [String], format: 'date', description: '工作日属性发生变化的日期' })
  changedDays!: string[];

  @ApiProperty({ description: '此前未维护该年度' })
  newlyCovered!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: '已通知重新计时的在办任务数（重排仍在进行时为已知的 0）' })
  replanned!: number;

  @ApiProperty({
    description: '重排仍在后台进行（任务较多或工作流服务繁忙）；完成后各任务的办理记录中会有「重新计时」',
  })
  replanInProgress!: boolean;
}

export class CalendarChangeRecordDto {
  @ApiProperty({ description: '修改序号（递增整数，以字符串表示）', example: '19' })
  id!: string;

  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: '整年修改时为 null' })
  day!: string | null;

  @ApiProperty()
  actor!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '修改前（整年或某一天的记录；新增年度时为 null）',
  })
  before!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '修改后' })
  after!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  changedAt!: string;
}

export class HolidayNoticePreviewDto {
  @ApiProperty({ type: 'integer', description: '通知所属年份（无法识别时为 null）', nullable: true })
  year!: number | null;

  @ApiProperty({ type: [NamedDayDto], description: '放假日期（含周末）' })
  holidays!: NamedDayDto[];

  @ApiProperty({ type: [NamedDayDto], description: '调休上班日' })
  workdays!: NamedDayDto[];

  @ApiProperty({ type: [String], description: '无法载入的原因（逐条）；为空时可确认载入' })
  problems!: string[];

  @ApiProperty({ type: [String], format: 'date', description: '通知中属于其他年度的日期（不载入）' })
  otherYears!: string[];

  @ApiProperty({ enum: ['stored', 'provisional', 'none'], description: '该年度现有数据：已维护、暂定或无' })
  current!: 'stored' | 'provisional' | 'none';

  @ApiProperty({ type: [String], format: 'date', description: '与现有数据相比工作日属性变化的日期' })
  changedDays!: string[];
}
