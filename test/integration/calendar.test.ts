import { DataSource } from 'typeorm';
import { CalendarError, type CalendarErrorCode } from '../../libs/calendar/calendar.errors';
import { CalendarService } from '../../libs/calendar/calendar.service';
import { addWorkingDays, CalendarGapError, isWorkingDay, makeCalendar } from '../../libs/calendar/domain/working-days';
import { dataSourceOptions } from '../../libs/database';

/**
 * Real PostgreSQL, migrated by the global setup and shared with every other test file of the run:
 * this file only writes to 2098, 2099 (never used elsewhere) and one day of 2010, which it restores.
 */
describe('calendar persistence', () => {
  let db: DataSource;
  let calendar: CalendarService;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
    calendar = new CalendarService(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function refusedWith(code: CalendarErrorCode, action: () => Promise<unknown>): Promise<void> {
    const error = await action().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe(code);
  }

  const changeCount = async (year: number) => {
    const [row] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM calendar_change WHERE year = $1', [
      year,
    ]);
    return row.n;
  };

  it('is seeded from chinese-days for 2004–2026', async () => {
    const seeded = await db.query<{ year: number; source: string }[]>(
      `SELECT year, source FROM calendar_year WHERE source LIKE 'chinese-days %' ORDER BY year`,
    );
    expect(seeded.map((r) => r.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(new Set(seeded.map((r) => r.source))).toEqual(new Set(['chinese-days 1.5.7']));

    const cal = makeCalendar(await calendar.getCalendar());
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false);
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(() => isWorkingDay(cal, '2003-12-31')).toThrow(CalendarGapError);
    expect(() => isWorkingDay(cal, '2098-06-01')).toThrow(CalendarGapError);

    const y2026 = await calendar.getYear(2026);
    expect(y2026.holidays).toContainEqual({ day: '2026-10-01', name: '国庆节' });
    expect(y2026.workdays).toContainEqual({ day: '2026-10-10', name: '国庆节' });
    const listed = await calendar.listYears();
    expect(listed.find((y) => y.year === 2026)).toMatchObject({ holidayCount: 33, workdayCount: 6 });
  });

  it('has not seeded 2027: the package has no full data for it', async () => {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM calendar_year WHERE year = 2027 AND source LIKE 'chinese-days %'`,
    );
    expect(rows).toHaveLength(0);
    await refusedWith('YEAR_NOT_FOUND', () => calendar.getYear(2098));
  });

  it('refuses bad years with the right code and changes nothing', async () => {
    const good = { holidays: [{ day: '2098-01-01', name: '元旦' }], workdays: [] };
    await refusedWith('REASON_REQUIRED', () => calendar.putYear(2098, good, 'test', '  '));
    await refusedWith('INVALID_DATE', () =>
      calendar.putYear(2098, { ...good, holidays: [{ day: '2098-02-30' }] }, 'test', 'r'),
    );
    await refusedWith('INVALID_DATE', () => calendar.putYear(1800, good, 'test', 'r'));
    await refusedWith('INVALID_CALENDAR', () =>
      calendar.putYear(2098, { ...good, holidays: [{ day: '2097-12-31' }] }, 'test', 'r'),
    );
    await refusedWith('INVALID_CALENDAR', () =>
      calendar.putYear(2098, { holidays: [{ day: '2098-01-01' }], workdays: [{ day: '2098-01-01' }] }, 'test', 'r'),
    );
    await refusedWith('INVALID_CALENDAR', () =>
      calendar.putYear(2098, { holidays: [{ day: '2098-01-01' }, { day: '2098-01-01' }], workdays: [] }, 'test', 'r'),
    );
    await refusedWith(
      'INVALID_CALENDAR',
      () => calendar.putYear(2098, { ...good, workdays: [{ day: '2098-01-06' }] }, 'test', 'r'), // a Monday
    );
    await refusedWith('INVALID_CALENDAR', () => calendar.putYear(2098, { holidays: [], workdays: [] }, 'test', 'r'));
    await refusedWith('CALENDAR_NOT_COVERED', () => calendar.setDay('2098-01-05', 'holiday', null, 'test', 'r'));
    await refusedWith('INVALID_DATE', () => calendar.setDay('2098-13-01', 'holiday', null, 'test', 'r'));
    await refusedWith('INVALID_CALENDAR', () => calendar.setDay('2010-06-01', 'workday', null, 'test', 'r')); // Tuesday
    await refusedWith('REASON_REQUIRED', () => calendar.setDay('2010-06-01', 'holiday', null, 'test', ''));

    const years: unknown[] = await db.query('SELECT 1 FROM calendar_year WHERE year = 2098');
    expect(years).toHaveLength(0);
    expect(await changeCount(2098)).toBe(0);
    expect(await changeCount(2010)).toBe(0);
    expect(isWorkingDay(await calendar.getWorkCalendar(), '2010-06-01')).toBe(true);
  });

  it('adds a year atomically, logs it, and serves it at once, in this process and another', async () => {
    const other = new CalendarService(db); // stands for the worker's copy of the cache
    const beforePut = await other.getWorkCalendar();
    expect(() => isWorkingDay(beforePut, '2099-01-02')).toThrow(new CalendarGapError(2099));

    const summary = await calendar.putYear(
      2099,
      {
        holidays: [
          { day: '2099-01-01', name: '元旦' },
          { day: '2099-01-02', name: ' 元旦 ' },
          { day: '2099-10-01', name: '国庆节' },
        ],
        workdays: [{ day: '2099-10-10', name: '国庆节' }],
      },
      '测试管理员',
      '国办发明电〔2098〕1号',
    );
    // New year: compared with plain Mon–Fri, the two weekday holidays and the make-up Saturday changed.
    expect(summary).toEqual({
      year: 2099,
      changedDays: ['2099-01-01', '2099-01-02', '2099-10-01', '2099-10-10'],
      newlyCovered: true,
    });

    for (const service of [calendar, other]) {
      const cal = await service.getWorkCalendar();
      expect(isWorkingDay(cal, '2099-01-02')).toBe(false);
      expect(isWorkingDay(cal, '2099-10-10')).toBe(true);
      expect(addWorkingDays(cal, '2099-09-30', 1)).toBe('2099-10-02');
    }
    // 2098 stays uncovered, so stepping into it still refuses to guess.
    const afterPut = makeCalendar(await other.getCalendar());
    expect(() => addWorkingDays(afterPut, '2099-01-05', -2)).toThrow(new CalendarGapError(2098));

    const year = await calendar.getYear(2099);
    expect(year).toMatchObject({ source: 'admin', updatedBy: '测试管理员', holidayCount: 3, workdayCount: 1 });
    expect(year.holidays[1]).toEqual({ day: '2099-01-02', name: '元旦' });

    const [change] = await calendar.listChanges(2099);
    expect(change).toMatchObject({
      year: 2099,
      day: null,
      actor: '测试管理员',
      reason: '国办发明电〔2098〕1号',
      before: null,
    });
    expect((change.after as { days: unknown[] }).days).toHaveLength(4);

    // Replacing with bad data leaves the stored year as it was.
    await refusedWith('INVALID_CALENDAR', () =>
      calendar.putYear(2099, { holidays: [{ day: '2099-01-01' }], workdays: [{ day: '2099-01-05' }] }, 'x', 'r'),
    );
    expect(await calendar.getYear(2099)).toEqual(year);

    // Replacing it for real reports only the days whose status moved.
    const replaced = await calendar.putYear(
      2099,
      { holidays: [{ day: '2099-01-01', name: '元旦' }, { day: '2099-10-01' }, { day: '2099-10-02' }], workdays: [] },
      '测试管理员',
      '更正',
    );
    expect(replaced).toEqual({
      year: 2099,
      changedDays: ['2099-01-02', '2099-10-02', '2099-10-10'],
      newlyCovered: false,
    });
    expect(isWorkingDay(await other.getWorkCalendar(), '2099-10-10')).toBe(false);
    expect(await changeCount(2099)).toBe(2);
  });

  it('corrects one day, logs the correction, and can undo it', async () => {
    const summary = await calendar.setDay('2010-06-01', 'holiday', '测试假日', 'tester', '单日修正测试');
    expect(summary).toEqual({ year: 2010, changedDays: ['2010-06-01'], newlyCovered: false });
    expect(isWorkingDay(await calendar.getWorkCalendar(), '2010-06-01')).toBe(false);

    const [change] = await calendar.listChanges(2010);
    expect(change).toMatchObject({
      year: 2010,
      day: '2010-06-01',
      actor: 'tester',
      reason: '单日修正测试',
      before: { kind: 'normal' },
      after: { kind: 'holiday', name: '测试假日' },
    });
    // Renaming a day off does not move any deadline.
    expect((await calendar.setDay('2010-06-01', 'holiday', '改名', 'tester', '改名')).changedDays).toEqual([]);

    const undo = await calendar.setDay('2010-06-01', 'normal', null, 'tester', '恢复');
    expect(undo.changedDays).toEqual(['2010-06-01']);
    expect(isWorkingDay(await calendar.getWorkCalendar(), '2010-06-01')).toBe(true);
    expect(await changeCount(2010)).toBe(3);
    const rows: unknown[] = await db.query(`SELECT 1 FROM calendar_day WHERE day = '2010-06-01'`);
    expect(rows).toHaveLength(0);
  });

  it('enforces the rules in the schema too', async () => {
    await expect(db.query(`INSERT INTO calendar_day (day, kind) VALUES ('2010-06-02', 'workday')`)).rejects.toThrow(
      /calendar_day_workday_on_weekend/,
    );
    await expect(db.query(`INSERT INTO calendar_day (day, kind) VALUES ('2097-06-01', 'holiday')`)).rejects.toThrow(
      /foreign key/,
    );
    await expect(db.query(`INSERT INTO calendar_day (day, kind) VALUES ('2010-06-02', 'weekend')`)).rejects.toThrow(
      /check constraint/,
    );
    await expect(db.query(`UPDATE calendar_change SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM calendar_change`)).rejects.toThrow(/append-only/);
  });
});
