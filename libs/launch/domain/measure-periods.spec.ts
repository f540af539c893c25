import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { makeCalendar } from '../../calendar/domain/working-days';
import type { RecurringTimeLimit } from '../../documents/parse/parse-result.types';
import { measurePeriod, nextPeriodStart, periodBasis, periodLabel, periodStart } from './measure-periods';

const cal = makeCalendar(prcCalendarData());
const recurring = (
  every: RecurringTimeLimit['every'],
  by: RecurringTimeLimit['by'],
  raw: string,
): RecurringTimeLimit => ({ kind: 'recurring', every, by, raw, span: [0, 1], source: 'text' });

describe('period arithmetic', () => {
  it.each([
    ['year', '2026-07-15', '2026-01-01', '2027-01-01', '2026年度'],
    ['half-year', '2026-07-15', '2026-07-01', '2027-01-01', '2026年下半年'],
    ['half-year', '2026-06-30', '2026-01-01', '2026-07-01', '2026年上半年'],
    ['quarter', '2026-12-31', '2026-10-01', '2027-01-01', '2026年第4季度'],
    ['quarter', '2026-05-01', '2026-04-01', '2026-07-01', '2026年第2季度'],
    ['month', '2026-12-10', '2026-12-01', '2027-01-01', '2026年12月'],
    ['month', '2026-02-28', '2026-02-01', '2026-03-01', '2026年2月'],
  ] as const)('%s: %s lies in the period from %s, the next from %s (%s)', (every, day, start, next, label) => {
    expect(periodStart(every, day)).toBe(start);
    expect(nextPeriodStart(every, day)).toBe(next);
    expect(periodLabel(every, start)).toBe(label);
  });
});

describe('measurePeriod', () => {
  it('每年年底前 launched in 2025: the first period is 2025, the second due 2026-12-31, issued on the make-up Sunday 01-04', () => {
    const t = recurring('year', null, '每年年底前');
    expect(measurePeriod(t, '2025-03-10', 1, cal)).toMatchObject({
      period: 1,
      due: '2025-12-31',
      label: '2025年度',
      issueOn: '2025-03-10',
    });
    const second = measurePeriod(t, '2025-03-10', 2, cal);
    // 2026-01-01..03 is the New Year holiday; Sunday 01-04 is a make-up working day.
    expect(second).toMatchObject({
      period: 2,
      start: '2026-01-01',
      due: '2026-12-31',
      label: '2026年度',
      issueOn: '2026-01-04',
      issueAt: '2026-01-04T01:00:00.000Z',
    });
    expect(periodBasis(t, second)).toBe('文件规定：每年年底前（每年一期，2026年度（第2期），截止 2026-12-31）');
    expect(periodBasis(t, measurePeriod(t, '2025-03-10', 1, cal))).toBe(
      '文件规定：每年年底前（每年一期，2025年度（第1期），截止 2025-12-31；以后各期逐期下发）',
    );
  });

  it('每年3月10日前 launched after March: the first period is next year, the second the year after', () => {
    const t = recurring('year', { month: 3, day: 10 }, '每年3月10日前');
    expect(measurePeriod(t, '2024-08-01', 1, cal)).toMatchObject({ due: '2025-03-10', label: '2025年度' });
    expect(measurePeriod(t, '2024-08-01', 2, cal)).toMatchObject({ start: '2026-01-01', due: '2026-03-10' });
  });

  it('每季度 after National Day: the fourth quarter of 2026 is issued on its first working day, 10-08', () => {
    const t = recurring('quarter', null, '每季度');
    expect(measurePeriod(t, '2026-08-20', 1, cal)).toMatchObject({ due: '2026-09-30', label: '2026年第3季度' });
    expect(measurePeriod(t, '2026-08-20', 2, cal)).toMatchObject({
      start: '2026-10-01',
      due: '2026-12-31',
      label: '2026年第4季度',
      issueOn: '2026-10-08',
    });
    expect(measurePeriod(t, '2026-08-20', 3, cal)).toMatchObject({ start: '2027-01-01', due: '2027-03-31' });
  });

  it('每月31日前 clamps each month, and a year the calendar lacks is issued on its first day', () => {
    const t = recurring('month', { month: null, day: 31 }, '每月31日前');
    expect(measurePeriod(t, '2026-12-15', 1, cal)).toMatchObject({ due: '2026-12-31' });
    expect(measurePeriod(t, '2026-12-15', 2, cal)).toMatchObject({ due: '2027-01-31', issueOn: '2027-01-01' });
    expect(measurePeriod(t, '2026-12-15', 3, cal)).toMatchObject({ due: '2027-02-28', label: '2027年2月' });
  });

  it('每半年 by the 15th', () => {
    const t = recurring('half-year', { month: null, day: 15 }, '每半年');
    expect(measurePeriod(t, '2026-06-15', 1, cal)).toMatchObject({ due: '2026-12-15', label: '2026年下半年' });
    expect(measurePeriod(t, '2026-06-15', 2, cal)).toMatchObject({ start: '2027-01-01', due: '2027-06-15' });
  });
});
