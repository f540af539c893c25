import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationQueryService, type TaskCommand, TaskActionsService, TaskQueryService } from '../../../libs/tasks';
import {
  ActorDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ProgressDto,
  ReasonDto,
  ReviewDto,
  SubmitDto,
} from './dto/task-actions.dto';
import { NotificationQueryDto, TaskListQueryDto } from './dto/list-query.dto';
import { uuidParam } from './uuid.pipe';

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: '同一键的重复请求只生效一次（网络重试安全）',
});

@ApiTags('tasks 督办任务')
@Controller()
export class TasksController {
  constructor(
    private readonly actions: TaskActionsService,
    private readonly queries: TaskQueryService,
    private readonly notifications: NotificationQueryService,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: '提醒、催办、督办等通知记录（按接收角色、责任单位、任务筛选，新的在前）' })
  listNotifications(@Query() q: NotificationQueryDto) {
    return this.notifications.list(q);
  }

  @Get('tasks')
  @ApiOperation({ summary: '任务清单：按责任单位、文件、状态、是否逾期筛选，分页' })
  list(@Query() q: TaskListQueryDto) {
    return this.queries.listTasks(q);
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: '任务详情及办理记录' })
  get(@Param('id', uuidParam) id: string) {
    return this.queries.getTask(id);
  }

  @Post('tasks/:id/acknowledge')
  @idempotencyHeader
  @ApiOperation({ summary: '签收（联络员）' })
  acknowledge(@Param('id', uuidParam) id: string, @Body() b: ActorDto, @Headers('idempotency-key') key?: string) {
    return this.run(id, { kind: 'acknowledge', actor: b.actor ?? '联络员' }, key);
  }

  @Post('tasks/:id/progress')
  @idempotencyHeader
  @ApiOperation({ summary: '报告进展（联络员）' })
  progress(@Param('id', uuidParam) id: string, @Body() b: ProgressDto, @Headers('idempotency-key') key?: string) {
    return this.run(id, { kind: 'progress', actor: b.actor ?? '联络员', note: b.note }, key);
  }

  @Post('tasks/:id/submit')
  @idempotencyHeader
  @ApiOperation({ summary: '提交办结（联络员，须附佐证说明）' })
  submit(@Param('id', uuidParam) id: string, @Body() b: SubmitDto, @Headers('idempotency-key') key?: string) {
    return this.run(id, { kind: 'submit', actor: b.actor ?? '联络员', evidence: b.evidence }, key);
  }

  @Post('tasks/:id/review')
  @idempotencyHeader
  @ApiOperation({ summary: '审核（协调处室）：通过或退回' })
  review(@Param('id', uuidParam) id: string, @Body() b: ReviewDto, @Headers('idempotency-key') key?: string) {
    return this.run(id, { kind: 'review', actor: b.actor ?? '协调处室', decision: b.decision, reason: b.reason }, key);
  }

  @Post('tasks/:id/extension-request')
  @idempotencyHeader
  @ApiOperation({ summary: '申请延期（联络员，须在截止日期前）' })
  requestExtension(
    @Param('id', uuidParam) id: string,
    @Body() b: ExtensionRequestDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.run(
      id,
      { kind: 'requestExtension', actor: b.actor ?? '联络员', reason: b.reason, proposedDate: b.proposedDate },
      key,
    );
  }

  @Post('tasks/:id/extension-decision')
  @idempotencyHeader
  @ApiOperation({ summary: '审批延期申请（协调处室）：批准（可改日期）或不予批准' })
  decideExtension(
    @Param('id', uuidParam) id: string,
    @Body() b: ExtensionDecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const { decision, dueDate, reason } = b;
    return this.run(id, { kind: 'decideExtension', actor: b.actor ?? '协调处室', decision, dueDate, reason }, key);
  }

  @Post('tasks/:id/pause')
  @idempotencyHeader
  @ApiOperation({ summary: '暂停计时（协调处室，须说明理由）' })
  pause(@Param('id', uuidParam) id: string, @Body() b: ReasonDto, @Headers('idempotency-key') key?: string) {
    return this.run(id, { kind: 'pause', actor: b.actor ?? '协调处室', reason: b.reason }, key);
  }

  @Post('tasks/:id/resume')
  @idempotencyHeader
  @ApiOperation({ summary: '恢复计时（协调处室）：截止日期按暂停的工作日数顺延' })
  resume(@Param('id', uuidParam) id: string, @Body() b: ReasonDto, @Headers('idempotency-key') key?: string) {
    return this.run(id, { kind: 'resume', actor: b.actor ?? '协调处室', reason: b.reason }, key);
  }

  private run(id: string, command: TaskCommand, key?: string) {
    return this.actions.execute(id, command, key?.slice(0, 200));
  }
}
