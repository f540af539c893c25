import { makeCalendar } from '../../calendar/domain/working-days';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { effectiveDeadline, type LedgerEntry } from './due-date-ledger';
import { DEFAULT_LADDER, ladderProblems } from './ladder';
import { planFromWire, planTask } from './firing-plan';

const cal = makeCalendar(prcCalendarData());
const stamp = { by: 'x', at: '2026-09-01T00:00:00Z', reason: 'r' };
const set = (dueDate: string): LedgerEntry => ({ kind: 'set', dueDate, basis: 'test', ...stamp });

describe('effectiveDeadline', () => {
  it('moves a due date on a holiday to the next working day', () => {
    expect(effectiveDeadline(cal, [set('2026-10-03')]).dueDate).toBe('2026-10-08');
  });

  it('replaces the due date on an extension and counts extensions', () => {
    const ledger: LedgerEntry[] = [
      set('2026-10-16'),
      { kind: 'extension', from: '2026-10-16', to: '2026-11-13', requestedBy: 'l', ...stamp },
    ];
    expect(effectiveDeadline(cal, ledger)).toEqual({
      dueDate: '2026-11-13',
      pausedSince: null,
      pauseBasis: null,
      extensions: 1,
    });
  });

  it('pushes the due date by the working days a pause lasted, across the National Day holiday', () => {
    // Paused Wed 09-30, resumed Fri 10-09: working days in (09-30, 10-09] are 10-08 and 10-09.
    const ledger: LedgerEntry[] = [
      set('2026-10-16'),
      { kind: 'pause', day: '2026-09-30', ...stamp },
      { kind: 'resume', day: '2026-10-09', ...stamp },
    ];
    // 10-16 + 2 working days = Tue 10-20.
    expect(effectiveDeadline(cal, ledger).dueDate).toBe('2026-10-20');
  });

  it('while paused, grows the due date up to today', () => {
    const ledger: LedgerEntry[] = [set('2026-10-16'), { kind: 'pause', day: '2026-10-12', ...stamp }];
    expect(effectiveDeadline(cal, ledger)).toMatchObject({ dueDate: '2026-10-16', pausedSince: '2026-10-12' });
    // (10-12, 10-14] holds 10-13 and 10-14: two working days.
    expect(effectiveDeadline(cal, ledger, '2026-10-14').dueDate).toBe('2026-10-20');
  });
});

describe('planTask', () => {
  it('puts each default rung on its working day at 09:00 Beijing time, in ladder order', () => {
    const plan = planTask(cal, {
      ledger: [set('2026-10-16')],
      ladder: DEFAULT_LADDER,
      cadence: null,
      issuedOn: '2026-09-01',
    });
    expect(plan.rungs.map((a) => [a.key, a.day])).toEqual([
      ['reminder', '2026-10-10'],
      ['due', '2026-10-16'],
      ['urge', '2026-10-21'],
      ['supervise', '2026-10-30'],
    ]);
    expect(plan.rungs[0].at).toBe('2026-10-10T01:00:00.000Z');
    expect(plan.gapYears).toEqual([]);
  });

  it('leaves rungs in an uncovered year unplanned and names the year', () => {
    const plan = planTask(cal, {
      ledger: [set('2026-12-28')],
      ladder: DEFAULT_LADDER,
      cadence: null,
      issuedOn: '2026-11-01',
    });
    expect(plan.rungs.map((a) => a.day)).toEqual(['2026-12-21', '2026-12-28', '2026-12-31', null]);
    expect(plan.gapYears).toEqual([2027]);
  });

  it('adds monthly progress-report reminders on the N-th working day', () => {
    const plan = planTask(cal, {
      ledger: [set('2026-12-31')],
      ladder: DEFAULT_LADDER,
      cadence: { monthlyWorkingDay: 5 },
      issuedOn: '2026-09-15',
    });
    const reports = plan.rungs.filter((a) => a.kind === 'report').map((a) => a.day);
    // October: 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up), 10-12 Mon, 10-13 Tue → 10-13.
    // November: 11-02, 11-03, 11-04, 11-05, 11-06 → 11-06. December: 12-01..12-04, 12-07 → 12-07.
    expect(reports).toEqual(['2026-10-13', '2026-11-06', '2026-12-07']);
  });

  it('keys report reminders by the month they belong to, also when the N-th working day falls in the next', () => {
    // 17 working days: February 2026 has only 16 (Spring Festival), so February's falls on 03-02.
    const plan = planTask(cal, {
      ledger: [set('2026-03-31')],
      ladder: DEFAULT_LADDER,
      cadence: { monthlyWorkingDay: 17 },
      issuedOn: '2026-01-01',
    });
    const reports = plan.rungs.filter((a) => a.kind === 'report');
    expect(reports.map((a) => a.key)).toEqual(['report-2026-01', 'report-2026-02', 'report-2026-03']);
    expect(reports[1].day).toBe('2026-03-02');
    expect(reports[2].day! > reports[1].day!).toBe(true);
  });

  it('flags the report periods of an uncovered year alone and still plans the others', () => {
    const plan = planTask(cal, {
      ledger: [set('2027-02-26')],
      ladder: DEFAULT_LADDER,
      cadence: { monthlyWorkingDay: 5 },
      issuedOn: '2026-10-15',
    });
    const reports = plan.rungs.filter((a) => a.kind === 'report').map((a) => [a.key, a.day]);
    expect(reports).toEqual([
      ['report-2026-11', '2026-11-06'],
      ['report-2026-12', '2026-12-07'],
      ['report-2027-01', null],
      ['report-2027-02', null],
    ]);
    expect(plan.gapYears).toEqual([2027]);
  });
});

describe('ladderProblems', () => {
  it('accepts the default ladder and names what is wrong with a bad one', () => {
    expect(ladderProblems(DEFAULT_LADDER)).toEqual([]);
    const bad = [DEFAULT_LADDER[1], DEFAULT_LADDER[0]];
    expect(ladderProblems(bad).join()).toContain('须大于上一级');
    expect(ladderProblems([]).length).toBe(1);
  });
});

describe('a plan from an older run', () => {
  it('reads the rungs an older plan called alarms', () => {
    const rung = {
      key: 'due',
      kind: 'rung' as const,
      day: '2026-12-31',
      at: null,
      offset: 0,
      audience: [],
      colour: null,
      label: '到期提醒',
    };
    const old = { dueDate: '2026-12-31', pausedSince: null, extensions: 0, gapYears: [], alarms: [rung] };
    expect(planFromWire(old)).toEqual({
      dueDate: '2026-12-31',
      pausedSince: null,
      extensions: 0,
      gapYears: [],
      rungs: [rung],
    });
  });
});
