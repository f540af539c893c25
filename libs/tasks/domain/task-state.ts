/** The life cycle of a task (PRODUCT.md), enforced by the task workflow and read by the API. */

export const TASK_STATES = [
  'draft',
  'issued',
  'in_progress',
  'submitted',
  'accepted',
  'closed',
  'reassigned',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_ROLES = ['lead', 'shared', 'cooperating', 'guiding', 'implied'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

export type TaskAction =
  'issue' | 'acknowledge' | 'progress' | 'submit' | 'accept' | 'return' | 'close' | 'reassign' | 'cancel';
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
  | 'instruction'
  | 'revised'
  | 'supervision_read';

export const STATE_LABELS: Record<TaskState, string> = {
  draft: '未下发',
  issued: '待签收',
  in_progress: '办理中',
  submitted: '待审核',
  accepted: '已办结',
  // A cooperating, guiding or implied task whose measure was done without it (docs/decisions.md).
  closed: '随措施办结',
  // Handed to another agency (转办): a new task carries its clock on.
  reassigned: '已转办',
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
  close: { from: ['issued', 'in_progress', 'submitted'], to: 'closed' },
  reassign: { from: ['issued', 'in_progress'], to: 'reassigned' },
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
  return state === 'accepted' || state === 'closed' || state === 'reassigned' || state === 'cancelled';
}

/** How a task's agency was found: in the text (explicit, alias, group, implied), by a correction, or by 转办. */
export const TASK_SOURCES = ['explicit', 'alias', 'group', 'implied', 'correction', 'reassigned'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
