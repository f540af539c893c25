import {
  ActivityFailure,
  ApplicationFailure,
  ParentClosePolicy,
  patched,
  proxyActivities,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { createTaskActivities } from '../libs/tasks/task.activities';
import { shanghaiDay } from '../libs/clock/domain/beijing-time';
import { type LedgerEntry, REVIEW_PAUSE } from '../libs/clock/domain/due-date-ledger';
import { type PlannedRung, planFromWire, type TaskPlan } from '../libs/clock/domain/firing-plan';
import { renderTemplate } from '../libs/clock/domain/ladder';
import * as texts from '../libs/notifications/domain/notice-texts';
import * as checks from '../libs/tasks/domain/task-checks';
import { rungTargets } from '../libs/tasks/domain/cooperation';
import type { Rejection, TaskFacts } from '../libs/tasks/domain/task-checks';
import {
  isFinal,
  transition,
  type TaskAction,
  type TaskEventType,
  type TaskState,
} from '../libs/tasks/domain/task-state';
import type * as defs from '../libs/tasks/task.definitions';
import { taskWorkflowId } from '../libs/tasks/task.definitions';
import { LedgerLock } from './ledger-lock';
import { tellMeasureAdded } from './measure-link';

const { recordTaskEvent, planTaskDeadline, createReassignedTask } = proxyActivities<
  ReturnType<typeof createTaskActivities>
>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '30 seconds' },
});

// Refuses an update as its caller expects: a non-retryable failure typed by the rule's code.
function reject({ code, message }: Rejection): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
}
export function refuse(rejection: Rejection | null): void {
  if (rejection) reject(rejection);
}

const now = () => new Date().toISOString();
const today = () => shanghaiDay(new Date());

// One run of a task workflow: its state, the due-date ledger and plan, and what each update does to them.
export class TaskRun {
  state: TaskState;
  seq: number;
  readonly fired: Set<string>;
  readonly ledger: LedgerEntry[];
  pending: defs.ExtensionRequest | null;
  plan: TaskPlan | null;
  flaggedGap: string;
  calendarChange: defs.CalendarChangedInput | null = null;
  // Beijing day of the latest submission.
  submittedOn: string | null;
  // User id of the latest submitter, when the API sent one: they may not review it.
  submittedBy: string | null;
  // Bumped by every plan applied, so the rung loop re-reads the plan.
  wake = 0;
  reassignedTo: { taskId: string; agency: string } | null = null;
  private plannedLedger: number;
  private readonly ledgerLock = new LedgerLock();

  constructor(readonly input: defs.TaskWorkflowInput) {
    const carry = input.carry;
    this.state = carry?.state ?? 'draft';
    this.seq = carry?.seq ?? 0;
    // A reassigned task carries its predecessor's clock on: the same ledger, the rungs already fired.
    this.fired = new Set(carry?.fired ?? input.handover?.fired ?? []);
    this.ledger = carry?.ledger ??
      input.handover?.ledger.slice() ?? [
        { kind: 'set', dueDate: input.dueDate, basis: input.dueBasis, by: 'system', at: now(), reason: '下发' },
      ];
    this.pending = carry?.pending ?? null;
    this.plan = carry?.plan ? planFromWire(carry.plan) : null;
    this.plannedLedger = carry ? this.ledger.length : 0;
    this.flaggedGap = carry?.flaggedGap ?? '';
    this.calendarChange = carry?.calendarChange ?? null;
    this.submittedOn = carry?.submittedOn ?? null;
    this.submittedBy = carry?.submittedBy ?? null;
  }

  // A ledger change is being planned: the plan's rungs may be about to move.
  get ledgerBusy(): boolean {
    return this.ledgerLock.busy;
  }

  current(): TaskPlan {
    if (!this.plan) throw new Error('task plan used before the first planning');
    return this.plan;
  }

  snapshot(): defs.TaskSnapshot {
    return {
      taskId: this.input.taskId,
      state: this.state,
      seq: this.seq,
      firedRungs: [...this.fired],
      dueDate: this.plan?.dueDate ?? this.input.dueDate,
      pausedSince: this.plan?.pausedSince ?? null,
      extensionsUsed: this.plan?.extensions ?? 0,
      pendingExtension: this.pending,
      ...(this.reassignedTo ? { reassignedTo: this.reassignedTo } : {}),
    };
  }

  carry(): defs.TaskCarry {
    const { state, seq, ledger, pending, flaggedGap, calendarChange, submittedOn, submittedBy } = this;
    const carried = { state, seq, fired: [...this.fired], ledger, pending, plan: this.current(), flaggedGap };
    const submission = { ...(submittedOn ? { submittedOn } : {}), ...(submittedBy ? { submittedBy } : {}) };
    return { ...carried, ...(calendarChange ? { calendarChange } : {}), ...submission };
  }

  historyTooLong(): boolean {
    const info = workflowInfo();
    const limit = this.input.historyLimit;
    return info.continueAsNewSuggested || (limit !== undefined && info.historyLength > limit);
  }

  // What the checks read; the clock fields are read from the plan only when a rule gets to them.
  facts(): TaskFacts {
    const current = () => this.current();
    return {
      state: this.state,
      hasPendingExtension: this.pending !== null,
      pendingProposedDate: this.pending?.proposedDate,
      maxExtensions: this.input.maxExtensions,
      today: today(),
      get dueDate() {
        return current().dueDate;
      },
      get pausedSince() {
        return current().pausedSince;
      },
      get pauseBasis() {
        return current().pauseBasis ?? null;
      },
      get extensions() {
        return current().extensions;
      },
    };
  }

  private clock() {
    const plan = this.current();
    return {
      dueDate: plan.dueDate,
      pausedSince: plan.pausedSince,
      calendarGapYear: plan.gapYears[0] ?? null,
      extensions: plan.extensions,
    };
  }

  // State and seq change before the write so that validators of concurrent updates see the
  // new state at once; the store applies events by seq, so arrival order does not matter.
  async record(
    type: TaskEventType,
    to: TaskState,
    actor: string,
    detail: Record<string, unknown>,
    notify: defs.TaskNotice[] = [],
  ): Promise<defs.TaskSnapshot> {
    const event = {
      taskId: this.input.taskId,
      seq: ++this.seq,
      type,
      fromState: this.state,
      toState: to,
      actor,
      detail,
    };
    this.state = to;
    await recordTaskEvent({ ...event, occurredAt: now(), clock: this.plan ? this.clock() : null, notify });
    return this.snapshot();
  }

  // Plans from a copy of the ledger; an answer older than the last applied one is dropped.
  async replan(): Promise<TaskPlan> {
    const version = this.ledger.length;
    const { ladder, cadence, issuedOn } = this.input;
    const next = planFromWire(await planTaskDeadline({ ledger: [...this.ledger], ladder, cadence, issuedOn }));
    if (version >= this.plannedLedger) [this.plan, this.plannedLedger, this.wake] = [next, version, this.wake + 1];
    return this.current();
  }

  // The plan the launch computed for this task, if any, applied as the first plan.
  launchPlan(): TaskPlan | null {
    if (this.input.initialPlan)
      [this.plan, this.plannedLedger] = [planFromWire(this.input.initialPlan), this.ledger.length];
    return this.plan;
  }

  issue(first: TaskPlan): Promise<defs.TaskSnapshot> {
    const { dueBasis: basis, agencyName: agency, role, handover, measureTitle } = this.input;
    if (!handover) return this.record('issue', 'issued', 'system', { dueDate: first.dueDate, basis, agency, role });
    const { fromTaskId, fromAgency, reason } = handover;
    const message = texts.reassignedHereText(measureTitle, fromAgency, first.dueDate);
    return this.record(
      'issue',
      'issued',
      'system',
      {
        dueDate: first.dueDate,
        basis,
        agency,
        role,
        reassignedFrom: { taskId: fromTaskId, agency: fromAgency, reason },
      },
      [{ audience: 'liaison', message }],
    );
  }

  /**
   * 转办: the task closes as reassigned and a new task for the other agency starts with this
   * task's ledger and fired rungs, so the clock neither restarts nor fires again. The new task's
   * row is written by an activity (repeat-safe) and its workflow started here, so a crash at any
   * point resumes the hand-over instead of losing it.
   */
  reassign(i: defs.ReassignInput): Promise<defs.TaskSnapshot> {
    const { actor, reason, toAgencyId } = i;
    return this.ledgerLock.run(
      () => refuse(checks.checkReassign(this.state, reason, toAgencyId)),
      async () => {
        const { taskId: fromTaskId, agencyName: fromAgency, measureTitle } = this.input;
        const to = await createReassignedTask({ fromTaskId, toAgencyId }).catch((err: unknown) => {
          const cause = err instanceof ActivityFailure ? err.cause : null;
          if (cause instanceof ApplicationFailure && cause.type === 'INVALID_REASSIGNMENT')
            reject({ code: 'INVALID_REASSIGNMENT', message: cause.message });
          throw err;
        });
        const handover = { fromTaskId, fromAgency, reason, ledger: [...this.ledger], fired: [...this.fired] };
        // Its own history from the start: no carried run, no launch plan (JSON drops the undefined).
        const next = { ...this.input, carry: undefined, initialPlan: undefined, historyLimit: undefined };
        await startChild('taskWorkflow', {
          workflowId: taskWorkflowId(to.taskId),
          args: [{ ...next, taskId: to.taskId, agencyName: to.agencyName, handover }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
        // Before this task ends: the measure counts the successor in its place from then on.
        if (patched('reassign-tells-measure')) {
          const { measureId, role, period } = this.input;
          await tellMeasureAdded(measureId, { ...to, role, replaces: fromTaskId, period });
        }
        const closing = this.pending;
        this.pending = null;
        this.reassignedTo = { taskId: to.taskId, agency: to.agencyName };
        const detail = { reason, to: this.reassignedTo, ...(closing ? { extensionClosed: closing } : {}) };
        const message = texts.reassignedAwayText(measureTitle, to.agencyName, reason);
        return this.record('reassign', 'reassigned', actor, detail, [{ audience: 'liaison', message }]);
      },
    );
  }

  // The withdrawal of the task's measure or document: it ends, its history kept, no rung after.
  withdraw({ reason, by, scope }: defs.WithdrawInput): Promise<defs.TaskSnapshot> | undefined {
    const result = transition(this.state, 'cancel');
    if (!result.ok) return undefined; // already final
    const closing = this.pending;
    this.pending = null;
    const message = texts.withdrawnText(this.input.measureTitle, scope, reason);
    const detail = { reason, scope, ...(closing ? { extensionClosed: closing } : {}) };
    // Not issued yet: nobody there to tell.
    const notify = this.state === 'draft' ? [] : [{ audience: 'liaison' as const, message }];
    return this.record('cancel', result.to, by, detail, notify);
  }

  act(action: TaskAction, actor: string, detail: Record<string, unknown>): Promise<defs.TaskSnapshot> {
    const result = transition(this.state, action);
    if (!result.ok) reject(result);
    const review = this.reviewLedgerEntry(action);
    if (!review) return this.actNow(action, actor, detail);
    return this.ledgerLock.run(
      () => refuse(checks.checkTransition(this.state, action)),
      async () => {
        const { dueDate: from, pausedSince: since } = this.current();
        this.ledger.push({ ...review, day: today(), basis: REVIEW_PAUSE, by: 'system', at: now() });
        const next = await this.replan();
        const given = review.kind === 'resume' ? { reviewPause: { since, from, to: next.dueDate } } : {};
        return this.actNow(action, actor, { ...detail, ...given });
      },
    );
  }

  /**
   * Rule 2: the time a submission waits for review is not the agency's. A submission opens a
   * 待审核 pause in the ledger (unless the clock already stands still) and a return closes it, so
   * the working days under review are given back and no rung that fell due meanwhile fires the
   * moment it lands. Acceptance leaves it open: the task is final. Runs from before this rule
   * hold due rungs during review instead (the rung loop) and replay without a ledger change.
   */
  private reviewLedgerEntry(action: TaskAction): { kind: 'pause' | 'resume'; reason: string } | null {
    if (action !== 'submit' && action !== 'return') return null;
    const { pausedSince, pauseBasis } = this.current();
    if (action === 'submit' && pausedSince === null && patched('review-pauses-clock'))
      return { kind: 'pause', reason: '提交办结，待审核期间不计时' };
    if (action === 'return' && pauseBasis === REVIEW_PAUSE) return { kind: 'resume', reason: '审核退回，恢复计时' };
    return null;
  }

  private actNow(action: TaskAction, actor: string, detail: Record<string, unknown>): Promise<defs.TaskSnapshot> {
    const result = transition(this.state, action);
    if (!result.ok) reject(result);
    // A final task decides nothing more: a request still pending closes with it, on the record.
    const closing = isFinal(result.to) ? this.pending : null;
    if (closing) this.pending = null;
    if (action === 'submit') this.submittedOn = today();
    const timeliness = action === 'accept' && this.submittedOn ? this.timeliness(this.submittedOn) : {};
    const extra = closing ? { extensionClosed: closing } : {};
    // 配合: a cooperating task's submission is its input to the lead, whose liaisons are told at once.
    const notify: defs.TaskNotice[] =
      action === 'submit' && this.input.role === 'cooperating'
        ? [{ audience: 'lead', message: texts.cooperatorInputText(this.input.agencyName, this.input.measureTitle) }]
        : [];
    return this.record(action, result.to, actor, { ...detail, ...timeliness, ...extra }, notify);
  }

  // Whether the accepted submission came in time; the activity adds how many working days late.
  private timeliness(submittedOn: string) {
    const dueDate = this.current().dueDate;
    return { dueDate, submittedOn, onTime: submittedOn <= dueDate };
  }

  // The rules of the updates that read the plan; a ledger change checks them again once its turn comes.
  readonly rules = {
    requestExtension: (i: defs.ExtensionRequestInput) =>
      checks.checkExtensionRequest(this.facts(), i.reason, i.proposedDate),
    decideExtension: (i: defs.ExtensionDecisionInput) =>
      checks.checkExtensionDecision(this.facts(), i.decision, i.dueDate, i.reason),
    pause: (i: defs.ReasonInput) => checks.checkPause(this.facts(), i.reason),
    resume: (i: defs.ReasonInput) => checks.checkResume(this.facts(), i.reason),
  };

  // Validator of an update that reads the plan: while a ledger change runs, its handler checks instead.
  admit<I>(rule: (input: I) => Rejection | null, input: I): void {
    if (!this.ledgerLock.busy) refuse(rule(input));
  }

  requestExtension(i: defs.ExtensionRequestInput): Promise<defs.TaskSnapshot> {
    const { actor, reason, proposedDate } = i;
    return this.ledgerLock.run(
      () => refuse(this.rules.requestExtension(i)),
      () => {
        this.pending = { requestedBy: actor, requestedAt: now(), reason, proposedDate };
        const { agencyName, measureTitle } = this.input;
        return this.record(
          'extension_requested',
          this.state,
          actor,
          { reason, proposedDate, dueDate: this.current().dueDate },
          [
            {
              audience: 'coordinator',
              message: texts.extensionRequestedText(agencyName, measureTitle, proposedDate, reason),
            },
          ],
        );
      },
    );
  }

  decideExtension(i: defs.ExtensionDecisionInput): Promise<defs.TaskSnapshot> {
    const { actor, decision, dueDate, reason } = i;
    const title = this.input.measureTitle;
    return this.ledgerLock.run(
      () => refuse(this.rules.decideExtension(i)),
      async () => {
        const request = this.pending;
        if (!request) reject({ code: 'NO_PENDING_EXTENSION', message: '没有待审批的延期申请' });
        this.pending = null;
        if (decision === 'deny') {
          return this.record('extension_denied', this.state, actor, { reason, proposedDate: request.proposedDate }, [
            { audience: 'liaison', message: texts.extensionDeniedText(title, reason) },
          ]);
        }
        const from = this.current().dueDate;
        const to = dueDate ?? request.proposedDate;
        const why = reason ?? request.reason;
        this.ledger.push({
          kind: 'extension',
          from,
          to,
          requestedBy: request.requestedBy,
          by: actor,
          at: now(),
          reason: why,
        });
        const next = await this.replan();
        return this.record('extension_approved', this.state, actor, { from, to: next.dueDate, reason: why, request }, [
          { audience: 'liaison', message: texts.extensionApprovedText(title, from, next.dueDate) },
        ]);
      },
    );
  }

  pause(i: defs.ReasonInput): Promise<defs.TaskSnapshot> {
    const { actor, reason } = i;
    return this.ledgerLock.run(
      () => refuse(this.rules.pause(i)),
      async () => {
        const day = today();
        this.ledger.push({ kind: 'pause', day, by: actor, at: now(), reason });
        await this.replan();
        return this.record('paused', this.state, actor, { reason, day });
      },
    );
  }

  resume(i: defs.ReasonInput): Promise<defs.TaskSnapshot> {
    const { actor, reason } = i;
    return this.ledgerLock.run(
      () => refuse(this.rules.resume(i)),
      async () => {
        const from = this.current().dueDate;
        const since = this.current().pausedSince;
        this.ledger.push({ kind: 'resume', day: today(), by: actor, at: now(), reason });
        const next = await this.replan();
        return this.record('resumed', this.state, actor, { reason, pausedSince: since, from, to: next.dueDate });
      },
    );
  }

  // Rule 9: a done measure closes its cooperating, guiding and implied tasks; they stop escalating.
  closeWithMeasure({ doneBy }: defs.MeasureDoneInput): Promise<defs.TaskSnapshot> | undefined {
    const result = transition(this.state, 'close');
    if (!result.ok) return undefined; // already final
    const closing = this.pending;
    this.pending = null;
    const message = texts.closedWithMeasureText(this.input.measureTitle, doneBy);
    const detail = { doneBy, ...(closing ? { extensionClosed: closing } : {}) };
    return this.record('close', result.to, 'system', detail, [{ audience: 'liaison', message }]);
  }

  // A revision of the document changed this task's measure: on the record, and the liaison told.
  revised({ summary, revision }: defs.MeasureRevisedInput): Promise<defs.TaskSnapshot> | undefined {
    if (isFinal(this.state) || this.state === 'draft') return undefined;
    const message = texts.measureRevisedText(this.input.measureTitle, summary);
    return this.record('revised', this.state, 'system', { summary, revision }, [{ audience: 'liaison', message }]);
  }

  // A leader's instruction (批示) joins the history and reaches the coordinator and the liaison.
  instruct({ actor, text }: defs.InstructionInput): Promise<defs.TaskSnapshot> {
    const message = texts.leaderInstructionText(this.input.measureTitle, text);
    return this.record('instruction', this.state, actor, { text }, [
      { audience: 'coordinator', message },
      { audience: 'liaison', message },
    ]);
  }

  // 阅知: the leader's name joins the history, with the 督办 rungs that had fired.
  supervisionRead({ actor }: defs.ActorInput): Promise<defs.TaskSnapshot> {
    const rungs = checks.supervisionRungs(this.input.ladder).filter((r) => this.fired.has(r.key));
    return this.record('supervision_read', this.state, actor, { rungs: rungs.map((r) => r.key) });
  }

  // Not async: the rung loop awaits the write itself, with the ticks it always had.
  flagGap(years: number[]): Promise<defs.TaskSnapshot> {
    const message = texts.calendarGapText(this.input.measureTitle, years.join(','));
    return this.record('calendar_gap', this.state, 'system', { years }, [{ audience: 'coordinator', message }]);
  }

  fire(planned: PlannedRung): Promise<defs.TaskSnapshot> {
    this.fired.add(planned.key);
    const { ladder, measureTitle: measure, agencyName: agency, role } = this.input;
    const dueDate = this.current().dueDate;
    const rung = ladder.find((r) => r.key === planned.key);
    const values = { measure, agency, dueDate, day: planned.day ?? '', rule: planned.label };
    const { key: rule, label, offset, day, at: plannedAt, colour } = planned;
    // 配合: a cooperating task's rungs reach its own liaisons and the lead, never leaders.
    const audience = rungTargets(role, planned.audience);
    const message = !rung
      ? texts.reportReminderText(measure)
      : role === 'cooperating'
        ? texts.cooperatingRungText(label, agency, measure, dueDate, offset)
        : renderTemplate(rung.template, values);
    return this.record(
      planned.kind === 'rung' ? 'rung' : 'report_due',
      this.state,
      'system',
      { rule, label, offset, day, plannedAt, dueDate, colour, audience },
      audience.map((a) => ({ audience: a, message })),
    );
  }
}
