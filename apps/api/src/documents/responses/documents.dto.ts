import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageFieldsDto } from '../../common/common.dto';
import { TaskViewDto } from '../../tasks/responses/tasks.dto';

const DOCUMENT_STATUSES = ['imported', 'launched'];
const COLOURS = ['green', 'yellow', 'red', 'grey'];

/**
 * The parser's result (shared/contracts/parse-output.md): the top-level fields only; measures,
 * conventions and warnings are described in that contract, not property by property here.
 */
export class ParseResultDto {
  @ApiProperty({ type: 'string', nullable: true })
  title!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  issuer!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: '文号' })
  docNumber!: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  issuedOn!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: '协调处室' })
  coordinator!: string | null;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  conventions!: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      '措施：number、section、title、text、span、attributions、impliedCooperating、timeLimit（完成时限，可为 null）',
  })
  measures!: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '解析警告：measure、code、message',
  })
  warnings!: Record<string, unknown>[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '仅当文本为任务分工表时出现：span、columns（表头及其读法）、rows',
  })
  table?: Record<string, unknown>;
}

/** POST /documents: the parse result plus the stored document's id and how many tasks it will get. */
export class ImportedDocumentDto extends ParseResultDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: '待下发任务数' })
  taskCount!: number;
}

export class DocumentDetailDto extends ParseResultDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DOCUMENT_STATUSES })
  status!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  dueDate!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  launchedAt!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: '整份文件撤销的时间' })
  withdrawnAt!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: '撤销理由' })
  withdrawReason!: string | null;
}

export class DocumentSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'string', nullable: true })
  title!: string | null;

  @ApiProperty({ enum: DOCUMENT_STATUSES })
  status!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  dueDate!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  measureCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class DocumentPageDto extends PageFieldsDto {
  @ApiProperty({ type: [DocumentSummaryDto] })
  items!: DocumentSummaryDto[];
}

export class MeasureStatusDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty({ type: 'string', nullable: true })
  section!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: '该措施的截止日期（下发前为 null）' })
  dueDate!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: '截止日期的依据，如「文件规定：2027年6月底前」' })
  dueBasis!: string | null;

  @ApiProperty({ enum: COLOURS })
  colour!: string;

  @ApiProperty()
  done!: boolean;

  @ApiProperty({ type: [TaskViewDto] })
  tasks!: TaskViewDto[];
}

export class DocumentStatusDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'string', nullable: true })
  title!: string | null;

  @ApiProperty({ enum: DOCUMENT_STATUSES })
  status!: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  dueDate!: string | null;

  @ApiProperty({ format: 'date', description: '北京时间的今天' })
  today!: string;

  @ApiProperty({ enum: COLOURS })
  colour!: string;

  @ApiProperty()
  done!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0 })
  measuresDone!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: '各状态的任务数（只列出现的状态）',
  })
  taskCounts!: Record<string, number>;

  @ApiProperty({ type: [MeasureStatusDto] })
  measures!: MeasureStatusDto[];
}
