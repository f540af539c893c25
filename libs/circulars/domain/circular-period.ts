/**
 * When a 情况通报 (status circular) is due, decided from the PRC working-day calendar rather than
 * a cron, which cannot see 调休: the schedule wakes the workflow every day at 09:00 Beijing time
 * and this rule says whether the day is the circular's day, and which period it closes.
 * - weekly, to the coordinators: on the 1st working day of each week (Monday to Sunday);
 * - monthly, to leadership: on the 3rd working day of each month.
 * The issue day is the schedule's scheduled day. A circular is as of a closed day, so that it
 * reads the same whenever it is made: the weekly one as of the day before its issue day,
 * reporting on the 7 days up to it; the monthly one as of the last day of the month before,
 * reporting on that month.
 */
import { addDays } from '../../clock/domain/beijing-time';
import { isWorkingDay, type WorkCalendar } from '../../calendar/domain/working-days';

export const CIRCULAR_KINDS = ['weekly', 'monthly'] as const;
export type CircularKind = (typeof CIRCULAR_KINDS)[number];

/** The working day of its week (weekly) or month (monthly) on which a circular is issued. */
export const NTH_WORKING_DAY: Record<CircularKind, number> = { weekly: 1, monthly: 3 };

export interface CircularPeriod {
  kind: CircularKind;
  /** Weekly: the ISO week of the issue day (`2026-W41`); monthly: the month reported on (`2026-09`). */
  period: string;
  /** The schedule's day it was issued on; null for one regenerated as of a day. */
  issuedOn: string | null;
  /** The figures are as of the end of this day (截至). */
  asOf: string;
  /** The days "this period" covers (本期), inclusive; `to` is the as-of day. */
  from: string;
  to: string;
}

const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0

function isoWeek(day: string): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(day, 3 - weekday(day));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 3 - weekday(`${year}-01-04`));
  const week = 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first day of the day's week (weekly) or month (monthly). */
function periodStart(kind: CircularKind, day: string): string {
  return kind === 'weekly' ? addDays(day, -weekday(day)) : `${day.slice(0, 7)}-01`;
}

/** Which working day of its week or month the day is (0 when it is not a working day). */
export function workingDayOrdinal(cal: WorkCalendar, kind: CircularKind, day: string): number {
  if (!isWorkingDay(cal, day)) return 0;
  let n = 0;
  for (let d = periodStart(kind, day); d <= day; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}

/** The circular due on this day, or null when the day is not its issue day. */
export function circularDueOn(cal: WorkCalendar, kind: CircularKind, day: string): CircularPeriod | null {
  if (workingDayOrdinal(cal, kind, day) !== NTH_WORKING_DAY[kind]) return null;
  const asOf = kind === 'weekly' ? addDays(day, -1) : addDays(periodStart('monthly', day), -1);
  const window = circularAsOf(kind, asOf);
  return { ...window, period: kind === 'weekly' ? isoWeek(day) : window.period, issuedOn: day };
}

/**
 * A circular as of the end of any day, the same whenever it is asked: the weekly one reports on
 * the 7 days up to it, the monthly one on its month up to it.
 */
export function circularAsOf(kind: CircularKind, asOf: string): CircularPeriod {
  if (kind === 'weekly')
    return { kind, period: isoWeek(asOf), issuedOn: null, asOf, from: addDays(asOf, -6), to: asOf };
  return { kind, period: asOf.slice(0, 7), issuedOn: null, asOf, from: periodStart('monthly', asOf), to: asOf };
}
