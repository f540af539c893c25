/**
 * Working-day arithmetic on the PRC calendar (Asia/Shanghai calendar days, YYYY-MM-DD).
 * A year is either covered by maintained data or unknown: asking about an unknown year throws
 * CalendarGapError instead of guessing Mon–Fri, because a guessed deadline on a public holiday
 * would be wrong without anyone noticing.
 */
import { DomainError } from '../../errors/domain/domain-error';
import { daysInYear, epochDayToIso, firstEpochDayOf, isWeekendEpochDay, parseIsoDay } from './iso-day';

/** Plain, serialisable calendar data (what the service loads and what a workflow input may carry). */
export interface CalendarData {
  /** Years the data covers in full. */
  years: number[];
  /** Days off, weekday holidays included. */
  holidays: string[];
  /** Saturdays and Sundays that are working days (调休 make-up days). */
  workdays: string[];
  /**
   * Covered years whose days are provisional: built from the statutory holidays because the State
   * Council has not yet published their schedule (statutory-year.ts). Absent: none.
   */
  provisional?: number[];
}

export class CalendarGapError extends DomainError<'CALENDAR_NOT_COVERED'> {
  constructor(readonly year: number) {
    super('CALENDAR_NOT_COVERED', `工作日历未覆盖 ${year} 年，请管理员先维护该年度日历`, { year });
    this.name = 'CalendarGapError';
  }
}

interface YearTable {
  readonly year: number;
  readonly firstDay: number;
  /** 1 for a working day, by day of year. */
  readonly working: Uint8Array;
  /** Working days from 1 January up to and including each day of year. */
  readonly cumulative: Int32Array;
}

/** A calendar prepared for fast queries; build it once with makeCalendar and reuse it. */
export interface WorkCalendar {
  /** Covered years, ascending. */
  readonly years: readonly number[];
  readonly tables: ReadonlyMap<number, YearTable>;
  /** Covered years whose days are provisional (statutory holidays only, no make-up days). */
  readonly provisional: ReadonlySet<number>;
}

function dayOrThrow(day: string): { year: number; epochDay: number } {
  const parsed = parseIsoDay(day);
  if (!parsed) throw new RangeError(`「${day}」不是有效日期（格式 YYYY-MM-DD）`);
  return parsed;
}

export function makeCalendar(data: CalendarData): WorkCalendar {
  const tables = new Map<number, { year: number; firstDay: number; working: Uint8Array }>();
  for (const year of data.years) {
    const firstDay = firstEpochDayOf(year);
    const working = new Uint8Array(daysInYear(year));
    for (let i = 0; i < working.length; i++) working[i] = isWeekendEpochDay(firstDay + i) ? 0 : 1;
    tables.set(year, { year, firstDay, working });
  }
  const mark = (days: string[], value: 0 | 1) => {
    for (const day of days) {
      const { year, epochDay } = dayOrThrow(day);
      const table = tables.get(year);
      // Entries for an uncovered year carry no meaning: the whole year stays unknown.
      if (table) table.working[epochDay - table.firstDay] = value;
    }
  };
  mark(data.holidays, 0);
  // Make-up days win over holidays, as isWorkingDay specifies.
  mark(data.workdays, 1);
  const prepared = new Map<number, YearTable>();
  for (const t of tables.values()) {
    const cumulative = new Int32Array(t.working.length);
    let count = 0;
    for (let i = 0; i < t.working.length; i++) {
      count += t.working[i];
      cumulative[i] = count;
    }
    prepared.set(t.year, { ...t, cumulative });
  }
  const provisional = new Set((data.provisional ?? []).filter((y) => prepared.has(y)));
  return { years: [...prepared.keys()].sort((a, b) => a - b), tables: prepared, provisional };
}

/** The provisional years among the years of these days, ascending (days may be null: unplanned). */
export function provisionalYearsOf(cal: WorkCalendar, days: readonly (string | null | undefined)[]): number[] {
  const years = new Set<number>();
  for (const day of days) {
    const year = day ? Number(day.slice(0, 4)) : NaN;
    if (cal.provisional.has(year)) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

function tableOf(cal: WorkCalendar, year: number): YearTable {
  const table = cal.tables.get(year);
  if (!table) throw new CalendarGapError(year);
  return table;
}

export function isCovered(cal: WorkCalendar, year: number): boolean {
  return cal.tables.has(year);
}

/** Covered years, ascending. */
export function coveredYears(cal: WorkCalendar): number[] {
  return [...cal.years];
}

/** Make-up workday → true; holiday → false; otherwise Monday to Friday. */
export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  const { year, epochDay } = dayOrThrow(day);
  const table = tableOf(cal, year);
  return table.working[epochDay - table.firstDay] === 1;
}

/**
 * n > 0: the n-th working day after `day`; n < 0: the |n|-th working day before it;
 * n = 0: `day` itself when it is a working day, else the next one.
 * Throws CalendarGapError when `day` or any day it has to look at lies in an uncovered year.
 */
export function addWorkingDays(cal: WorkCalendar, day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`工作日数必须是整数：${n}`);
  const start = dayOrThrow(day);
  let table = tableOf(cal, start.year);
  let epochDay = start.epochDay;
  if (n === 0) {
    if (table.working[epochDay - table.firstDay] === 1) return day;
    n = 1;
  }
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    epochDay += step;
    let index = epochDay - table.firstDay;
    if (index < 0 || index >= table.working.length) {
      table = tableOf(cal, table.year + step);
      index = epochDay - table.firstDay;
    }
    remaining -= table.working[index];
  }
  return epochDayToIso(epochDay);
}

/** The first working day on or after `day` (inclusive) or strictly after it. */
export function nextWorkingDay(cal: WorkCalendar, day: string, inclusive: boolean): string {
  return addWorkingDays(cal, day, inclusive ? 0 : 1);
}

/**
 * Working days in (from, to]; when to < from, minus the working days in (to, from]; 0 when equal.
 * So workingDaysBetween(d, addWorkingDays(d, n)) === n for a working day d.
 * Both days' years and every year between them must be covered.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = dayOrThrow(from);
  const b = dayOrThrow(to);
  const ta = tableOf(cal, a.year);
  const tb = tableOf(cal, b.year);
  if (a.epochDay === b.epochDay) return 0;
  // 0 - n rather than -n: no working days backwards is 0, not -0.
  if (b.epochDay < a.epochDay) return 0 - workingDaysBetween(cal, to, from);
  const before = ta.cumulative[a.epochDay - ta.firstDay];
  const upTo = tb.cumulative[b.epochDay - tb.firstDay];
  let count = upTo - before;
  for (let year = a.year; year < b.year; year++) {
    const t = tableOf(cal, year);
    count += t.cumulative[t.cumulative.length - 1];
  }
  return count;
}
