import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_SOURCES, TASK_STATES, type TaskState } from '../../../../../libs/tasks';
import { TASK_ROLES } from '../../../../../libs/tasks/domain/task-state';
import { PageFieldsDto } from '../../common/common.dto';

const COLOURS = ['green', 'yellow', 'red', 'grey'];

export class ClockRuleDto {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ format: 'date' })
  day!: string;
}

export class ClockReadingDto {
  @ApiProperty({
    type: [Number],
    description: '截止日或各督办节点所在的暂定年度（按法定节假日推算，待国务院办公厅发布放假安排）',
    example: [2027],
  })
  provisionalYears!: number[];

  @ApiProperty({ enum: COLOURS })
  colour!: string;

  @ApiProperty({ type: ClockRuleDto, nullable: true, description: '使任务变黄或变红的升级规则' })
  rule!: ClockRuleDto | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '距截止日的工作日数；逾期为负数' })
  workingDaysLeft!: number | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: '工作日历缺少的年份' })
  calendarGapYear!: number | null;

  @ApiProperty()
  explanation!: string;
}

export class TaskViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ format: 'uuid' })
  measureId!: string;

  @ApiProperty()
  measureNumber!: string;

  @ApiProperty()
  measureTitle!: string;

  @ApiProperty({ format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ description: '责任单位名称' })
  agency!: string;

  @ApiProperty({ enum: TASK_ROLES })
  role!: string;

  @ApiProperty({ enum: TASK_STATES })
  state!: TaskState;

  @ApiProperty()
  stateLabel!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  dueDate!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: '重复性措施（每年、每季度等）的第几期；其他措施为 1' })
  period!: number;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  pausedSince!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  extensionCount!: number;

  @ApiProperty({ enum: COLOURS })
  colour!: string;

  @ApiProperty({ type: ClockReadingDto })
  clock!: ClockReadingDto;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class TaskPageDto extends PageFieldsDto {
  @ApiProperty({ type: [TaskViewDto] })
  items!: TaskViewDto[];
}

export class TaskProvenanceDto {
  @ApiProperty({ enum: TASK_SOURCES })
  source!: string;

  @ApiProperty({ type: 'string', nullable: true, description: '原文中的单位名称' })
  partyAsWritten!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'integer' },
    minItems: 2,
    maxItems: 2,
    nullable: true,
    description: '责任单位括注在原文中的 [起, 止) 位置',
  })
  attributionSpan!: [number, number] | null;

  @ApiProperty({ type: 'string', nullable: true })
  attributionText!: string | null;

  @ApiProperty({
    enum: TASK_ROLES,
    nullable: true,
    description: '原文的分工（下发时指定牵头单位改变了分工时），否则为 null',
  })
  roleAsWritten!: string | null;
}

export class LeadAgencyDto {
  @ApiProperty({ format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ example: '市民政局' })
  agencyName!: string;
}

export class AttachmentRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  sha256!: string;
}

export class CooperatorInputDto {
  @ApiProperty({ type: 'integer', description: '办理记录中的事件序号' })
  seq!: number;

  @ApiProperty({ enum: ['submit', 'progress'], description: 'submit 报送配合材料；progress 进展情况' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'string', nullable: true })
  text!: string | null;

  @ApiProperty({ type: [AttachmentRefDto], nullable: true })
  attachments!: AttachmentRefDto[] | null;
}

export class CooperatorDto {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ example: '市教委' })
  agency!: string;

  @ApiProperty({ format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ enum: TASK_STATES })
  state!: TaskState;

  @ApiProperty({ type: CooperatorInputDto, nullable: true, description: '最近一次报送的材料或进展（未报送为 null）' })
  latestInput!: CooperatorInputDto | null;
}

export class TaskHistoryEntryDto {
  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty({ description: '事件类型（issue、acknowledge、progress、submit、review、rung、supervision_read 等）' })
  type!: string;

  @ApiProperty({ enum: TASK_STATES, nullable: true })
  fromState!: TaskState | null;

  @ApiProperty({ enum: TASK_STATES })
  toState!: TaskState;

  @ApiProperty({ type: 'string', nullable: true })
  actor!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class TaskDetailDto extends TaskViewDto {
  @ApiProperty()
  measureText!: string;

  @ApiProperty({ type: TaskProvenanceDto })
  provenance!: TaskProvenanceDto;

  @ApiProperty({ type: [LeadAgencyDto], description: '配合任务：向其报送材料的牵头单位（其他任务为空）' })
  reportsTo!: LeadAgencyDto[];

  @ApiProperty({ type: [CooperatorDto], description: '牵头任务：各配合单位的任务及其报送的材料（其他任务为空）' })
  cooperators!: CooperatorDto[];

  @ApiProperty({ type: [TaskHistoryEntryDto] })
  history!: TaskHistoryEntryDto[];
}

export class PendingExtensionDto {
  @ApiProperty()
  requestedBy!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date' })
  proposedDate!: string;
}

export class ReassignedToDto {
  @ApiProperty({ format: 'uuid', description: '接续计时的新任务' })
  taskId!: string;

  @ApiProperty({ description: '承接单位' })
  agency!: string;
}

/** The task workflow's state right after an action. */
export class TaskSnapshotDto {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ enum: TASK_STATES })
  state!: TaskState;

  @ApiProperty({ type: 'integer', description: '最后一条办理记录的序号' })
  seq!: number;

  @ApiProperty({ type: [String], description: '已触发的升级规则' })
  firedRungs!: string[];

  @ApiProperty({ format: 'date' })
  dueDate!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  pausedSince!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  extensionsUsed!: number;

  @ApiProperty({ type: PendingExtensionDto, nullable: true })
  pendingExtension!: PendingExtensionDto | null;

  @ApiPropertyOptional({ type: ReassignedToDto, description: '转办后：承接的新任务' })
  reassignedTo?: ReassignedToDto;
}
