import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { TASK_STATES, type TaskState } from '../../../../../libs/tasks';
import { PageQueryDto } from '../../common/list-query.dto';

export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '责任单位 id（联络员的任务清单）', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  documentId?: string;

  @ApiPropertyOptional({ enum: TASK_STATES })
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @ApiPropertyOptional({ description: '只看逾期（true）或未逾期（false）' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['measure', 'dueDate', 'updatedAt'], default: 'measure' })
  @IsOptional()
  @IsIn(['measure', 'dueDate', 'updatedAt'])
  sort: 'measure' | 'dueDate' | 'updatedAt' = 'measure';
}
