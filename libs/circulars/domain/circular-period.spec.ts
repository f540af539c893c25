import { makeCalendar } from '../../calendar/domain/working-days';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { circularAsOf, circularDueOn, workingDayOrdinal } from './circular-period';

const cal = makeCalendar(prcCalendarData());

describe('when a 情况通报 is due (the PRC calendar, not a cron)', () => {
  it('weekly: on the first working day of the week, which a holiday moves off Monday', () => {
    expect(circularDueOn(cal, 'weekly', '2026-09-28')).toEqual({
      kind: 'weekly',
      period: '2026-W40',
      issuedOn: '2026-09-28',
      asOf: '2026-09-27',
      from: '2026-09-21',
      to: '2026-09-27',
    });
    // National Day: Monday 5 October to Wednesday is off, so Thursday 8 October is the week's first working day.
    expect(circularDueOn(cal, 'weekly', '2026-10-05')).toBeNull();
    expect(circularDueOn(cal, 'weekly', '2026-10-08')).toMatchObject({
      period: '2026-W41',
      issuedOn: '2026-10-08',
      asOf: '2026-10-07',
      from: '2026-10-01',
    });
    expect(circularDueOn(cal, 'weekly', '2026-10-09')).toBeNull();
  });

  it('weekly: the ISO week belongs to the year of its Thursday', () => {
    expect(circularDueOn(cal, 'weekly', '2025-12-29')).toMatchObject({ period: '2026-W01' });
    // Sunday 4 January 2026 is a make-up working day, but the week already had its first one.
    expect(workingDayOrdinal(cal, 'weekly', '2026-01-04')).toBe(4);
    expect(circularDueOn(cal, 'weekly', '2026-01-04')).toBeNull();
  });

  it('monthly: on the third working day, a make-up Saturday counted, covering the month before', () => {
    expect(circularDueOn(cal, 'monthly', '2026-10-10')).toEqual({
      kind: 'monthly',
      period: '2026-09',
      issuedOn: '2026-10-10',
      asOf: '2026-09-30',
      from: '2026-09-01',
      to: '2026-09-30',
    });
    expect(circularDueOn(cal, 'monthly', '2026-10-12')).toBeNull();
    expect(circularDueOn(cal, 'monthly', '2026-02-04')).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
    expect(workingDayOrdinal(cal, 'monthly', '2026-10-03')).toBe(0);
  });

  it('regenerates as of any day: the window a stored circular of that day had', () => {
    expect(circularAsOf('weekly', '2026-09-27')).toEqual({
      kind: 'weekly',
      period: '2026-W39',
      issuedOn: null,
      asOf: '2026-09-27',
      from: '2026-09-21',
      to: '2026-09-27',
    });
    const stored = circularDueOn(cal, 'monthly', '2026-10-10');
    expect(circularAsOf('monthly', '2026-09-30')).toEqual({ ...stored, issuedOn: null });
    expect(circularAsOf('monthly', '2026-01-15')).toMatchObject({
      period: '2026-01',
      from: '2026-01-01',
      to: '2026-01-15',
    });
  });
});
