import { makeCalendar } from '../../calendar/domain/working-days';
import type { ParsedTimeLimit } from '../../documents/parse/parse-result.types';
import { firstPeriodDue, measureDue, type MeasureDueInput, ONGOING_BASIS, REQUESTED_BASIS } from './measure-due';

const cal = makeCalendar({ years: [2026, 2027], holidays: [], workdays: [], provisional: [2027] });
const today = '2026-12-01';
const documentDue = { dueDate: '2026-12-20', dueBasis: '下发时指定日期' };
const span: [number, number] = [0, 1];
const date = (due: string, raw: string): ParsedTimeLimit => ({ kind: 'date', due, raw, span, source: 'attribution' });
const input = (over: Partial<MeasureDueInput>): MeasureDueInput => ({
  timeLimit: null,
  requested: null,
  documentDue,
  today,
  cal,
  ...over,
});

describe('measureDue', () => {
  it('takes the document-wide date when the text sets no limit, as launches always did', () => {
    expect(measureDue(input({}))).toEqual({
      dueDate: '2026-12-20',
      dueBasis: '下发时指定日期',
      source: 'document',
      reportsMonthly: false,
      provisional: false,
      problem: null,
    });
  });

  it("takes the coordinator's date for the measure over the text's and the document's", () => {
    const due = measureDue(input({ requested: '2026-12-15', timeLimit: date('2026-12-31', '2026年底前') }));
    expect(due).toMatchObject({ dueDate: '2026-12-15', dueBasis: REQUESTED_BASIS, source: 'request', problem: null });
  });

  it("takes the text's date over the document-wide one, and needs no document-wide date for it", () => {
    for (const documentDueOrNull of [documentDue, null]) {
      const due = measureDue(input({ documentDue: documentDueOrNull, timeLimit: date('2026-12-31', '2026年底前') }));
      expect(due).toMatchObject({ dueDate: '2026-12-31', dueBasis: '文件规定：2026年底前', source: 'timeLimit' });
      expect(due.problem).toBeNull();
    }
  });

  it('does not take a limit already past: falls back to the document-wide date and says so', () => {
    const due = measureDue(input({ timeLimit: date('2026-06-30', '2026年6月底前') }));
    expect(due).toMatchObject({
      dueDate: '2026-12-20',
      dueBasis: '下发时指定日期（文件规定的「2026年6月底前」已过）',
      source: 'document',
      problem: { code: 'TIME_LIMIT_PASSED', blocking: false },
    });
    expect(due.problem?.message).toContain('已过');
  });

  it('treats a limit falling due today as past', () => {
    expect(measureDue(input({ timeLimit: date(today, '2026年12月1日前') })).problem?.code).toBe('TIME_LIMIT_PASSED');
  });

  it('blocks a measure with a past limit and no document-wide date, and one with no date at all', () => {
    const passed = measureDue(input({ documentDue: null, timeLimit: date('2026-06-30', '2026年6月底前') }));
    expect(passed).toMatchObject({ dueDate: null, problem: { code: 'TIME_LIMIT_PASSED', blocking: true } });
    const none = measureDue(input({ documentDue: null }));
    expect(none).toMatchObject({ dueDate: null, dueBasis: null, problem: { code: 'DUE_REQUIRED', blocking: true } });
  });

  it('flags a provisional year as such and a year the calendar lacks as CALENDAR_NOT_COVERED', () => {
    expect(measureDue(input({ timeLimit: date('2027-06-30', '2027年6月底前') }))).toMatchObject({
      provisional: true,
      problem: null,
    });
    const uncovered = measureDue(input({ timeLimit: date('2035-12-31', '到2035年') }));
    expect(uncovered).toMatchObject({
      dueDate: '2035-12-31',
      problem: { code: 'CALENDAR_NOT_COVERED', blocking: true },
    });
  });

  it('gives an ongoing measure the year end with monthly reports, or the document-wide date when given', () => {
    const ongoing: ParsedTimeLimit = { kind: 'ongoing', raw: '长期坚持', span, source: 'attribution' };
    expect(measureDue(input({ documentDue: null, timeLimit: ongoing }))).toMatchObject({
      dueDate: '2026-12-31',
      dueBasis: ONGOING_BASIS,
      reportsMonthly: true,
      problem: null,
    });
    expect(measureDue(input({ documentDue: null, today: '2026-12-31', timeLimit: ongoing })).dueDate).toBe(
      '2027-12-31',
    );
    const withDate = measureDue(input({ timeLimit: ongoing }));
    expect(withDate).toMatchObject({ dueDate: '2026-12-20', source: 'document', reportsMonthly: true });
    expect(withDate.dueBasis).toContain('按月报送进展');
  });

  it("gives a recurring measure its first period's date and says that it recurs", () => {
    const quarterly: ParsedTimeLimit = {
      kind: 'recurring',
      every: 'quarter',
      by: null,
      raw: '每季度',
      span,
      source: 'tableCell',
    };
    const due = measureDue(input({ documentDue: null, timeLimit: quarterly }));
    expect(due).toMatchObject({ dueDate: '2026-12-31', source: 'timeLimit', reportsMonthly: false, problem: null });
    expect(due.dueBasis).toBe(
      '文件规定：每季度（每季度一期，2026年第4季度（第1期），截止 2026-12-31；以后各期逐期下发）',
    );
  });
});

describe('firstPeriodDue', () => {
  const recurring = (
    every: 'year' | 'half-year' | 'quarter' | 'month',
    by: { month: number | null; day: number | 'end' } | null,
  ) => ({ kind: 'recurring', every, by, raw: '', span, source: 'text' }) as const;

  it.each([
    ['每年年底前', '2026-12-01', '2026-12-31', recurring('year', null)],
    ['每年2月底前', '2026-12-01', '2027-02-28', recurring('year', { month: 2, day: 'end' })],
    ['每年3月10日前', '2026-03-01', '2026-03-10', recurring('year', { month: 3, day: 10 })],
    ['每半年', '2026-06-30', '2026-12-31', recurring('half-year', null)],
    ['每季度末', '2026-04-01', '2026-06-30', recurring('quarter', { month: null, day: 'end' })],
    ['每月10日前', '2026-12-10', '2027-01-10', recurring('month', { month: null, day: 10 })],
    ['每月31日前 in February', '2027-02-01', '2027-02-28', recurring('month', { month: null, day: 31 })],
  ])('%s, today %s → %s', (_name, from, expected, limit) => {
    expect(firstPeriodDue(limit, from)).toBe(expected);
  });
});
