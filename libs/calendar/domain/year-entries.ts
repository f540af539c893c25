/** Rules for one year's calendar entries, as an administrator maintains them. */
import { isCalendarYear, isWeekendEpochDay, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, parseIsoDay } from './iso-day';

export type DayKind = 'holiday' | 'workday';

export interface DayEntry {
  day: string;
  name?: string | null;
}

export interface YearEntries {
  holidays: DayEntry[];
  workdays: DayEntry[];
}

/** The days of one year that differ from plain Monday–Friday. */
export interface SpecialDays {
  holidays: readonly string[];
  workdays: readonly string[];
}

export interface YearProblem {
  code: 'INVALID_DATE' | 'INVALID_CALENDAR';
  message: string;
}

export function checkYearNumber(year: number): YearProblem | null {
  if (isCalendarYear(year)) return null;
  return {
    code: 'INVALID_DATE',
    message: `年份「${year}」无效，应为 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间的整数`,
  };
}

/** Every problem with a year's entries, empty when the year can be stored. */
export function checkYearEntries(year: number, entries: YearEntries): YearProblem[] {
  const yearProblem = checkYearNumber(year);
  if (yearProblem) return [yearProblem];
  const problems: YearProblem[] = [];
  const invalid = (message: string) => problems.push({ code: 'INVALID_CALENDAR', message });
  const seen = new Map<string, DayKind>();
  const lists: [DayKind, DayEntry[], string][] = [
    ['holiday', entries.holidays, '节假日'],
    ['workday', entries.workdays, '调休上班日'],
  ];
  for (const [kind, list, label] of lists) {
    for (const { day } of list) {
      const parsed = typeof day === 'string' ? parseIsoDay(day) : null;
      if (!parsed) {
        problems.push({ code: 'INVALID_DATE', message: `「${String(day)}」不是有效日期（格式 YYYY-MM-DD）` });
        continue;
      }
      if (parsed.year !== year) invalid(`${day} 不属于 ${year} 年`);
      const earlier = seen.get(day);
      if (earlier === kind) invalid(`${day} 在${label}中重复出现`);
      else if (earlier) invalid(`${day} 不能同时是节假日和调休上班日`);
      seen.set(day, kind);
      if (kind === 'workday' && !isWeekendEpochDay(parsed.epochDay)) {
        invalid(`${day} 不是周六或周日，不能设为调休上班日`);
      }
    }
  }
  // An empty year would silently mean plain Mon–Fri, which coverage exists to prevent.
  if (entries.holidays.length === 0) invalid(`${year} 年没有任何节假日，请按国务院办公厅放假安排填写`);
  return problems;
}

function isWorking(day: string, days: { holidays: Set<string>; workdays: Set<string> }): boolean {
  if (days.workdays.has(day)) return true;
  if (days.holidays.has(day)) return false;
  const parsed = parseIsoDay(day);
  return parsed !== null && !isWeekendEpochDay(parsed.epochDay);
}

/**
 * Days whose working-day status differs between two versions of a year, ascending.
 * A year not covered before counts as plain Mon–Fri: no deadline can have been planned on it.
 */
export function changedWorkingDays(before: SpecialDays | null, after: SpecialDays): string[] {
  const b = { holidays: new Set(before?.holidays ?? []), workdays: new Set(before?.workdays ?? []) };
  const a = { holidays: new Set(after.holidays), workdays: new Set(after.workdays) };
  const candidates = new Set([...b.holidays, ...b.workdays, ...a.holidays, ...a.workdays]);
  return [...candidates].filter((day) => isWorking(day, b) !== isWorking(day, a)).sort();
}
