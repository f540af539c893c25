import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AUDIENCES, TASK_STATES, type TaskState } from '../../../../libs/tasks';

export class PageQueryDto {
  // Bounded so that the row offset stays a safe integer for PostgreSQL.
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;
}

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

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIENCES, description: '接收角色' })
  @IsOptional()
  @IsIn(AUDIENCES)
  audience?: (typeof AUDIENCES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: '责任单位（联络员的提醒）' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}
