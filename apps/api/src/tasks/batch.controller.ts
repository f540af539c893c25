import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../openapi/schema-rules';
import { liaisonScope, type Principal } from '../../../../libs/auth';
import { TaskBatchService } from '../../../../libs/tasks';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { noNulPipe } from '../common/no-nul.pipe';
import { requestIdOf } from '../common/request-id';
import { uuidParam } from '../common/uuid.pipe';
import { ActorDto } from './dto/task-actions.dto';

export class BatchActorDto extends ActorDto {
  @ApiPropertyOptional({ format: 'uuid', description: '为哪个单位办理（本人属于多个单位时必填）' })
  @OptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

export class BatchProgressDto extends BatchActorDto {
  @ApiProperty({ description: '本期进展情况（记入本单位在该文件中的每项办理中任务）', minLength: 1, maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  note!: string;
}

class BatchItemDto {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty()
  measureNumber!: string;

  @ApiProperty()
  measureTitle!: string;

  @ApiProperty()
  agency!: string;
}

class BatchRefusedDto extends BatchItemDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  message!: string;
}

export class BatchOutcomeDto {
  @ApiProperty({ type: [BatchItemDto], description: '已办理的任务' })
  applied!: BatchItemDto[];

  @ApiProperty({ type: [BatchRefusedDto], description: '未能办理的任务及原因（其余任务不受影响）' })
  refused!: BatchRefusedDto[];
}

const idempotency = ApiHeader({
  name: 'idempotency-key',
  required: false,
  description: 'Idempotency-Key：同一键的重复请求对每项任务只生效一次',
});

/** 最多报一次: a liaison acts once for all their agency's tasks of a document. */
@ApiTags('tasks 督办任务')
@ApiBearerAuth()
@Controller('documents')
export class TaskBatchController {
  constructor(private readonly batches: TaskBatchService) {}

  @Post(':id/acknowledge')
  @Access('liaison')
  @HttpCode(200)
  @idempotency
  @ApiOperation({ summary: '一键签收：签收本单位在该文件中的全部待签收任务' })
  @ApiBody({ type: BatchActorDto, required: false })
  @ApiOkResponse({ type: BatchOutcomeDto })
  @ApiErrors(404, 422, 503)
  acknowledgeAll(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: BatchActorDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const actor = b.actor ? `${me.displayName}（${b.actor}）` : me.displayName;
    return this.batches.forDocument(
      id,
      liaisonScope(me),
      b.agencyId,
      { kind: 'acknowledge', input: { actor, actorId: me.userId } },
      requestIdOf(me, key),
    );
  }

  @Post(':id/progress')
  @Access('liaison')
  @HttpCode(200)
  @idempotency
  @ApiOperation({
    summary: '一次报送本期进展：记入本单位在该文件中的每项办理中任务（最多报一次）',
  })
  @ApiOkResponse({ type: BatchOutcomeDto })
  @ApiErrors(404, 422, 503)
  reportProgress(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: BatchProgressDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const actor = b.actor ? `${me.displayName}（${b.actor}）` : me.displayName;
    return this.batches.forDocument(
      id,
      liaisonScope(me),
      b.agencyId,
      { kind: 'progress', input: { actor, actorId: me.userId, note: b.note } },
      requestIdOf(me, key),
    );
  }
}
