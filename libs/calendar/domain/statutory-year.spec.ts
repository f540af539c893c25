import { chineseLunarCalendar } from '../lunar-calendar';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { provisionalYearWarnings, statutoryYear } from './statutory-year';

const packaged = prcCalendarData();

describe('a provisional year from the statutory holidays', () => {
  it('has the thirteen statutory days of 2027, with 补假 for those on a weekend, and no make-up working days', () => {
    const y = statutoryYear(2027, chineseLunarCalendar);
    expect(y.workdays).toEqual([]);
    expect(y.holidays).toEqual([
      { day: '2027-01-01', name: '元旦' },
      // 春节 2027: 初一 is Saturday 6 February; 初一 and 初二 fall on the weekend.
      { day: '2027-02-05', name: '春节' },
      { day: '2027-02-06', name: '春节' },
      { day: '2027-02-07', name: '春节' },
      { day: '2027-02-08', name: '春节' },
      { day: '2027-02-09', name: '春节补假' },
      { day: '2027-02-10', name: '春节补假' },
      { day: '2027-04-05', name: '清明节' },
      // 劳动节: 1 May 2027 is a Saturday, 2 May a Sunday.
      { day: '2027-05-01', name: '劳动节' },
      { day: '2027-05-02', name: '劳动节' },
      { day: '2027-05-03', name: '劳动节补假' },
      { day: '2027-05-04', name: '劳动节补假' },
      { day: '2027-06-09', name: '端午节' },
      { day: '2027-09-15', name: '中秋节' },
      // 国庆节: 1 October 2027 is a Friday; 2 and 3 October the weekend.
      { day: '2027-10-01', name: '国庆节' },
      { day: '2027-10-02', name: '国庆节' },
      { day: '2027-10-03', name: '国庆节' },
      { day: '2027-10-04', name: '国庆节补假' },
      { day: '2027-10-05', name: '国庆节补假' },
    ]);
  });

  it.each([2025, 2026])('is contained in the official schedule of %i (the notice only adds days)', (year) => {
    const official = new Set(packaged.holidays.filter((d) => d.startsWith(`${year}-`)));
    const statutory = statutoryYear(year, chineseLunarCalendar).holidays.filter((h) => !h.name.endsWith('补假'));
    expect(statutory.filter((h) => !official.has(h.day))).toEqual([]);
    expect(statutory).toHaveLength(13);
  });
});

describe('the readiness warning for a provisional year', () => {
  it('starts on 1 November of the year before', () => {
    expect(provisionalYearWarnings([2027, 2028], '2026-10-31')).toEqual([]);
    expect(provisionalYearWarnings([2027, 2028], '2026-11-01')).toEqual([
      '2027 年放假安排尚未载入：涉及该年的期限暂按法定节假日推算，国务院办公厅发布通知后请管理员载入',
    ]);
    expect(provisionalYearWarnings([2027, 2028], '2027-11-15')).toHaveLength(2);
  });
});
