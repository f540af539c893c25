import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { createTaskActivities } from '../libs/tasks/task.activities';
import type { LedgerEntry } from '../libs/clock/domain/due-date-ledger';
import type { TaskPlan } from '../libs/clock/domain/firing-plan';
import { isIsoDate, shanghaiDay } from '../libs/clock/domain/beijing-time';
import { renderTemplate } from '../libs/clock/domain/ladder';
import type { TaskAction, TaskEventType, TaskState } from '../libs/tasks/domain/task-state';
import { isFinal, isOpenForAgency, transition } from '../libs/tasks/domain/task-state';
import type {
  ExtensionRequest,
  TaskSnapshot,
  TaskWorkflowInput,
  UpdateRejection,
} from '../libs/tasks/task.definitions';
import * as defs from '../libs/tasks/task.definitions';

const { recordTaskEvent, planTaskDeadline } = proxyActivities<ReturnType<typeof createTaskActivities>>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '30 seconds' },
});

function reject(type: UpdateRejection, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}
function requireText(value: string | undefined, type: UpdateRejection, message: string): void {
  if (typeof value !== 'string' || value.trim() === '') reject(type, message);
}
function mustAllow(state: TaskState, action: TaskAction): void {
  const result = transition(state, action);
  if (!result.ok) reject(result.code, result.message);
}

/** One agency's share of one measure: issue, the deadline clock and its ladder, review. */
export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskSnapshot> {
  const carry = input.carry;
  const now = () => new Date().toISOString();
  const today = () => shanghaiDay(new Date());
  let state: TaskState = carry?.state ?? 'draft';
  let seq = carry?.seq ?? 0;
  const fired = new Set(carry?.fired ?? []);
  const ledger: LedgerEntry[] = carry?.ledger ?? [
    { kind: 'set', dueDate: input.dueDate, basis: input.dueBasis, by: 'system', at: now(), reason: '下发' },
  ];
  let pending: ExtensionRequest | null = carry?.pending ?? null;
  let plan: TaskPlan | null = carry?.plan ?? null;
  let plannedLedger = carry ? ledger.length : 0;
  let flaggedGap = carry?.flaggedGap ?? '';
  let calendarChange: defs.CalendarChangedInput | null = null;
  let wake = 0;

  const current = (): TaskPlan => {
    if (!plan) throw new Error('task plan used before the first planning');
    return plan;
  };
  const snapshot = (): TaskSnapshot => ({
    taskId: input.taskId,
    state,
    seq,
    firedRungs: [...fired],
    dueDate: plan?.dueDate ?? input.dueDate,
    pausedSince: plan?.pausedSince ?? null,
    extensionsUsed: plan?.extensions ?? 0,
    pendingExtension: pending,
  });
  const clock = () => ({
    dueDate: current().dueDate,
    pausedSince: current().pausedSince,
    calendarGapYear: current().gapYears[0] ?? null,
    extensions: current().extensions,
  });
  // State and seq change before the write so that validators of concurrent updates see the
  // new state at once; the store applies events by seq, so arrival order does not matter.
  const record = async (
    type: TaskEventType,
    to: TaskState,
    actor: string,
    detail: Record<string, unknown>,
    notify: defs.TaskNotice[] = [],
  ) => {
    const event = { taskId: input.taskId, seq: ++seq, type, fromState: state, toState: to, actor, detail };
    state = to;
    await recordTaskEvent({ ...event, occurredAt: now(), clock: plan ? clock() : null, notify });
    return snapshot();
  };
  // Plans from a copy of the ledger; an answer older than the last applied one is dropped.
  const replan = async (): Promise<TaskPlan> => {
    const version = ledger.length;
    const next = await planTaskDeadline({
      ledger: [...ledger],
      ladder: input.ladder,
      cadence: input.cadence,
      issuedOn: input.issuedOn,
    });
    if (version >= plannedLedger) [plan, plannedLedger, wake] = [next, version, wake + 1];
    return current();
  };
  const act = (action: TaskAction, actor: string, detail: Record<string, unknown>) => {
    const result = transition(state, action);
    if (!result.ok) reject(result.code, result.message);
    return record(action, result.to, actor, detail);
  };

  setHandler(defs.snapshotQuery, snapshot);
  setHandler(defs.acknowledgeUpdate, ({ actor }) => act('acknowledge', actor, {}), {
    validator: (_input: defs.ActorInput) => mustAllow(state, 'acknowledge'),
  });
  setHandler(defs.progressUpdate, ({ actor, note }) => act('progress', actor, { note }), {
    validator: ({ note }: defs.ProgressInput) => {
      requireText(note, 'NOTE_REQUIRED', '进展情况不能为空');
      mustAllow(state, 'progress');
    },
  });
  setHandler(defs.submitUpdate, ({ actor, evidence }) => act('submit', actor, { evidence }), {
    validator: ({ evidence }: defs.SubmitInput) => {
      requireText(evidence, 'EVIDENCE_REQUIRED', '提交办结须附佐证材料说明（evidence 不能为空）');
      mustAllow(state, 'submit');
    },
  });
  setHandler(
    defs.reviewUpdate,
    ({ actor, decision, reason }) => act(decision, actor, decision === 'return' ? { reason } : {}),
    {
      validator: ({ decision, reason }: defs.ReviewInput) => {
        if (decision === 'return') requireText(reason, 'REASON_REQUIRED', '退回须说明理由（reason 不能为空）');
        mustAllow(state, decision === 'accept' ? 'accept' : 'return');
      },
    },
  );

  setHandler(
    defs.requestExtensionUpdate,
    ({ actor, reason, proposedDate }) => {
      pending = { requestedBy: actor, requestedAt: now(), reason, proposedDate };
      return record('extension_requested', state, actor, { reason, proposedDate, dueDate: current().dueDate }, [
        {
          audience: 'coordinator',
          message: `${input.agencyName}申请将「${input.measureTitle}」延期至${proposedDate}：${reason}`,
        },
      ]);
    },
    {
      validator: ({ reason, proposedDate }: defs.ExtensionRequestInput) => {
        requireText(reason, 'REASON_REQUIRED', '申请延期须说明理由');
        if (!isOpenForAgency(state)) reject('INVALID_TRANSITION', '仅在待签收、办理中时可申请延期');
        if (pending) reject('EXTENSION_PENDING', '已有一项延期申请待审批');
        if (current().extensions >= input.maxExtensions) {
          reject('EXTENSION_LIMIT', `延期次数已达上限（${input.maxExtensions} 次）`);
        }
        if (today() > current().dueDate)
          reject('EXTENSION_TOO_LATE', `已过截止日期 ${current().dueDate}，不能再申请延期`);
        if (!isIsoDate(proposedDate) || proposedDate <= current().dueDate) {
          reject('INVALID_DATE', `延期日期须为晚于当前截止日期 ${current().dueDate} 的有效日期`);
        }
      },
    },
  );
  setHandler(
    defs.decideExtensionUpdate,
    async ({ actor, decision, dueDate, reason }) => {
      const request = pending;
      if (!request) reject('NO_PENDING_EXTENSION', '没有待审批的延期申请');
      pending = null;
      if (decision === 'deny') {
        return record('extension_denied', state, actor, { reason, proposedDate: request.proposedDate }, [
          { audience: 'liaison', message: `「${input.measureTitle}」延期申请未获批准：${reason ?? ''}` },
        ]);
      }
      const from = current().dueDate;
      const to = dueDate ?? request.proposedDate;
      ledger.push({
        kind: 'extension',
        from,
        to,
        requestedBy: request.requestedBy,
        by: actor,
        at: now(),
        reason: reason ?? request.reason,
      });
      const next = await replan();
      return record(
        'extension_approved',
        state,
        actor,
        { from, to: next.dueDate, reason: reason ?? request.reason, request },
        [
          {
            audience: 'liaison',
            message: `「${input.measureTitle}」延期申请已批准，截止日期由${from}调整为${next.dueDate}`,
          },
        ],
      );
    },
    {
      validator: ({ decision, dueDate, reason }: defs.ExtensionDecisionInput) => {
        if (!pending) reject('NO_PENDING_EXTENSION', '没有待审批的延期申请');
        if (decision === 'deny') requireText(reason, 'REASON_REQUIRED', '不予延期须说明理由');
        if (dueDate !== undefined && (!isIsoDate(dueDate) || dueDate <= current().dueDate)) {
          reject('INVALID_DATE', `批准的日期须为晚于当前截止日期 ${current().dueDate} 的有效日期`);
        }
      },
    },
  );
  setHandler(
    defs.pauseUpdate,
    async ({ actor, reason }) => {
      const day = today();
      ledger.push({ kind: 'pause', day, by: actor, at: now(), reason });
      await replan();
      return record('paused', state, actor, { reason, day });
    },
    {
      validator: ({ reason }: defs.ReasonInput) => {
        requireText(reason, 'REASON_REQUIRED', '暂停计时须说明理由');
        if (isFinal(state)) reject('INVALID_TRANSITION', '任务已结束，不能暂停');
        if (current().pausedSince !== null) reject('ALREADY_PAUSED', `已于 ${current().pausedSince} 暂停计时`);
      },
    },
  );
  setHandler(
    defs.resumeUpdate,
    async ({ actor, reason }) => {
      const from = current().dueDate;
      const since = current().pausedSince;
      ledger.push({ kind: 'resume', day: today(), by: actor, at: now(), reason });
      const next = await replan();
      return record('resumed', state, actor, { reason, pausedSince: since, from, to: next.dueDate });
    },
    {
      validator: ({ reason }: defs.ReasonInput) => {
        requireText(reason, 'REASON_REQUIRED', '恢复计时须说明理由');
        if (current().pausedSince === null) reject('NOT_PAUSED', '任务未暂停计时');
      },
    },
  );
  // A leader's instruction (批示) joins the history and reaches the coordinator and the liaison.
  setHandler(
    defs.instructUpdate,
    ({ actor, text }) =>
      record('instruction', state, actor, { text }, [
        { audience: 'coordinator', message: `【领导批示】「${input.measureTitle}」：${text}` },
        { audience: 'liaison', message: `【领导批示】「${input.measureTitle}」：${text}` },
      ]),
    {
      validator: ({ text }: defs.InstructionInput) => {
        requireText(text, 'NOTE_REQUIRED', '批示内容不能为空');
        if (isFinal(state)) reject('INVALID_TRANSITION', '任务已结束');
      },
    },
  );
  setHandler(defs.calendarChangedSignal, (change) => {
    calendarChange = change;
  });

  if (!carry) {
    if (input.initialPlan) [plan, plannedLedger] = [input.initialPlan, ledger.length];
    const first = plan ?? (await replan());
    await record('issue', 'issued', 'system', {
      dueDate: first.dueDate,
      basis: input.dueBasis,
      agency: input.agencyName,
      role: input.role,
    });
  }

  const historyTooLong = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || (input.historyLimit !== undefined && info.historyLength > input.historyLimit);
  };

  while (!isFinal(state)) {
    if (historyTooLong()) {
      await condition(allHandlersFinished);
      const next: defs.TaskCarry = { state, seq, fired: [...fired], ledger, pending, plan: current(), flaggedGap };
      return continueAsNew<typeof taskWorkflow>({ ...input, carry: next });
    }
    if (calendarChange) {
      const change: defs.CalendarChangedInput = calendarChange;
      calendarChange = null;
      const from = current().dueDate;
      const next = await replan();
      await record('replanned', state, 'system', { ...change, from, to: next.dueDate, gapYears: next.gapYears });
      continue;
    }
    const gaps = current().gapYears.join(',');
    if (gaps !== flaggedGap) {
      flaggedGap = gaps;
      if (gaps) {
        await record('calendar_gap', state, 'system', { years: current().gapYears }, [
          {
            audience: 'coordinator',
            message: `「${input.measureTitle}」的督办节点需要 ${gaps} 年工作日历，请管理员维护`,
          },
        ]);
      }
      continue;
    }
    const alarm = current().alarms.find((a) => !fired.has(a.key));
    const seen = wake;
    const changed = () => isFinal(state) || wake !== seen || calendarChange !== null || historyTooLong();
    if (!alarm || alarm.at === null || current().pausedSince !== null) {
      await condition(changed);
      continue;
    }
    const wait = Date.parse(alarm.at) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    // Its time has come. While a submission is under review the agency owes nothing: hold.
    if (!isOpenForAgency(state)) {
      await condition(() => changed() || isOpenForAgency(state));
      continue;
    }
    fired.add(alarm.key);
    const rung = input.ladder.find((r) => r.key === alarm.key);
    const values = {
      measure: input.measureTitle,
      agency: input.agencyName,
      dueDate: current().dueDate,
      day: alarm.day ?? '',
      rule: alarm.label,
    };
    const message = rung
      ? renderTemplate(rung.template, values)
      : `【进展报送】请报送「${input.measureTitle}」本月进展情况。`;
    await record(
      alarm.kind === 'rung' ? 'rung' : 'report_due',
      state,
      'system',
      {
        rule: alarm.key,
        label: alarm.label,
        offset: alarm.offset,
        day: alarm.day,
        plannedAt: alarm.at,
        dueDate: current().dueDate,
        colour: alarm.colour,
        audience: alarm.audience,
      },
      alarm.audience.map((audience) => ({ audience, message })),
    );
  }

  // Let the update that made the task final finish its write and answer its caller.
  await condition(allHandlersFinished);
  return snapshot();
}
