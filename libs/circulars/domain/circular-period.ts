/**
 * When a 情况通报 (status circular) is due, decided from the PRC working-day calendar rather than
 * a cron, which cannot see 调休: the schedule wakes the workflow every day at 09:00 Beijing time
 * and this rule says whether the day is the circular's day, and which period it closes.
 * - weekly, to the coordinators: on the 1st working day of each week (Monday to Sunday);
 * - monthly, to leadership: on the 3rd working day of each month.
 * The as-of date is the scheduled day itself; the period it reports on ("this period": what was
 * done and instructed) is the previous week (the 7 days before it) or the previous month.
 */
import { addDays } from '../../clock/domain/beijing-time';
import { isWorkingDay, type WorkCalendar } from '../../calendar/domain/working-days';

export const CIRCULAR_KINDS = ['weekly', 'monthly'] as const;
export type CircularKind = (typeof CIRCULAR_KINDS)[number];

/** The working day of its week (weekly) or month (monthly) on which a circular is issued. */
export const NTH_WORKING_DAY: Record<CircularKind, number> = { weekly: 1, monthly: 3 };

export interface CircularPeriod {
  kind: CircularKind;
  /** `2026-W49` (ISO week of the as-of day) or `2026-12` (month of the as-of day). */
  period: string;
  asOf: string;
  /** The days "this period" covers, inclusive. */
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
  return workingDayOrdinal(cal, kind, day) === NTH_WORKING_DAY[kind] ? circularAsOf(kind, day) : null;
}

/** The circular of a period regenerated as of any day (a past date gives the same figures whenever run). */
export function circularAsOf(kind: CircularKind, day: string): CircularPeriod {
  if (kind === 'weekly') return { kind, period: isoWeek(day), asOf: day, from: addDays(day, -7), to: addDays(day, -1) };
  const start = periodStart(kind, day);
  return {
    kind,
    period: day.slice(0, 7),
    asOf: day,
    from: `${addDays(start, -1).slice(0, 7)}-01`,
    to: addDays(start, -1),
  };
}
