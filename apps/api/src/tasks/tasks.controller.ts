import { applyDecorators, Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { agencyScope, liaisonScope, type Principal, standingInFor } from '../../../../libs/auth';
import { type StandIn, type TaskCommand, TaskActionsService, TaskQueryService } from '../../../../libs/tasks';
import { Access, CurrentUser } from '../auth/access.decorator';
import { TaskListQueryDto } from './dto/task-list-query.dto';
import {
  ActorDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  InstructionDto,
  ProgressDto,
  ReassignDto,
  ReasonDto,
  ReviewDto,
  SubmitDto,
} from './dto/task-actions.dto';
import { ApiErrors } from '../common/common.dto';
import { TaskDetailDto, TaskPageDto, TaskSnapshotDto } from './responses/tasks.dto';
import { noNulPipe } from '../common/no-nul.pipe';
import { requestIdOf } from '../common/request-id';
import { uuidParam } from '../common/uuid.pipe';

// Every task action: the optional idempotency header (same name as the @Headers parameter, so the
// document lists it once), the task snapshot it answers with and the errors an action can give.
const taskAction = applyDecorators(
  ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Idempotency-Key：同一键的重复请求只生效一次（网络重试安全）',
  }),
  ApiCreatedResponse({ type: TaskSnapshotDto, description: '操作后的任务状态' }),
  ApiErrors(409, 422, 503),
);
const EVERYONE = ['admin', 'coordinator', 'leader', 'liaison'] as const;

/** Liaison actions: the user's own agencies and those of liaisons they stand in for (代理) today. */
const asLiaison = (me: Principal) => ({
  agencyIds: liaisonScope(me),
  standIn: (agencyId: string) => standingInFor(me, agencyId)?.displayName ?? null,
});

/** The acting person is the signed-in user; `actor` in a body only adds a free-text note of who. */
const who = (me: Principal, b: ActorDto) => (b.actor ? `${me.displayName}（${b.actor}）` : me.displayName);

@ApiTags('tasks 督办任务')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(
    private readonly actions: TaskActionsService,
    private readonly queries: TaskQueryService,
  ) {}

  @Get('tasks')
  @Access(...EVERYONE)
  @ApiOperation({ summary: '任务清单：按责任单位、文件、状态、是否逾期筛选，分页（联络员只看到本单位任务）' })
  @ApiOkResponse({ type: TaskPageDto })
  list(@CurrentUser() me: Principal, @Query() q: TaskListQueryDto) {
    return this.queries.listTasks({ ...q, scope: agencyScope(me) });
  }

  @Get('tasks/:id')
  @Access(...EVERYONE)
  @ApiOperation({ summary: '任务详情、计时说明、来源及办理记录' })
  @ApiOkResponse({ type: TaskDetailDto })
  get(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string) {
    return this.queries.getTask(id, agencyScope(me));
  }

  @Post('tasks/:id/acknowledge')
  @Access('liaison')
  @taskAction
  @ApiOperation({ summary: '签收（本单位联络员）' })
  @ApiBody({ type: ActorDto, required: false })
  acknowledge(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ActorDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(me, id, { kind: 'acknowledge', input: { actor: who(me, b) } }, key, asLiaison(me));
  }

  @Post('tasks/:id/progress')
  @Access('liaison')
  @taskAction
  @ApiOperation({ summary: '报告进展（本单位联络员，可引用已上传的附件）' })
  progress(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ProgressDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const command = {
      kind: 'progress' as const,
      input: { actor: who(me, b), note: b.note },
      attachmentIds: b.attachmentIds,
    };
    return this.run(me, id, command, key, asLiaison(me));
  }

  @Post('tasks/:id/submit')
  @Access('liaison')
  @taskAction
  @ApiOperation({ summary: '提交办结（本单位联络员，须附佐证说明，可引用已上传的附件）' })
  submit(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: SubmitDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const command = {
      kind: 'submit' as const,
      input: { actor: who(me, b), evidence: b.evidence },
      attachmentIds: b.attachmentIds,
    };
    return this.run(me, id, command, key, asLiaison(me));
  }

  @Post('tasks/:id/extension-request')
  @Access('liaison')
  @taskAction
  @ApiOperation({ summary: '申请延期（本单位联络员，须在截止日期前）' })
  requestExtension(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ExtensionRequestDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(
      me,
      id,
      { kind: 'requestExtension', input: { actor: who(me, b), reason: b.reason, proposedDate: b.proposedDate } },
      key,
      asLiaison(me),
    );
  }

  @Post('tasks/:id/review')
  @Access('coordinator')
  @taskAction
  @ApiOperation({ summary: '审核（协调处室）：通过或退回' })
  review(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ReviewDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(
      me,
      id,
      { kind: 'review', input: { actor: who(me, b), decision: b.decision, reason: b.reason } },
      key,
    );
  }

  @Post('tasks/:id/return-input')
  @Access('liaison')
  @taskAction
  @ApiOperation({
    summary: '退回配合材料（牵头单位联络员）：配合单位报送的材料不全时退回补充，须说明理由，配合任务恢复计时',
  })
  returnInput(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const input = { actor: who(me, b), actorId: me.userId, reason: b.reason };
    return this.actions.returnInput(id, input, requestIdOf(me, key), liaisonScope(me));
  }

  @Post('tasks/:id/extension-decision')
  @Access('coordinator')
  @taskAction
  @ApiOperation({ summary: '审批延期申请（协调处室）：批准（可改日期）或不予批准' })
  decideExtension(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ExtensionDecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const { decision, dueDate, reason } = b;
    return this.run(me, id, { kind: 'decideExtension', input: { actor: who(me, b), decision, dueDate, reason } }, key);
  }

  @Post('tasks/:id/pause')
  @Access('coordinator')
  @taskAction
  @ApiOperation({ summary: '暂停计时（协调处室，须说明理由）' })
  pause(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(me, id, { kind: 'pause', input: { actor: who(me, b), reason: b.reason } }, key);
  }

  @Post('tasks/:id/resume')
  @Access('coordinator')
  @taskAction
  @ApiOperation({ summary: '恢复计时（协调处室）：截止日期按暂停的工作日数顺延' })
  resume(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(me, id, { kind: 'resume', input: { actor: who(me, b), reason: b.reason } }, key);
  }

  @Post('tasks/:id/instructions')
  @Access('leader')
  @taskAction
  @ApiOperation({ summary: '领导批示：记入任务办理记录并通知协调处室和承办单位' })
  instruct(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: InstructionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(me, id, { kind: 'instruct', input: { actor: who(me, b), text: b.text } }, key);
  }

  @Post('tasks/:id/supervision-read')
  @Access('leader')
  @taskAction
  @ApiOperation({ summary: '阅知督办（领导）：任务已发出督办后，记入办理记录「某某已阅知」' })
  @ApiBody({ type: ActorDto, required: false })
  supervisionRead(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ActorDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(me, id, { kind: 'supervisionRead', input: { actor: who(me, b) } }, key);
  }

  @Post('tasks/:id/reassign')
  @Access('coordinator')
  @taskAction
  @ApiOperation({
    summary:
      '转办（协调处室）：改由另一单位承办，原任务记为已转办，新任务接续原计时（截止日期、暂停、延期、已触发节点）',
  })
  reassign(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Body(noNulPipe) b: ReassignDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(
      me,
      id,
      { kind: 'reassign', input: { actor: who(me, b), reason: b.reason, toAgencyId: b.agencyId } },
      key,
    );
  }

  /**
   * `liaison`: liaison actions are limited to the user's own agencies (separation of duties) and
   * those they stand in for; the others see every task. The user id goes into the update, so the workflow knows who submitted.
   */
  private run(
    me: Principal,
    id: string,
    command: TaskCommand,
    key?: string,
    liaison?: { agencyIds: string[]; standIn: StandIn },
  ) {
    const withId = { ...command, input: { ...command.input, actorId: me.userId } } as TaskCommand;
    return this.actions.execute(id, withId, requestIdOf(me, key), liaison?.agencyIds ?? null, liaison?.standIn);
  }
}
