import { makeCalendar } from '../../calendar/domain/working-days';
import { statutoryYear } from '../../calendar/domain/statutory-year';
import { chineseLunarCalendar } from '../../calendar/lunar-calendar';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { firingInstant } from './beijing-time';
import { readClock } from './clock-reading';
import { planTask } from './firing-plan';
import { DEFAULT_LADDER } from './ladder';
import { noteProvisional } from './provisional-note';

// The calendar as CalendarService serves it on 2026-12-01: the packaged years, and 2027 provisional.
const data = prcCalendarData();
const y2027 = statutoryYear(2027, chineseLunarCalendar);
const cal = makeCalendar({
  years: [...data.years, 2027],
  holidays: [...data.holidays, ...y2027.holidays.map((h) => h.day)],
  workdays: data.workdays,
  provisional: [2027],
});
const launch = (dueDate: string) =>
  planTask(cal, {
    ledger: [
      { kind: 'set', dueDate, basis: '下发时指定日期', by: 'system', at: '2026-12-01T02:00:00Z', reason: '下发' },
    ],
    ladder: DEFAULT_LADDER,
    cadence: null,
    issuedOn: '2026-12-01',
  });

describe('a deadline reaching into a year the State Council has not scheduled yet', () => {
  it('plans every rung after a due date of 2026-12-31 on the provisional 2027, and says so', () => {
    const plan = launch('2026-12-31');
    expect(plan.gapYears).toEqual([]);
    expect(plan.provisionalYears).toEqual([2027]);
    // 元旦 2027 (Friday 1 January) is a day off: 催办 on the third working day after the due date.
    expect(plan.rungs.map((a) => [a.key, a.day])).toEqual([
      ['reminder', '2026-12-24'],
      ['due', '2026-12-31'],
      ['urge', '2027-01-06'],
      ['supervise', '2027-01-15'],
    ]);
    expect(plan.rungs.every((a) => a.at === firingInstant(a.day ?? ''))).toBe(true);

    const task = { state: 'issued' as const, dueDate: '2026-12-31', pausedSince: null };
    const reading = noteProvisional(
      cal,
      readClock(cal, task, DEFAULT_LADDER, '2026-12-01'),
      task.dueDate,
      DEFAULT_LADDER,
    );
    expect(reading.colour).toBe('green');
    expect(reading.provisionalYears).toEqual([2027]);
    expect(reading.explanation).toContain('2027 年节假日暂按法定节假日推算');
  });

  it('says nothing when every day it rests on is in a published year', () => {
    const plan = launch('2026-11-30');
    expect(plan.provisionalYears).toEqual([]);
    const task = { state: 'issued' as const, dueDate: '2026-11-30', pausedSince: null };
    const reading = noteProvisional(
      cal,
      readClock(cal, task, DEFAULT_LADDER, '2026-11-02'),
      task.dueDate,
      DEFAULT_LADDER,
    );
    expect(reading.provisionalYears).toEqual([]);
    expect(reading.explanation).not.toContain('暂按');
  });
});
