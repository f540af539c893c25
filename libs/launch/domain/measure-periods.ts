import { isCovered, nextWorkingDay, type WorkCalendar } from '../../calendar/domain/working-days';
import { addDays, firingInstant } from '../../clock/domain/beijing-time';
import type { RecurringEvery, RecurringTimeLimit } from '../../documents/parse/parse-result.types';

/**
 * Period arithmetic of a recurring limit (每年年底前, 每季度, 每月10日前), in Beijing calendar days.
 * A period is a calendar year, half-year, quarter or month; each has one due date, by the rule
 * `firstPeriodDue` states. A recurring measure's first period is the one its first due date after
 * the launch falls in; period n + 1 is the calendar period after period n.
 */

export const EVERY_LABEL: Record<RecurringEvery, string> = {
  year: '每年',
  'half-year': '每半年',
  quarter: '每季度',
  month: '每月',
};

const MONTHS: Record<RecurringEvery, number> = { year: 12, 'half-year': 6, quarter: 3, month: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const yearOf = (day: string) => Number(day.slice(0, 4));
const monthOf = (day: string) => Number(day.slice(5, 7));

/** The 31 December after today (today itself being 31 December: next year's). */
export function yearEndAfter(today: string): string {
  const end = `${yearOf(today)}-12-31`;
  return end > today ? end : `${yearOf(today) + 1}-12-31`;
}

/**
 * The first period's due date after today. The day in the period: `by.day` of the period's last
 * month (of `by.month` for a yearly limit), its last day when `end` or not written.
 */
export function firstPeriodDue(t: RecurringTimeLimit, today: string): string {
  const months =
    t.every === 'year'
      ? [t.by?.month ?? 12]
      : t.every === 'half-year'
        ? [6, 12]
        : t.every === 'quarter'
          ? [3, 6, 9, 12]
          : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const year = yearOf(today);
  for (const y of [year, year + 1]) {
    for (const m of months) {
      const last = lastDayOf(y, m);
      const day = t.by === null || t.by.day === 'end' ? last : Math.min(t.by.day, last);
      const due = `${y}-${pad(m)}-${pad(day)}`;
      if (due > today) return due;
    }
  }
  // Unreachable: next year's periods all lie after today.
  return yearEndAfter(today);
}

/** The first day of the period a day lies in. */
export function periodStart(every: RecurringEvery, day: string): string {
  const len = MONTHS[every];
  return `${yearOf(day)}-${pad(Math.floor((monthOf(day) - 1) / len) * len + 1)}-01`;
}

/** The first day of the period after the one a day lies in. */
export function nextPeriodStart(every: RecurringEvery, day: string): string {
  const start = periodStart(every, day);
  const month = monthOf(start) + MONTHS[every];
  return month > 12 ? `${yearOf(start) + 1}-${pad(month - 12)}-01` : `${yearOf(start)}-${pad(month)}-01`;
}

/** How the ledger names a period: 2027年度, 2027年上半年, 2027年第2季度, 2027年3月. */
export function periodLabel(every: RecurringEvery, start: string): string {
  const [y, m] = [yearOf(start), monthOf(start)];
  switch (every) {
    case 'year':
      return `${y}年度`;
    case 'half-year':
      return `${y}年${m <= 6 ? '上' : '下'}半年`;
    case 'quarter':
      return `${y}年第${Math.ceil(m / 3)}季度`;
    case 'month':
      return `${y}年${m}月`;
  }
}

export interface MeasurePeriod {
  /** 1 for the first period. */
  period: number;
  start: string;
  due: string;
  label: string;
  /** The day its tasks are issued: the launch day for the first, else the period's first working day. */
  issueOn: string;
  /** 09:00 Beijing on the issue day. */
  issueAt: string;
}

/**
 * Period n (from 1) of a recurring measure launched on `launchDay`. A later period's tasks are
 * issued on its first working day (its first day when the calendar does not cover the year).
 */
export function measurePeriod(t: RecurringTimeLimit, launchDay: string, n: number, cal: WorkCalendar): MeasurePeriod {
  let due = firstPeriodDue(t, launchDay);
  let start = periodStart(t.every, due);
  for (let k = 1; k < n; k++) {
    start = nextPeriodStart(t.every, due);
    due = firstPeriodDue(t, addDays(start, -1));
  }
  const issueOn = n === 1 ? launchDay : isCovered(cal, yearOf(start)) ? nextWorkingDay(cal, start, true) : start;
  return { period: n, start, due, label: periodLabel(t.every, start), issueOn, issueAt: firingInstant(issueOn) };
}

/** The due basis of a period's tasks, e.g. 文件规定：每年年底前（每年一期，2027年度（第2期），截止 2027-12-31）. */
export function periodBasis(t: RecurringTimeLimit, p: MeasurePeriod): string {
  const later = p.period === 1 ? '；以后各期逐期下发' : '';
  return `文件规定：${t.raw}（${EVERY_LABEL[t.every]}一期，${p.label}（第${p.period}期），截止 ${p.due}${later}）`;
}
