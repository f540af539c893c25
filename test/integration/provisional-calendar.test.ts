import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { CalendarService, PROVISIONAL_YEARS_AHEAD } from '../../libs/calendar/calendar.service';
import { HolidayNoticeService } from '../../libs/calendar/holiday-notice.service';
import { isWorkingDay } from '../../libs/calendar/domain/working-days';
import { dataSourceOptions } from '../../libs/database';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (day: string) => WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()];

/**
 * Real PostgreSQL shared with the other test files: this file writes only to the farthest
 * provisional year, which no other test uses.
 */
describe('the calendar past its data: provisional years and the State Council notice', () => {
  let db: DataSource;
  let calendar: CalendarService;
  let notices: HolidayNoticeService;
  const far = new Date(Date.now() + 8 * 3600e3).getUTCFullYear() + PROVISIONAL_YEARS_AHEAD;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
    calendar = new CalendarService(db);
    notices = new HolidayNoticeService(db, calendar);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('plans a year nobody has loaded on the statutory holidays, and marks it provisional everywhere', async () => {
    const year = await calendar.getYear(far);
    expect(year).toMatchObject({ year: far, source: 'provisional', provisional: true, workdayCount: 0 });
    expect(year.reason).toContain('全国年节及纪念日放假办法');
    expect(year.holidays).toContainEqual({ day: `${far}-10-01`, name: '国庆节' });
    expect((await calendar.listYears()).find((y) => y.year === far)).toMatchObject({ provisional: true });
    expect((await calendar.listYears()).find((y) => y.year === 2026)).toMatchObject({ provisional: false });
    const cal = await calendar.getWorkCalendar();
    expect(cal.provisional.has(far)).toBe(true);
    expect(cal.provisional.has(2026)).toBe(false);
    expect(isWorkingDay(cal, `${far}-10-02`)).toBe(false);
  });

  it('reads the real 2026 notice into exactly the packaged 2026 days', async () => {
    const text = readFileSync(path.join(__dirname, '../fixtures/holiday-notices/2026.txt'), 'utf8');
    const preview = await notices.previewNotice(text);
    const stored = await calendar.getYear(2026);
    expect(preview).toMatchObject({ year: 2026, problems: [], current: 'stored', changedDays: [] });
    expect(preview.holidays.map((d) => d.day)).toEqual(stored.holidays.map((d) => d.day));
    expect(preview.workdays.map((d) => d.day)).toEqual(stored.workdays.map((d) => d.day));
  });

  it('reads a holiday calendar file (iCalendar) the same way, one year at a time', async () => {
    const ics = readFileSync(require.resolve('chinese-days/dist/holidays.ics'), 'utf8');
    const preview = await notices.previewNotice(ics, 2026);
    expect(preview).toMatchObject({ year: 2026, problems: [], current: 'stored', changedDays: [] });
    const stored = await calendar.getYear(2026);
    expect(preview.holidays.map((d) => d.day)).toEqual(stored.holidays.map((d) => d.day));
    expect((await notices.previewNotice(ics)).problems).toEqual([
      '日历文件含 2024、2025、2026 年，请指定要载入的年份（year）',
    ]);
  });

  it('replaces a provisional year by the notice, comparing with the provisional days', async () => {
    const oct = (d: number) => `${far}-10-${String(d).padStart(2, '0')}`;
    const notice = [
      `国务院办公厅关于${far}年部分节假日安排的通知`,
      `一、元旦：1月1日（周${weekday(`${far}-01-01`)}）放假1天。`,
      `七、国庆节：10月1日（周${weekday(oct(1))}）至7日（周${weekday(oct(7))}）放假调休，共7天。`,
    ].join('\n');
    const preview = await notices.previewNotice(notice);
    expect(preview.problems).toEqual([]);
    expect(preview.current).toBe('provisional');
    const summary = await notices.loadNotice(notice, '测试管理员');
    expect(summary).toMatchObject({ year: far, newlyCovered: true });
    // Against the provisional year: the statutory days the notice leaves out, and the extra days of 国庆.
    expect(summary.changedDays).toEqual(preview.changedDays);
    expect(summary.changedDays.some((d) => d.startsWith(`${far}-10-0`))).toBe(true);
    const year = await calendar.getYear(far);
    expect(year).toMatchObject({ source: 'admin', provisional: false, updatedBy: '测试管理员' });
    expect(year.reason).toBe(`依据《国务院办公厅关于${far}年部分节假日安排的通知》`);
    expect((await calendar.getWorkCalendar()).provisional.has(far)).toBe(false);
    const [change] = await calendar.listChanges(far);
    expect(change.before).toMatchObject({ source: 'provisional' });
  });

  it('refuses a notice it cannot read, loading nothing', async () => {
    const before = await calendar.listChanges(far - 1);
    await expect(
      notices.loadNotice(`国务院办公厅关于${far - 1}年部分节假日安排的通知\n正文`, '测试'),
    ).rejects.toMatchObject({
      code: 'INVALID_NOTICE',
    });
    expect(await calendar.listChanges(far - 1)).toEqual(before);
  });
});
