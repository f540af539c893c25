import { addDays, isIsoDate, planRungs, shanghaiDay, taskColour, worstColour } from './deadline';

describe('deadline arithmetic', () => {
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

  it('reads the Beijing calendar day of an instant', () => {
    expect(shanghaiDay(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(shanghaiDay(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });

  it('plans the reminder 5 days before and the escalation 3 days after, at 09:00 Beijing time', () => {
    expect(planRungs('2026-12-31')).toEqual([
      { key: 'reminder', day: '2026-12-26', at: '2026-12-26T01:00:00.000Z' },
      { key: 'overdue', day: '2027-01-03', at: '2027-01-03T01:00:00.000Z' },
    ]);
    expect(planRungs('2026-12-31', { reminderDaysBefore: 1, overdueDaysAfter: 1 }).map((r) => r.day)).toEqual([
      '2026-12-30',
      '2027-01-01',
    ]);
  });

  it('derives the colour from the clock', () => {
    const open = { state: 'in_progress' as const, dueDate: '2026-12-31' };
    expect(taskColour(open, '2026-12-25')).toBe('green');
    expect(taskColour(open, '2026-12-26')).toBe('yellow');
    expect(taskColour(open, '2026-12-31')).toBe('yellow');
    expect(taskColour(open, '2027-01-01')).toBe('red');
    expect(taskColour({ state: 'accepted', dueDate: '2026-12-31' }, '2027-01-05')).toBe('green');
    expect(taskColour({ state: 'draft', dueDate: null }, '2027-01-05')).toBe('grey');
    expect(worstColour(['green', 'red', 'yellow'])).toBe('red');
    expect(worstColour([])).toBe('grey');
  });
});
