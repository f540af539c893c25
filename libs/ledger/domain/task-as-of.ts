/**
 * A task as it stood at the end of a Beijing day, rebuilt from its append-only event history
 * alone (never from the task row's mirror), so a ledger or circular for a past day reads the same
 * whenever it is made. Pure: the 督办台账 and the 情况通报 both read it.
 */
import { addDays, shanghaiDay } from '../../clock/domain/beijing-time';
import type { Acceptance } from '../../clock/domain/clock-reading';
import type { TaskEventType, TaskRole, TaskState } from '../../tasks/domain/task-state';

/** One `task_event` row as the tasks context reads it. */
export interface HistoryEvent {
  seq: number;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState;
  actor: string | null;
  detail: Record<string, unknown>;
  occurredAt: Date;
}

export interface DatedText {
  day: string;
  text: string;
}

export interface ReportAsOf extends DatedText {
  kind: 'progress' | 'submit';
  attachments: string[];
}

export interface TaskAsOf {
  state: TaskState;
  /** Beijing day of the issue event; null when the task had not been issued by then. */
  issuedOn: string | null;
  /** The role the issue recorded (牵头, 配合 …); null before the issue. */
  role: TaskRole | null;
  /** Effective due date after extensions, pauses and calendar re-plans, as the events recorded it. */
  dueDate: string | null;
  pausedSince: string | null;
  /** `review` while a submission waits (待审核), `coordinator` for a 暂停计时. */
  pauseKind: 'review' | 'coordinator' | null;
  /** Beijing day of the submission under review (for `readClock`: a late one reads late). */
  submittedOn: string | null;
  acceptance: Acceptance | null;
  /** Rungs fired (提醒, 到期提醒, 催办, 督办 …) with the Beijing day they fired. */
  fired: { key: string; label: string; day: string }[];
  extensions: { day: string; from: string | null; to: string; reason: string | null }[];
  pendingExtension: { day: string; proposedDate: string | null; reason: string | null } | null;
  reports: ReportAsOf[];
  /** Monthly report reminders fired: the period (YYYY-MM) and the day. */
  reportReminders: { period: string; day: string }[];
  instructions: (DatedText & { actor: string | null })[];
  /** Day of acceptance (已办结) or of closing with the measure (随措施办结). */
  doneOn: string | null;
  /** Names of the evidence files reported, first mention first, each once. */
  evidence: string[];
  /** What else the record says: pauses, returns, 转办, 撤销, revisions, calendar gaps. */
  notes: string[];
  /** Seq of the last event counted. */
  lastSeq: number;
}

/** The first instant after the Beijing day `day` ends: events before it count for that day. */
export function endOfBeijingDay(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+08:00`);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((a) => str(obj(a)?.name)).filter((n): n is string => n !== null) : [];

/**
 * Replays the events of one task that occurred by the end of Beijing day `asOf`, in seq order.
 * The due date follows what each event recorded: the issue's date, an approved extension's
 * `to`, a resume's or a returned review's `to`, a calendar re-plan's `to` (and the date a rung
 * or an acceptance names); a submission opens the 待审核 pause the workflow opens. A 转办
 * successor starts with what its predecessor had `carried` on (fired rungs, extensions), as its
 * workflow does.
 */
export function taskAsOf(
  events: readonly HistoryEvent[],
  asOf: string,
  carried: Pick<TaskAsOf, 'fired' | 'extensions'> | null = null,
): TaskAsOf {
  const until = endOfBeijingDay(asOf).getTime();
  const t: TaskAsOf = {
    state: 'draft',
    issuedOn: null,
    role: null,
    dueDate: null,
    pausedSince: null,
    pauseKind: null,
    submittedOn: null,
    acceptance: null,
    fired: [...(carried?.fired ?? [])],
    extensions: [...(carried?.extensions ?? [])],
    pendingExtension: null,
    reports: [],
    reportReminders: [],
    instructions: [],
    doneOn: null,
    evidence: [],
    notes: [],
    lastSeq: 0,
  };
  const counted = events.filter((e) => e.occurredAt.getTime() < until).sort((a, b) => a.seq - b.seq);
  for (const e of counted) {
    const d = e.detail ?? {};
    const day = shanghaiDay(e.occurredAt);
    t.state = e.toState;
    t.lastSeq = e.seq;
    const due = (v: unknown) => {
      t.dueDate = str(v) ?? t.dueDate;
    };
    const closesPending = () => {
      if (obj(d.extensionClosed)) t.pendingExtension = null;
    };
    switch (e.type) {
      case 'issue': {
        t.issuedOn = day;
        due(d.dueDate);
        t.role = (str(d.role) as TaskRole | null) ?? t.role;
        const from = obj(d.reassignedFrom);
        if (from) t.notes.push(`${day} 由${str(from.agency) ?? '其他单位'}转办而来`);
        break;
      }
      case 'extension_requested':
        due(d.dueDate);
        t.pendingExtension = { day, proposedDate: str(d.proposedDate), reason: str(d.reason) };
        break;
      case 'extension_approved':
        t.extensions.push({ day, from: str(d.from), to: str(d.to) ?? t.dueDate ?? '', reason: str(d.reason) });
        due(d.to);
        t.pendingExtension = null;
        break;
      case 'extension_denied':
        t.pendingExtension = null;
        t.notes.push(`${day} 延期申请未获批准${str(d.reason) ? `：${str(d.reason)}` : ''}`);
        break;
      case 'paused':
        if (t.pausedSince === null) [t.pausedSince, t.pauseKind] = [str(d.day) ?? day, 'coordinator'];
        t.notes.push(`${str(d.day) ?? day} 暂停计时${str(d.reason) ? `：${str(d.reason)}` : ''}`);
        break;
      case 'resumed':
        due(d.to);
        [t.pausedSince, t.pauseKind] = [null, null];
        t.notes.push(`${day} 恢复计时`);
        break;
      case 'replanned':
        due(d.to);
        break;
      case 'rung':
        due(d.dueDate);
        t.fired.push({ key: str(d.rule) ?? '', label: str(d.label) ?? str(d.rule) ?? '', day });
        break;
      case 'report_due': {
        const period = /^report-(\d{4}-\d{2})$/.exec(str(d.rule) ?? '')?.[1];
        if (period) t.reportReminders.push({ period, day });
        break;
      }
      case 'progress':
        report(t, { day, kind: 'progress', text: str(d.note) ?? '', attachments: names(d.attachments) });
        break;
      case 'submit':
        report(t, { day, kind: 'submit', text: str(d.evidence) ?? '', attachments: names(d.attachments) });
        t.submittedOn = day;
        // The workflow opens a 待审核 pause on submission unless the clock already stands still.
        if (t.pausedSince === null) [t.pausedSince, t.pauseKind] = [day, 'review'];
        break;
      case 'return': {
        const review = obj(d.reviewPause);
        if (review) due(review.to);
        if (review || t.pauseKind === 'review') [t.pausedSince, t.pauseKind] = [null, null];
        t.submittedOn = null;
        t.notes.push(`${day} 审核退回${str(d.reason) ? `：${str(d.reason)}` : ''}`);
        break;
      }
      case 'accept':
        due(d.dueDate);
        t.doneOn = day;
        t.acceptance = acceptanceOf(d);
        closesPending();
        break;
      case 'close':
        t.doneOn = day;
        t.notes.push(`${day} 措施已办结，本任务随之办结`);
        closesPending();
        break;
      case 'reassign': {
        const to = obj(d.to);
        t.notes.push(`${day} 转办至${str(to?.agency) ?? '其他单位'}${str(d.reason) ? `：${str(d.reason)}` : ''}`);
        closesPending();
        break;
      }
      case 'cancel':
        t.notes.push(`${day} 撤销${str(d.reason) ? `：${str(d.reason)}` : ''}`);
        closesPending();
        break;
      case 'instruction':
        t.instructions.push({ day, actor: e.actor, text: str(d.text) ?? '' });
        break;
      case 'revised':
        t.notes.push(`${day} 措施修订${str(d.summary) ? `：${str(d.summary)}` : ''}`);
        break;
      case 'calendar_gap': {
        const years = Array.isArray(d.years) ? d.years.join('、') : '';
        t.notes.push(`${day} 工作日历缺少 ${years} 年，相关节点待补充日历后计算`);
        break;
      }
      case 'supervision_read':
        t.notes.push(`${day} ${e.actor ?? '领导'}已阅知督办`);
        break;
      case 'acknowledge':
        break;
    }
  }
  if (t.state !== 'submitted') t.submittedOn = null;
  return t;
}

function report(t: TaskAsOf, r: ReportAsOf): void {
  t.reports.push(r);
  for (const name of r.attachments) if (!t.evidence.includes(name)) t.evidence.push(name);
}

function acceptanceOf(d: Record<string, unknown>): Acceptance | null {
  if (typeof d.onTime !== 'boolean') return null;
  const a: Acceptance = { onTime: d.onTime };
  if (str(d.submittedOn)) a.submittedOn = str(d.submittedOn)!;
  if (str(d.dueDate)) a.dueDate = str(d.dueDate)!;
  if (typeof d.workingDaysLate === 'number') a.workingDaysLate = d.workingDaysLate;
  return a;
}

/** The task a 转办 successor took over from, as its issue event recorded it; null for any other task. */
export function reassignedFrom(events: readonly HistoryEvent[]): string | null {
  const issue = events.find((e) => e.type === 'issue');
  return str(obj(issue?.detail.reassignedFrom)?.taskId);
}

/** The latest progress report or submission, the one a ledger shows as 最新进展. */
export function latestReport(t: TaskAsOf): ReportAsOf | null {
  return t.reports.at(-1) ?? null;
}
