import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarError } from './calendar.errors';
import { CalendarRepository, type DayRow } from './calendar.repository';
import {
  type BeforeCommit,
  type CalendarChangeSummary,
  CalendarService,
  type NamedDay,
  special,
} from './calendar.service';
import { type HolidayNotice, readHolidayNotice } from './domain/holiday-notice';
import { looksLikeIcs, readHolidayIcs } from './domain/holiday-ics';
import { changedWorkingDays, checkYearNumber } from './domain/year-entries';

/** What loading a holiday notice would change, before it is confirmed. */
export interface HolidayNoticePreview {
  year: number;
  holidays: NamedDay[];
  workdays: NamedDay[];
  /** Problems that stop the notice from being loaded; empty when it can be confirmed. */
  problems: string[];
  /** Days the notice names in another year (kept apart, not loaded). */
  otherYears: string[];
  /** What the year holds now: the stored schedule, the provisional one, or nothing. */
  current: 'stored' | 'provisional' | 'none';
  /** Days whose working-day status the notice changes against what the year holds now. */
  changedDays: string[];
}

/** Loads the State Council's yearly holiday notice, pasted as text, as a year's schedule. */
@Injectable()
export class HolidayNoticeService {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly calendar: CalendarService,
    // Nest injects it; code that builds the service by hand (tests) gets one on the same data source.
    private readonly store: CalendarRepository = new CalendarRepository(db),
  ) {}

  /** Reads a pasted State Council holiday notice and says what loading it would change. */
  async previewNotice(text: string, yearOfIcs?: number): Promise<HolidayNoticePreview> {
    const notice = looksLikeIcs(text) ? fromIcs(text, yearOfIcs) : readHolidayNotice(text);
    const year = notice.year;
    const yearProblem = Number.isNaN(year) ? null : checkYearNumber(year);
    const problems = yearProblem ? [yearProblem.message, ...notice.problems] : notice.problems;
    if (Number.isNaN(year) || yearProblem) {
      return { ...notice, problems, current: 'none', changedDays: [] };
    }
    const stored = await this.store.year(year);
    const provisional = stored ? undefined : await this.calendar.provisionalOf(year);
    const before: DayRow[] | null = stored
      ? await this.store.daysOf(year)
      : (provisional?.holidays.map((h): DayRow => ({ day: h.day, kind: 'holiday', name: h.name })) ?? null);
    const after: DayRow[] = [
      ...notice.holidays.map((h): DayRow => ({ day: h.day, kind: 'holiday', name: h.name })),
      ...notice.workdays.map((w): DayRow => ({ day: w.day, kind: 'workday', name: w.name })),
    ];
    return {
      ...notice,
      problems,
      current: stored ? 'stored' : provisional ? 'provisional' : 'none',
      changedDays: changedWorkingDays(before && special(before), special(after)),
    };
  }

  /** Loads a holiday notice as the year's schedule (replacing a provisional or earlier one). */
  async loadNotice(
    text: string,
    actor: string,
    beforeCommit?: BeforeCommit,
    yearOfIcs?: number,
  ): Promise<CalendarChangeSummary> {
    const preview = await this.previewNotice(text, yearOfIcs);
    if (preview.problems.length > 0) {
      throw new CalendarError('INVALID_NOTICE', `放假通知无法读取：${preview.problems.slice(0, 5).join('；')}`, {
        problems: preview.problems,
      });
    }
    const reason = looksLikeIcs(text)
      ? `依据导入的节假日日历文件（iCalendar）中的 ${preview.year} 年安排`
      : `依据《国务院办公厅关于${preview.year}年部分节假日安排的通知》`;
    return this.calendar.putYear(preview.year, preview, actor, reason, beforeCommit);
  }
}

/** One year of an iCalendar file, in the shape of a read notice. */
function fromIcs(text: string, year?: number): HolidayNotice {
  const ics = readHolidayIcs(text);
  const found = [...ics.years.keys()].sort((a, b) => a - b);
  const chosen = year ?? (found.length === 1 ? found[0] : undefined);
  const none = { holidays: [], workdays: [], otherYears: [] };
  if (chosen === undefined) {
    const problem =
      found.length === 0
        ? '日历文件中没有标明（休）或（班）的日期'
        : `日历文件含 ${found.join('、')} 年，请指定要载入的年份（year）`;
    return { year: NaN, ...none, problems: [...ics.problems, problem] };
  }
  const days = ics.years.get(chosen);
  if (!days) return { year: chosen, ...none, problems: [...ics.problems, `日历文件中没有 ${chosen} 年的日期`] };
  const problems = [...ics.problems];
  if (days.holidays.length === 0) problems.push(`日历文件中 ${chosen} 年没有放假日期`);
  return { year: chosen, ...days, otherYears: [], problems };
}
