import { makeCalendar } from '../../calendar/domain/working-days';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { addDays, firingInstant, isIsoDate, shanghaiDay } from './beijing-time';
import { readClock, worstColour } from './clock-reading';
import { DEFAULT_LADDER } from './ladder';

const cal = makeCalendar(prcCalendarData());

describe('date helpers', () => {
  it('validates ISO dates including month lengths', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-1-1')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads the Beijing calendar day of an instant and fires at 09:00 Beijing time', () => {
    expect(shanghaiDay(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(shanghaiDay(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(firingInstant('2026-10-10')).toBe('2026-10-10T01:00:00.000Z');
  });
});

describe('readClock', () => {
  // Due Friday 2026-10-16. Working days before it: 10-15, 10-14, 10-13, 10-12, 10-10 (the
  // make-up Saturday), so the reminder (-5) falls on Saturday 10-10; 10-01..07 are the holiday.
  const open = { state: 'in_progress' as const, dueDate: '2026-10-16', pausedSince: null };

  it('is green before the reminder day and yellow from it, counting the make-up Saturday', () => {
    expect(readClock(cal, open, DEFAULT_LADDER, '2026-10-09').colour).toBe('green');
    const reading = readClock(cal, open, DEFAULT_LADDER, '2026-10-10');
    expect(reading.colour).toBe('yellow');
    expect(reading.rule).toEqual({ key: 'reminder', label: '提醒', day: '2026-10-10' });
    expect(reading.workingDaysLeft).toBe(5);
  });

  it('turns red on the third working day after the due day, not the third calendar day', () => {
    // Working days after Fri 10-16: Mon 10-19, Tue 10-20, Wed 10-21.
    expect(readClock(cal, open, DEFAULT_LADDER, '2026-10-19').colour).toBe('yellow');
    expect(readClock(cal, open, DEFAULT_LADDER, '2026-10-20').colour).toBe('yellow');
    const urged = readClock(cal, open, DEFAULT_LADDER, '2026-10-21');
    expect(urged.colour).toBe('red');
    expect(urged.rule?.key).toBe('urge');
    expect(urged.overdue).toBe(true);
    expect(urged.workingDaysLeft).toBe(-3);
    expect(urged.explanation).toContain('催办');
  });

  it('is grey while paused and for tasks not issued, green once accepted', () => {
    expect(readClock(cal, { ...open, pausedSince: '2026-10-12' }, DEFAULT_LADDER, '2026-10-21').colour).toBe('grey');
    expect(readClock(cal, { ...open, state: 'draft' }, DEFAULT_LADDER, '2026-10-21').colour).toBe('grey');
    expect(readClock(cal, { ...open, state: 'accepted' }, DEFAULT_LADDER, '2026-10-21').colour).toBe('green');
  });

  it('flags a calendar gap instead of guessing Mon–Fri', () => {
    const late = { ...open, dueDate: '2026-12-28' };
    // The supervision rung (+10 working days) would fall in 2027, which the data does not cover.
    const reading = readClock(cal, late, DEFAULT_LADDER, '2026-12-29');
    expect(reading.calendarGapYear).toBe(2027);
    expect(reading.explanation).toContain('2027');
  });

  it('rolls colours up to the worst', () => {
    expect(worstColour(['green', 'red', 'yellow'])).toBe('red');
    expect(worstColour([])).toBe('grey');
  });
});

describe('readClock: colours never hide lateness (issue 9 rule 10)', () => {
  const open = { state: 'in_progress' as const, dueDate: '2026-10-16', pausedSince: null };

  it('turns red at the instant the urging fires (09:00 Beijing), not from midnight of its day', () => {
    // Urging on Wednesday 2026-10-21 at 09:00 Beijing = 01:00Z.
    expect(readClock(cal, open, DEFAULT_LADDER, new Date('2026-10-20T16:30:00Z')).colour).toBe('yellow');
    expect(readClock(cal, open, DEFAULT_LADDER, new Date('2026-10-21T00:59:59Z')).colour).toBe('yellow');
    expect(readClock(cal, open, DEFAULT_LADDER, new Date('2026-10-21T01:00:00Z')).colour).toBe('red');
  });

  it('reads a submission made after the due date as late, in colour and text', () => {
    const late = { ...open, state: 'submitted' as const, submittedOn: '2026-10-20' };
    const reading = readClock(cal, late, DEFAULT_LADDER, new Date('2026-10-21T02:00:00Z'));
    expect(reading.colour).toBe('red');
    expect(reading.overdue).toBe(true);
    expect(reading.explanation).toContain('逾期提交（逾期 2 个工作日）');
    const onTime = { ...late, submittedOn: '2026-10-16' };
    expect(readClock(cal, onTime, DEFAULT_LADDER, new Date('2026-10-21T02:00:00Z')).colour).toBe('green');
  });
});
