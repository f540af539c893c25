/**
 * Says so when a task's clock rests on a provisional year: one whose holidays are the statutory
 * ones only, because the State Council has not yet published its schedule. The days looked at are
 * the due date and every rung's day, so a rung planned into next year is marked as well.
 */
import {
  addWorkingDays,
  CalendarGapError,
  provisionalYearsOf,
  type WorkCalendar,
} from '../../calendar/domain/working-days';
import type { ClockReading } from './clock-reading';
import type { Rung } from './ladder';

export interface ProvisionalNote {
  /** Provisional years the due date or a rung falls in, ascending; empty when none. */
  provisionalYears: number[];
}

export function provisionalNote(years: number[]): string {
  return `${years.join('、')} 年节假日暂按法定节假日推算（未含调休），国务院办公厅发布放假安排后将自动重排`;
}

export function noteProvisional(
  cal: WorkCalendar,
  reading: ClockReading,
  dueDate: string | null,
  ladder: Rung[],
): ClockReading & ProvisionalNote {
  if (dueDate === null || cal.provisional.size === 0) return { ...reading, provisionalYears: [] };
  const days = [dueDate];
  for (const rung of ladder) {
    try {
      days.push(addWorkingDays(cal, dueDate, rung.offset));
    } catch (err) {
      if (!(err instanceof CalendarGapError)) throw err;
    }
  }
  const provisionalYears = provisionalYearsOf(cal, days);
  if (provisionalYears.length === 0) return { ...reading, provisionalYears };
  return { ...reading, provisionalYears, explanation: `${reading.explanation}；${provisionalNote(provisionalYears)}` };
}
