import { randomUUID } from 'node:crypto';
import type { TaskWorkflowInput } from '../../workflows/task.definitions';
import { planRungs, shanghaiDay } from '../../libs/tasks/domain/deadline';

const DAY_MS = 24 * 3600 * 1000;

/** A task input whose due date lies `daysAhead` Beijing days after `nowMs`. */
export function taskInput(nowMs: number, daysAhead: number): TaskWorkflowInput {
  const dueDate = shanghaiDay(new Date(nowMs + daysAhead * DAY_MS));
  return {
    taskId: randomUUID(),
    documentId: randomUUID(),
    measureId: randomUUID(),
    agencyName: '市民政局',
    role: 'shared',
    dueDate,
    rungs: planRungs(dueDate, { reminderDaysBefore: 5, overdueDaysAfter: 3 }),
  };
}
