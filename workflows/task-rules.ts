/**
 * The rules the task workflow enforces, as plain functions with no imports: the life cycle of
 * PRODUCT.md and the date and message helpers it needs. They live beside the workflow because
 * workflow code imports only its own files; the API reaches them through libs/tasks/domain.
 */

export const TASK_STATES = ['draft', 'issued', 'in_progress', 'submitted', 'accepted', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_ROLES = ['lead', 'shared', 'cooperating', 'guiding', 'implied'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

export type TaskAction = 'issue' | 'acknowledge' | 'progress' | 'submit' | 'accept' | 'return' | 'cancel';
export type TaskEventType =
  | TaskAction
  | 'rung'
  | 'report_due'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_denied'
  | 'paused'
  | 'resumed'
  | 'replanned'
  | 'calendar_gap'
  | 'instruction';

export const STATE_LABELS: Record<TaskState, string> = {
  draft: '未下发',
  issued: '待签收',
  in_progress: '办理中',
  submitted: '待审核',
  accepted: '已办结',
  cancelled: '已撤销',
};

const TRANSITIONS: Record<TaskAction, { from: readonly TaskState[]; to: TaskState | null }> = {
  issue: { from: ['draft'], to: 'issued' },
  acknowledge: { from: ['issued'], to: 'in_progress' },
  // Progress reports keep the state; null means "unchanged".
  progress: { from: ['in_progress'], to: null },
  submit: { from: ['in_progress'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'in_progress' },
  cancel: { from: ['draft', 'issued', 'in_progress', 'submitted'], to: 'cancelled' },
};

export type TransitionResult = { ok: true; to: TaskState } | { ok: false; code: 'INVALID_TRANSITION'; message: string };

export function transition(from: TaskState, action: TaskAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    const allowed = rule.from.map((s) => STATE_LABELS[s]).join('、');
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `任务当前为「${STATE_LABELS[from]}」，不能执行此操作（仅在${allowed}时可以）`,
    };
  }
  return { ok: true, to: rule.to ?? from };
}

/** States in which the agency still owes work, so reminders and escalations apply. */
export function isOpenForAgency(state: TaskState): boolean {
  return state === 'issued' || state === 'in_progress';
}

export function isFinal(state: TaskState): boolean {
  return state === 'accepted' || state === 'cancelled';
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The Asia/Shanghai calendar day of an instant (UTC+8, no daylight saving). */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Fills {measure}, {agency}, {dueDate}, {rule} and {day} in a rung's message template. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
