import type { Schemas } from '../api/client';

type TaskView = Schemas['TaskViewDto'];
type TaskDetail = Schemas['TaskDetailDto'];

/** 剩余 N 个工作日 / 逾期 N 个工作日 / 今日到期. */
export function daysLeftText(task: Pick<TaskView, 'clock' | 'dueDate'>): string {
  const n = task.clock.workingDaysLeft;
  if (n === null || n === undefined) return task.dueDate ? `截止 ${task.dueDate}` : '无截止日期';
  if (n < 0) return `逾期 ${-n} 个工作日`;
  if (n === 0) return '今日到期';
  return `剩余 ${n} 个工作日`;
}

/** Whether the task's latest extension request still awaits a decision, read from its history. */
export function pendingExtension(task: Pick<TaskDetail, 'history'>): { reason: string; proposedDate: string } | null {
  let pending: { reason: string; proposedDate: string } | null = null;
  for (const e of task.history) {
    if (e.type === 'extension_requested') {
      const d = e.detail as { reason?: unknown; proposedDate?: unknown };
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      pending = { reason: text(d.reason), proposedDate: text(d.proposedDate) };
    } else if (e.type === 'extension_approved' || e.type === 'extension_denied') pending = null;
  }
  return pending;
}

/** Whether the task was last returned by the coordinator (被退回) and not resubmitted since. */
export function wasReturned(task: Pick<TaskDetail, 'history' | 'state'>): boolean {
  const last = [...task.history]
    .reverse()
    .find((e) => e.type === 'return' || e.type === 'submit' || e.type === 'accept');
  return task.state === 'in_progress' && last?.type === 'return';
}
