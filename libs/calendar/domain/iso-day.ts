/** Calendar days written YYYY-MM-DD, counted as whole days since 1970-01-01 for arithmetic. */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

/** The years an administrator may maintain; wide enough for any deadline, narrow enough to catch typos. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2200;

export interface ParsedDay {
  year: number;
  /** Days since 1970-01-01. */
  epochDay: number;
}

/** The parts of a real calendar date written YYYY-MM-DD, or null. */
export function parseIsoDay(value: string): ParsedDay | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const date = +m[3];
  const ms = Date.UTC(year, month - 1, date);
  const d = new Date(ms);
  // Date.UTC rolls 02-30 over to March; a real date survives the round trip.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return null;
  return { year, epochDay: ms / DAY_MS };
}

export function isIsoDay(value: string): boolean {
  return parseIsoDay(value) !== null;
}

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}

export function epochDayToIso(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function firstEpochDayOf(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

export function daysInYear(year: number): number {
  return firstEpochDayOf(year + 1) - firstEpochDayOf(year);
}

/** 1970-01-01 was a Thursday. */
export function isWeekendEpochDay(epochDay: number): boolean {
  const dow = (((epochDay + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow === 0 || dow === 6;
}

export function isWeekend(day: string): boolean {
  const parsed = parseIsoDay(day);
  return parsed !== null && isWeekendEpochDay(parsed.epochDay);
}
