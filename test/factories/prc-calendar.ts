import { repeatYearPattern } from '../../libs/calendar/domain/provisional-year';
import type { CalendarData } from '../../libs/calendar/domain/working-days';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's JSON data file
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;

/** The PRC calendar of the chinese-days package (2004–2026), as the database seeds it. */
export function prcCalendarData(): CalendarData {
  const years: number[] = [];
  for (let y = 2004; y <= 2026; y++) years.push(y);
  return { years, holidays: Object.keys(data.holidays), workdays: Object.keys(data.workdays) };
}

/**
 * The real data plus `count` provisional years repeating 2026 (see repeatYearPattern): 2027 then
 * has a National Day holiday 2027-09-30..10-06 and a make-up Saturday 2027-10-09. Workflow tests
 * need it because the time-skipping server's clock starts at the real today and only moves on.
 */
export function prcCalendarWithShiftedYears(count: number): CalendarData {
  const all = prcCalendarData();
  for (let year = 2027; year <= 2026 + count; year++) {
    const extra = repeatYearPattern(all, 2026, year);
    all.years.push(year);
    all.holidays.push(...extra.holidays);
    all.workdays.push(...extra.workdays);
  }
  return all;
}
