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
 * A reassigned task (已转办) is not one of the measure's tasks any more: its successor stands in.
 */
import { isFinal, type TaskRole, type TaskState } from './task-state';

export interface MeasureTaskFacts {
  role: TaskRole;
  state: TaskState;
}

const RESPONSIBLE: readonly TaskRole[] = ['lead', 'shared'];

export const isResponsible = (role: TaskRole): boolean => RESPONSIBLE.includes(role);

const closed = (t: MeasureTaskFacts) => isFinal(t.state);

export function isMeasureDone(all: readonly MeasureTaskFacts[]): boolean {
  const tasks = all.filter((t) => t.state !== 'reassigned');
  const responsible = tasks.filter((t) => isResponsible(t.role));
  const carrying = responsible.length > 0 ? responsible : tasks;
  return carrying.length > 0 && carrying.every(closed) && carrying.some((t) => t.state === 'accepted');
}

/** The tasks a done measure closes along with it: those still open (they stop escalating). */
export function closedWithMeasure<T extends MeasureTaskFacts>(tasks: readonly T[]): T[] {
  return isMeasureDone(tasks) ? tasks.filter((t) => !closed(t)) : [];
}

/** A task as the measure workflow knows it: launched with the measure, reassigned in, or added by a revision. */
export interface RosterTask extends MeasureTaskFacts {
  taskId: string;
  agencyName: string;
  /** The task this one took over (转办). */
  replaces: string | null;
  /** The period of a recurring measure the task is for (1: the first, or a measure that does not recur). */
  period: number;
}

/**
 * The tasks the done rule reads, in one period: a reassigned task is replaced by its successor,
 * and one whose successor the measure has not heard of yet still counts as owed.
 */
export function currentTasks<T extends RosterTask>(roster: readonly T[], period: number): T[] {
  const inPeriod = roster.filter((t) => t.period === period);
  const replaced = new Set(inPeriod.flatMap((t) => (t.replaces ? [t.replaces] : [])));
  return inPeriod
    .filter((t) => !replaced.has(t.taskId))
    .map((t) => (t.state === 'reassigned' ? { ...t, state: 'issued' as const } : t));
}

/** Every task of the roster's periods is final (a reassigned one only once its successor is). */
export function rosterFinal(roster: readonly RosterTask[]): boolean {
  const periods = new Set(roster.map((t) => t.period));
  return [...periods].every((p) => currentTasks(roster, p).every(closed));
}
