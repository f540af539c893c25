import { readFileSync } from 'node:fs';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { looksLikeIcs, readHolidayIcs } from './holiday-ics';

// The chinese-days package ships its data as an iCalendar file too (2024–2026).
const ics = readFileSync(require.resolve('chinese-days/dist/holidays.ics'), 'utf8');
const packaged = prcCalendarData();
const ofYear = (days: string[], year: number) => days.filter((d) => d.startsWith(`${year}-`)).sort();

describe('a holiday calendar in iCalendar form', () => {
  it.each([2024, 2025, 2026])('gives exactly the packaged days of %i', (year) => {
    const read = readHolidayIcs(ics);
    expect(read.problems).toEqual([]);
    expect(read.years.get(year)?.holidays.map((d) => d.day)).toEqual(ofYear(packaged.holidays, year));
    expect(read.years.get(year)?.workdays.map((d) => d.day)).toEqual(ofYear(packaged.workdays, year));
  });

  it('names the days after their event, and is recognised by its first line', () => {
    expect(looksLikeIcs(ics)).toBe(true);
    expect(looksLikeIcs('国务院办公厅关于2026年部分节假日安排的通知')).toBe(false);
    expect(readHolidayIcs(ics).years.get(2026)?.holidays[0]).toEqual({ day: '2026-01-01', name: '元旦' });
  });

  it('unfolds folded lines and says so when nothing is in it', () => {
    const folded =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:元\r\n 旦(休)\r\nEND:VEVENT\r\nEND:VCALENDAR';
    expect(readHolidayIcs(folded).years.get(2027)?.holidays).toEqual([{ day: '2027-01-01', name: '元旦' }]);
    expect(readHolidayIcs('BEGIN:VCALENDAR\nEND:VCALENDAR').problems).toEqual(['日历文件中没有任何事件（VEVENT）']);
  });
});
