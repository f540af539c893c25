import type { WorkCalendar } from '../../calendar/domain/working-days';
import { shanghaiDay } from '../../clock/domain/beijing-time';
import { type ClockReading, readClock } from '../../clock/domain/clock-reading';
import type { Rung } from '../../clock/domain/ladder';
import { noteProvisional } from '../../clock/domain/provisional-note';
import { endOfBeijingDay, type TaskAsOf } from './task-as-of';

/**
 * The instant a ledger as of `asOf` reads the clock at: now for today (as the task list reads
 * it), the last instant of the day for a past day, so every rung of that day counts and the
 * reading never changes afterwards.
 */
export function readingInstant(asOf: string, now: Date): Date {
  return asOf >= shanghaiDay(now) ? now : new Date(endOfBeijingDay(asOf).getTime() - 1);
}

/**
 * The task's clock as of the day, by the same rules and with the same provisional-year note the
 * task list gives today (`readClock`, `noteProvisional`).
 */
export function clockAsOf(cal: WorkCalendar, t: TaskAsOf, ladder: Rung[], at: Date): ClockReading {
  const { state, dueDate, pausedSince, submittedOn, acceptance } = t;
  const reading = readClock(cal, { state, dueDate, pausedSince, submittedOn, acceptance }, ladder, at);
  return noteProvisional(cal, reading, dueDate, ladder);
}
