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

  it('reads a submission under review, whose clock stands still (待审核), by its submission day', () => {
    // Rule 2 pauses the clock on submission; the pause must neither grey it nor hide lateness.
    const inReview = { ...open, state: 'submitted' as const, pausedSince: '2026-10-20', submittedOn: '2026-10-20' };
    const late = readClock(cal, inReview, DEFAULT_LADDER, '2026-10-26');
    expect(late).toMatchObject({ colour: 'red', overdue: true });
    const onTime = readClock(
      cal,
      { ...inReview, pausedSince: '2026-10-15', submittedOn: '2026-10-15' },
      DEFAULT_LADDER,
      '2026-10-26',
    );
    expect(onTime).toMatchObject({ colour: 'green', overdue: false, explanation: '已提交，待审核' });
  });

  it('says of an accepted task whether it was on time or how many working days late', () => {
    const accepted = { ...open, state: 'accepted' as const };
    const late = { onTime: false, submittedOn: '2026-10-20', dueDate: '2026-10-16', workingDaysLate: 2 };
    expect(readClock(cal, { ...accepted, acceptance: late }, DEFAULT_LADDER, '2026-10-26').explanation).toBe(
      '已办结（逾期办结：2026-10-20 提交，截止 2026-10-16，逾期 2 个工作日）',
    );
    const inTime = { onTime: true, submittedOn: '2026-10-15', dueDate: '2026-10-16' };
    expect(readClock(cal, { ...accepted, acceptance: inTime }, DEFAULT_LADDER, '2026-10-26').explanation).toBe(
      '已办结（按期：2026-10-15 提交，截止 2026-10-16）',
    );
    expect(readClock(cal, accepted, DEFAULT_LADDER, '2026-10-26').explanation).toBe('已办结');
  });
});
