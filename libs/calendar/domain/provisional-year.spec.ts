import { repeatYearPattern } from './provisional-year';
import { isWorkingDay, makeCalendar } from './working-days';

describe('repeatYearPattern', () => {
  const y2026 = {
    years: [2026],
    holidays: ['2026-01-01', '2026-01-02', '2026-10-01', '2026-10-07'],
    workdays: ['2026-01-04', '2026-10-10'],
  };

  it('moves every day on by 52 weeks, keeping weekdays, and drops days that leave the year', () => {
    const y2027 = repeatYearPattern(y2026, 2026, 2027);
    // 2026-01-01 + 364 days is 2026-12-31: not in 2027, so it is dropped.
    expect(y2027).toEqual({
      years: [2027],
      holidays: ['2027-01-01', '2027-09-30', '2027-10-06'],
      workdays: ['2027-01-03', '2027-10-09'],
    });
    const cal = makeCalendar(y2027);
    expect(isWorkingDay(cal, '2027-10-09')).toBe(true); // a Saturday, like 2026-10-10
    expect(isWorkingDay(cal, '2027-09-30')).toBe(false);
  });

  it('carries two years on by 104 weeks', () => {
    expect(repeatYearPattern(y2026, 2026, 2028).workdays).toEqual(['2028-01-02', '2028-10-07']);
  });
});
