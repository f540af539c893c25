import { ApiProperty } from '@nestjs/swagger';
import { TASK_ROLES } from '../../../../../libs/tasks/domain/task-state';
import { ReportCadenceDto } from '../dto/launch-document.dto';

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

export class DueProblemDto {
  @ApiProperty({
    enum: ['TIME_LIMIT_PASSED', 'CALENDAR_NOT_COVERED', 'DUE_REQUIRED'],
    description:
      'TIME_LIMIT_PASSED：文件规定的时限已过（改用全文统一日期，无则须逐项指定）；CALENDAR_NOT_COVERED：截止日期所在年份未维护日历；DUE_REQUIRED：无日期可取',
  })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ description: '为 true 时按此请求下发会被拒绝，须为该措施指定日期' })
  blocking!: boolean;
}

export class MeasureDuePreviewDto {
  @ApiProperty({ format: 'uuid' })
  measureId!: string;

  @ApiProperty({ example: '（一）' })
  number!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: '将下发的任务数（0：该措施不下发）' })
  tasks!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '解析出的完成时限（docs/parse-contract.md）：kind 为 date、recurring 或 ongoing；未读出为 null',
  })
  timeLimit!: Record<string, unknown> | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: '拟定截止日期' })
  dueDate!: string | null;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: '依据，如「文件规定：2026年底前」「下发时指定日期」「协调处室逐项指定」',
  })
  dueBasis!: string | null;

  @ApiProperty({
    type: 'string',
    enum: ['request', 'timeLimit', 'document'],
    nullable: true,
    description: '日期来自：逐项指定、文件规定、全文统一',
  })
  source!: string | null;

  @ApiProperty({ description: '长期任务：按月报送进展' })
  reportsMonthly!: boolean;

  @ApiProperty({ type: ReportCadenceDto, nullable: true, description: '长期任务的进展报送安排（其余措施按全文设置）' })
  reportCadence!: ReportCadenceDto | null;

  @ApiProperty({ description: '截止日期所在年份的日历为暂定（仅含法定节假日）' })
  provisional!: boolean;

  @ApiProperty({ type: DueProblemDto, nullable: true })
  problem!: DueProblemDto | null;

  @ApiProperty({ type: () => [LaunchPartyDto], description: '下发后的责任单位及分工（已计入指定的牵头单位）' })
  parties!: LaunchPartyDto[];
}

export class LaunchPartyDto {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ example: '市民政局' })
  agency!: string;

  @ApiProperty({
    enum: TASK_ROLES,
    description: 'lead 牵头、shared 共同负责、cooperating 配合、guiding 指导、implied 属地',
  })
  role!: string;

  @ApiProperty({ enum: TASK_ROLES, nullable: true, description: '原文的分工（指定牵头单位改变了分工时）' })
  roleAsWritten!: string | null;
}

export class LaunchPreviewDto {
  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: '全文统一的截止日期（未给出为 null）' })
  dueDate!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  dueBasis!: string | null;

  @ApiProperty({ description: '按此请求可以下发（没有阻止下发的问题）' })
  launchable!: boolean;

  @ApiProperty({ description: '文件已下发：预览不改变已存储的日期' })
  alreadyLaunched!: boolean;

  @ApiProperty({ type: [MeasureDuePreviewDto] })
  measures!: MeasureDuePreviewDto[];
}
