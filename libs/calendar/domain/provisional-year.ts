/**
 * A provisional year: a known year's holidays and make-up days carried forward by whole
 * multiples of 52 weeks, so each lands on the same weekday. Useful before the State Council
 * publishes a year's schedule (tests and benchmarks use it for years after the seeded data);
 * it is an estimate, and whoever stores it must say so in the change reason.
 */
import type { CalendarData } from './working-days';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export function repeatYearPattern(data: CalendarData, sourceYear: number, targetYear: number): CalendarData {
  const weeks = 52 * (targetYear - sourceYear);
  const carry = (days: string[]) =>
    days
      .filter((d) => d.startsWith(`${sourceYear}-`))
      .map((d) => new Date(Date.parse(`${d}T00:00:00Z`) + weeks * WEEK_MS).toISOString().slice(0, 10))
      .filter((d) => d.startsWith(`${targetYear}-`));
  return { years: [targetYear], holidays: carry(data.holidays), workdays: carry(data.workdays) };
}
