/**
 * What "measure done" means, one rule for every role (docs/decisions.md, "What a done measure is"):
 * - the responsible parties (lead 牵头, shared 共同负责) carry the measure: it is done when each of
 *   their tasks is final (accepted, closed or cancelled) and at least one was accepted;
 * - a measure with no responsible party (only cooperating, guiding or implied ones) is closed by the
 *   coordinator: it is done when every task is closed and at least one was accepted;
 * - a measure without tasks is never done (and its document cannot be launched).
 * Once done, the cooperating, guiding and implied tasks still open close with it (state `closed`,
 * 随措施办结, sent by the measure workflow): they stop escalating and no longer count toward its
 * colour, which is green, never red.
 */
import { isFinal, type TaskRole, type TaskState } from './task-state';

export interface MeasureTaskFacts {
  role: TaskRole;
  state: TaskState;
}

const RESPONSIBLE: readonly TaskRole[] = ['lead', 'shared'];

export const isResponsible = (role: TaskRole): boolean => RESPONSIBLE.includes(role);

const closed = (t: MeasureTaskFacts) => isFinal(t.state);

export function isMeasureDone(tasks: readonly MeasureTaskFacts[]): boolean {
  const responsible = tasks.filter((t) => isResponsible(t.role));
  const carrying = responsible.length > 0 ? responsible : tasks;
  return carrying.length > 0 && carrying.every(closed) && carrying.some((t) => t.state === 'accepted');
}

/** The tasks a done measure closes along with it: those still open (they stop escalating). */
export function closedWithMeasure<T extends MeasureTaskFacts>(tasks: readonly T[]): T[] {
  return isMeasureDone(tasks) ? tasks.filter((t) => !closed(t)) : [];
}
