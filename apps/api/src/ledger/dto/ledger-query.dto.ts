import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import type { Colour } from '../../../../../libs/clock';
import { LEDGER_FORMATS, type LedgerFormat } from '../../../../../libs/ledger';
import { TASK_STATES, type TaskState } from '../../../../../libs/tasks';
import { TASK_ROLES, type TaskRole } from '../../../../../libs/tasks/domain/task-state';

const COLOURS: Colour[] = ['green', 'yellow', 'red', 'grey'];

/** The ledger's as-of day, file format and the task list's filters (applied to the tasks as of that day). */
export class LedgerQueryDto {
  @ApiPropertyOptional({
    description: '截至日期（北京时间，YYYY-MM-DD），默认今天；不得晚于今天。按当日 24 时前的办理记录重建',
    format: 'date',
    example: '2026-12-01',
  })
  @IsOptional()
  @IsString()
  asOf?: string;

  @ApiPropertyOptional({
    enum: LEDGER_FORMATS,
    default: 'xlsx',
    description: 'xlsx（Excel/WPS）、csv（UTF-8 带 BOM）或 pdf（A3 横向，供打印）',
  })
  @IsOptional()
  @IsIn(LEDGER_FORMATS)
  format: LedgerFormat = 'xlsx';

  @ApiPropertyOptional({ description: '责任单位 id', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ description: '措施 id', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  measureId?: string;

  @ApiPropertyOptional({
    enum: TASK_ROLES,
    description: '分工：lead 牵头、shared 共同负责、cooperating 配合、guiding 指导、implied 属地/有关单位',
  })
  @IsOptional()
  @IsIn(TASK_ROLES)
  role?: TaskRole;

  @ApiPropertyOptional({ enum: TASK_STATES, description: '截至当日的状态' })
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @ApiPropertyOptional({ enum: COLOURS, description: '截至当日的灯色' })
  @IsOptional()
  @IsIn(COLOURS)
  colour?: Colour;

  @ApiPropertyOptional({ description: '只看截至当日逾期（true）或未逾期（false）的任务' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
