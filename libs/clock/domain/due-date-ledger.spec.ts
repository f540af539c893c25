import { makeCalendar } from '../../calendar/domain/working-days';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { effectiveDeadline, type LedgerEntry, pausedWorkingDays } from './due-date-ledger';

const cal = makeCalendar(prcCalendarData());
const stamp = { by: 'x', at: '2026-11-01T00:00:00Z', reason: 'r' };
const set = (dueDate: string): LedgerEntry => ({ kind: 'set', dueDate, basis: 'test', ...stamp });
const pause = (day: string): LedgerEntry => ({ kind: 'pause', day, ...stamp });
const resume = (day: string): LedgerEntry => ({ kind: 'resume', day, ...stamp });

// November 2026 has no holidays: Fri 11-13, Sat 11-14, Sun 11-15, Mon 11-16, Fri 11-20, Sat 11-21.
describe('pause arithmetic', () => {
  it('gives back exactly the working days a pause covered, its first day included, its last not', () => {
    expect(pausedWorkingDays(cal, '2026-11-13', '2026-11-16')).toBe(1); // Friday
    expect(pausedWorkingDays(cal, '2026-11-13', '2026-11-17')).toBe(2); // Friday and Monday
    expect(pausedWorkingDays(cal, '2026-11-16', '2026-11-16')).toBe(0); // resumed the same day
  });

  it('gives back nothing for a pause over a weekend alone', () => {
    expect(pausedWorkingDays(cal, '2026-11-14', '2026-11-16')).toBe(0);
    const ledger = [set('2026-11-20'), pause('2026-11-14'), resume('2026-11-16')];
    expect(effectiveDeadline(cal, ledger).dueDate).toBe('2026-11-20');
  });

  it('paused Friday and resumed Monday moves the due date by one working day', () => {
    const ledger = [set('2026-11-20'), pause('2026-11-13'), resume('2026-11-16')];
    expect(effectiveDeadline(cal, ledger).dueDate).toBe('2026-11-23');
  });

  it('rolls a weekend due date to its working day before adding the pause', () => {
    // Due Saturday 11-21 means Monday 11-23; one day paused makes it Tuesday 11-24.
    const ledger = [set('2026-11-21'), pause('2026-11-13'), resume('2026-11-16')];
    expect(effectiveDeadline(cal, ledger).dueDate).toBe('2026-11-24');
  });

  it('while paused, counts the days up to but not including today', () => {
    const ledger = [set('2026-11-20'), pause('2026-11-13')];
    expect(effectiveDeadline(cal, ledger, '2026-11-13').dueDate).toBe('2026-11-20');
    expect(effectiveDeadline(cal, ledger, '2026-11-16').dueDate).toBe('2026-11-23');
  });
});
