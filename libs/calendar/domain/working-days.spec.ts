import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { epochDayToIso, firstEpochDayOf, parseIsoDay } from './iso-day';
import {
  addWorkingDays,
  CalendarGapError,
  type CalendarData,
  coveredYears,
  isWorkingDay,
  makeCalendar,
  nextWorkingDay,
  workingDaysBetween,
} from './working-days';
import { changedWorkingDays, checkYearEntries } from './year-entries';

const YEARS = Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i);
const real = makeCalendar({
  years: YEARS,
  holidays: Object.keys(chineseDays.holidays),
  workdays: Object.keys(chineseDays.workdays),
});

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekendDay = (day: string) => weekday(day) === 0 || weekday(day) === 6;

/** A day of the given years, as YYYY-MM-DD. */
const dayIn = (first: number, last: number) =>
  fc
    .integer({ min: firstEpochDayOf(first), max: firstEpochDayOf(last + 1) - 1 })
    .map((epochDay) => epochDayToIso(epochDay));

/** Synthetic calendars over 2030–2034 with random holidays and random weekend make-up days. */
const synthetic = fc
  .record({
    holidays: fc.uniqueArray(dayIn(2030, 2034), { maxLength: 150 }),
    workdays: fc.uniqueArray(dayIn(2030, 2034).filter(isWeekendDay), { maxLength: 40 }),
  })
  .map((d): CalendarData => ({ years: [2030, 2031, 2032, 2033, 2034], ...d }));

/** The obvious, slow definition the fast tables must agree with. */
function referenceIsWorking(data: CalendarData, day: string): boolean {
  if (data.workdays.includes(day)) return true;
  if (data.holidays.includes(day)) return false;
  return !isWeekendDay(day);
}

const steps = fc.integer({ min: -60, max: 60 });
const nonZero = steps.filter((n) => n !== 0);

describe('working days on the real 2026 calendar (chinese-days data, expectations worked out by hand)', () => {
  it('knows the National Day week and its make-up Saturday', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(real, `2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay(real, '2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(real, '2026-10-11')).toBe(false); // plain Sunday
    expect(isWorkingDay(real, '2026-09-20')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(real, '2026-09-25')).toBe(false); // Friday, 中秋
    expect(isWorkingDay(real, '2026-09-29')).toBe(true); // plain Tuesday
  });

  it('steps over holidays and onto make-up days', () => {
    expect(addWorkingDays(real, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(real, '2026-10-12', -5)).toBe('2026-09-29'); // 10-10, 10-09, 10-08, 09-30, 09-29
    expect(addWorkingDays(real, '2026-10-08', 2)).toBe('2026-10-10');
    expect(addWorkingDays(real, '2026-02-13', 1)).toBe('2026-02-14'); // Saturday, 调休 before 春节
    expect(addWorkingDays(real, '2026-02-14', 1)).toBe('2026-02-24'); // 02-15..23 off
    expect(addWorkingDays(real, '2025-12-31', 1)).toBe('2026-01-04'); // Sunday, 调休 after 元旦
    expect(addWorkingDays(real, '2026-10-03', 0)).toBe('2026-10-08');
    expect(addWorkingDays(real, '2026-10-09', 0)).toBe('2026-10-09');
  });

  it('finds the next working day', () => {
    expect(nextWorkingDay(real, '2026-10-01', true)).toBe('2026-10-08');
    expect(nextWorkingDay(real, '2026-10-08', true)).toBe('2026-10-08');
    expect(nextWorkingDay(real, '2026-10-08', false)).toBe('2026-10-09');
  });

  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween(real, '2026-09-30', '2026-10-12')).toBe(4); // 10-08, 10-09, 10-10, 10-12
    expect(workingDaysBetween(real, '2026-10-12', '2026-09-30')).toBe(-4);
    expect(workingDaysBetween(real, '2026-10-01', '2026-10-07')).toBe(0);
    expect(workingDaysBetween(real, '2026-10-07', '2026-10-01')).toBe(0); // +0, not -0
    expect(workingDaysBetween(real, '2026-10-05', '2026-10-05')).toBe(0);
    expect(workingDaysBetween(real, '2025-12-31', '2026-01-05')).toBe(2); // 01-04 (调休), 01-05
  });

  it('refuses to guess beyond the data', () => {
    expect(coveredYears(real)).toEqual(YEARS);
    expect(() => addWorkingDays(real, '2026-12-31', 1)).toThrow(new CalendarGapError(2027));
    expect(() => isWorkingDay(real, '2027-01-04')).toThrow(CalendarGapError);
    expect(() => isWorkingDay(real, '2003-06-02')).toThrow('工作日历未覆盖 2003 年，请管理员先维护该年度日历');
    expect(() => workingDaysBetween(real, '2026-06-01', '2027-06-01')).toThrow(CalendarGapError);
    expect(() => addWorkingDays(real, '2004-01-02', -5)).toThrow(new CalendarGapError(2003));
  });

  it('rejects malformed days and fractional steps', () => {
    expect(() => isWorkingDay(real, '2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays(real, '2026-10-08', 1.5)).toThrow(RangeError);
  });

  it('treats every make-up day of the package as a working Saturday or Sunday', () => {
    for (const day of Object.keys(chineseDays.workdays)) {
      expect(isWeekendDay(day)).toBe(true);
      expect(isWorkingDay(real, day)).toBe(true);
    }
  });
});

describe('working-day invariants (property tests)', () => {
  it('agrees with the naive definition on any day', () => {
    fc.assert(
      fc.property(synthetic, dayIn(2030, 2034), (data, day) => {
        expect(isWorkingDay(makeCalendar(data), day)).toBe(referenceIsWorking(data, day));
      }),
    );
    fc.assert(
      fc.property(dayIn(2004, 2026), (day) => {
        const data = {
          years: YEARS,
          holidays: Object.keys(chineseDays.holidays),
          workdays: Object.keys(chineseDays.workdays),
        };
        expect(isWorkingDay(real, day)).toBe(referenceIsWorking(data, day));
      }),
    );
  });

  it('never makes a plain Saturday or Sunday a working day', () => {
    fc.assert(
      fc.property(synthetic, dayIn(2030, 2034).filter(isWeekendDay), (data, day) => {
        fc.pre(!data.workdays.includes(day));
        expect(isWorkingDay(makeCalendar(data), day)).toBe(false);
      }),
    );
  });

  it('lands on a working day for n ≠ 0, and counts back to n from a working day', () => {
    fc.assert(
      fc.property(dayIn(2005, 2025), nonZero, (day, n) => {
        const target = addWorkingDays(real, day, n);
        expect(isWorkingDay(real, target)).toBe(true);
        expect(n > 0 ? target > day : target < day).toBe(true);
        const start = nextWorkingDay(real, day, true);
        expect(workingDaysBetween(real, start, addWorkingDays(real, start, n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(synthetic, dayIn(2032, 2032), nonZero, (data, day, n) => {
        const cal = makeCalendar(data);
        const start = nextWorkingDay(cal, day, true);
        expect(workingDaysBetween(cal, start, addWorkingDays(cal, start, n))).toBe(n);
      }),
    );
  });

  it('is monotonic in n', () => {
    fc.assert(
      fc.property(dayIn(2005, 2025), steps, steps, (day, n, m) => {
        fc.pre(n < m);
        const a = addWorkingDays(real, day, n);
        const b = addWorkingDays(real, day, m);
        expect(a <= b).toBe(true);
        if (n !== 0 && m !== 0) expect(a < b).toBe(true);
      }),
    );
  });

  it('composes steps of the same sign', () => {
    const positive = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(dayIn(2005, 2025), positive, positive, fc.boolean(), (day, a, b, back) => {
        const s = back ? -1 : 1;
        expect(addWorkingDays(real, addWorkingDays(real, day, s * a), s * b)).toBe(
          addWorkingDays(real, day, s * (a + b)),
        );
      }),
    );
  });

  it('counts like a day-by-day walk, antisymmetrically', () => {
    fc.assert(
      fc.property(dayIn(2025, 2026), dayIn(2025, 2026), (from, to) => {
        const [lo, hi] = from <= to ? [from, to] : [to, from];
        let walked = 0;
        for (let e = parseIsoDay(lo)!.epochDay + 1; e <= parseIsoDay(hi)!.epochDay; e++) {
          if (isWorkingDay(real, epochDayToIso(e))) walked++;
        }
        expect(workingDaysBetween(real, from, to)).toBe(from <= to ? walked : 0 - walked);
        expect(workingDaysBetween(real, to, from)).toBe(0 - workingDaysBetween(real, from, to));
      }),
      { numRuns: 50 },
    );
  });

  it('always throws for a day in an uncovered year', () => {
    fc.assert(
      fc.property(synthetic, dayIn(1990, 2029), steps, (data, day, n) => {
        const cal = makeCalendar(data);
        const gap = new CalendarGapError(parseIsoDay(day)!.year);
        expect(() => isWorkingDay(cal, day)).toThrow(gap);
        expect(() => addWorkingDays(cal, day, n)).toThrow(gap);
        expect(() => workingDaysBetween(cal, day, '2031-05-05')).toThrow(CalendarGapError);
      }),
    );
  });

  it('answers thousands of queries quickly', () => {
    const started = Date.now();
    for (let i = 0; i < 5000; i++) {
      const day = epochDayToIso(firstEpochDayOf(2010) + (i % 5000));
      addWorkingDays(real, day, 20);
      workingDaysBetween(real, day, '2026-12-31');
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('a year as an administrator enters it', () => {
  it('accepts a clean year', () => {
    expect(
      checkYearEntries(2027, { holidays: [{ day: '2027-01-01', name: '元旦' }], workdays: [{ day: '2027-01-02' }] }),
    ).toEqual([]);
  });

  it('reports every problem with its code', () => {
    const problems = checkYearEntries(2027, {
      holidays: [{ day: '2027-02-30' }, { day: '2026-10-01' }, { day: '2027-05-03' }, { day: '2027-05-03' }],
      workdays: [{ day: '2027-05-03' }, { day: '2027-05-06' }],
    });
    expect(problems.map((p) => p.code)).toEqual([
      'INVALID_DATE',
      'INVALID_CALENDAR', // 2026-10-01 outside 2027
      'INVALID_CALENDAR', // holiday twice
      'INVALID_CALENDAR', // both kinds
      'INVALID_CALENDAR', // Monday as a make-up day
      'INVALID_CALENDAR', // Thursday as a make-up day
    ]);
    expect(checkYearEntries(2027, { holidays: [], workdays: [] })).toHaveLength(1);
    expect(checkYearEntries(1850, { holidays: [{ day: '1850-01-01' }], workdays: [] })[0].code).toBe('INVALID_DATE');
  });

  it('lists the days whose working status changes', () => {
    const before = { holidays: ['2027-10-01', '2027-10-02'], workdays: ['2027-10-09'] };
    const after = { holidays: ['2027-10-01', '2027-10-04'], workdays: [] };
    // 10-02 is a Saturday: off either way. 10-04 Monday becomes a holiday, 10-09 Saturday stops being a make-up day.
    expect(changedWorkingDays(before, after)).toEqual(['2027-10-04', '2027-10-09']);
    expect(changedWorkingDays(null, after)).toEqual(['2027-10-01', '2027-10-04']);
  });
});
