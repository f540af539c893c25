import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarError } from './calendar.errors';
import { isIsoDay, isWeekend } from './domain/iso-day';
import { type CalendarData, type WorkCalendar, makeCalendar } from './domain/working-days';
import {
  type DayEntry,
  type DayKind,
  type SpecialDays,
  changedWorkingDays,
  checkYearEntries,
  checkYearNumber,
} from './domain/year-entries';
import { CalendarRepository, type DayRow } from './calendar.repository';
import { STATUTORY_BASIS, type StatutoryYear, statutoryYear } from './domain/statutory-year';
import { chineseLunarCalendar } from './lunar-calendar';

export interface CalendarYearSummary {
  year: number;
  source: string;
  /** Built from the statutory holidays until the State Council's schedule is loaded. */
  provisional: boolean;
  holidayCount: number;
  workdayCount: number;
  updatedAt: string;
  updatedBy: string;
  reason: string;
}

export interface NamedDay {
  day: string;
  name: string | null;
}

export interface CalendarYearDetail extends CalendarYearSummary {
  holidays: NamedDay[];
  workdays: NamedDay[];
}

/** What a change did, so the caller can re-plan the deadlines it touches. */
export interface CalendarChangeSummary {
  year: number;
  /** Days whose working-day status changed, ascending (plain Mon–Fri stands for "before" in a new year). */
  changedDays: string[];
  /** True when the year was not covered before this change. */
  newlyCovered: boolean;
}

export interface CalendarChangeRecord {
  id: string;
  year: number;
  day: string | null;
  actor: string;
  reason: string;
  before: unknown;
  after: unknown;
  changedAt: string;
}

export type DayCorrection = 'holiday' | 'workday' | 'normal';

/**
 * Runs inside a change's transaction, after its writes and before the commit: the caller starts
 * the durable re-plan there, so a change is never committed without one (and a failed start
 * rolls the change back).
 */
export type BeforeCommit = (
  change: CalendarChangeSummary,
  entry: { changeId: string; reason: string },
) => Promise<void>;

const CHANGES_LIMIT = 500;
/** Years after the current one planned provisionally when no schedule is stored (deadlines of 2+ years). */
export const PROVISIONAL_YEARS_AHEAD = 5;
const PROVISIONAL_ACTOR = '系统（暂定）';

const beijingYear = (now = new Date()) => new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();

@Injectable()
export class CalendarService {
  private cache: {
    version: string;
    data: CalendarData;
    provisional: Map<number, StatutoryYear>;
    calendar?: WorkCalendar;
  } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Nest injects them; code that builds the service by hand (tests) gets them on the same data source.
    private readonly audit: AuditService = new AuditService(db),
    private readonly calendar: CalendarRepository = new CalendarRepository(db),
  ) {}

  /**
   * The whole calendar. Cached in memory and revalidated with one index lookup per call, so a
   * change made by another process (API vs worker) is seen on the next call.
   */
  async getCalendar(): Promise<CalendarData> {
    return (await this.cached()).data;
  }

  /** The calendar prepared for working-day arithmetic, cached alongside the data. */
  async getWorkCalendar(): Promise<WorkCalendar> {
    const entry = await this.cached();
    entry.calendar ??= makeCalendar(entry.data);
    return entry.calendar;
  }

  /** Stored years, then the provisional ones (statutory holidays, until the notice is loaded). */
  async listYears(): Promise<CalendarYearSummary[]> {
    const rows = await this.calendar.years();
    const stored = rows.map((r) => ({ ...r, provisional: false, updatedAt: r.updatedAt.toISOString() }));
    const provisional = [...(await this.cached()).provisional.values()].map((p) => this.provisionalDetail(p));
    return [...stored, ...provisional.map(({ holidays: _h, workdays: _w, ...summary }) => summary)];
  }

  /** The provisional years in use: covered by the statutory holidays only. */
  async provisionalYears(): Promise<number[]> {
    return [...(await this.cached()).provisional.keys()];
  }

  async getYear(year: number): Promise<CalendarYearDetail> {
    this.assertYear(year);
    const row = await this.calendar.year(year);
    if (!row) {
      const provisional = (await this.cached()).provisional.get(year);
      if (provisional) return this.provisionalDetail(provisional);
      throw new CalendarError('YEAR_NOT_FOUND', `工作日历中没有 ${year} 年`, { year });
    }
    const days = await this.calendar.daysOf(year);
    const pick = (kind: DayKind) => days.filter((d) => d.kind === kind).map(({ day, name }) => ({ day, name }));
    const holidays = pick('holiday');
    const workdays = pick('workday');
    return {
      year,
      source: row.source,
      provisional: false,
      holidayCount: holidays.length,
      workdayCount: workdays.length,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy,
      reason: row.reason,
      holidays,
      workdays,
    };
  }

  /** Creates or replaces a whole year atomically, and logs the change with before and after. */
  async putYear(
    year: number,
    entries: { holidays: DayEntry[]; workdays: DayEntry[] },
    actor: string,
    reason: string,
    beforeCommit?: BeforeCommit,
  ): Promise<CalendarChangeSummary> {
    const why = this.requireReason(reason);
    const problems = checkYearEntries(year, entries);
    if (problems.length > 0) {
      const code = problems.some((p) => p.code === 'INVALID_DATE') ? 'INVALID_DATE' : 'INVALID_CALENDAR';
      const messages = problems.map((p) => p.message);
      throw new CalendarError(code, `${year} 年日历有误：${messages.slice(0, 5).join('；')}`, { problems: messages });
    }
    const after: DayRow[] = [
      ...entries.holidays.map((e): DayRow => ({ day: e.day, kind: 'holiday', name: cleanName(e.name) })),
      ...entries.workdays.map((e): DayRow => ({ day: e.day, kind: 'workday', name: cleanName(e.name) })),
    ].sort((a, b) => a.day.localeCompare(b.day));
    const summary = await this.db.transaction(async (tx) => {
      await this.calendar.lock(tx);
      const existing = await this.calendar.year(year, tx);
      // A year planned provisionally is compared with the provisional days tasks were planned on.
      const provisional = existing ? undefined : (await this.cached()).provisional.get(year);
      const before = existing
        ? await this.calendar.daysOf(year, tx)
        : (provisional?.holidays.map((h): DayRow => ({ day: h.day, kind: 'holiday', name: h.name })) ?? null);
      await this.calendar.replaceYear(year, this.actorOf(actor), why, after, tx);
      const changeId = await this.log(tx, {
        year,
        day: null,
        actor,
        reason: why,
        before: existing
          ? before && { source: existing.source, days: before }
          : provisional && { source: 'provisional', days: before },
        after: { source: 'admin', days: after },
      });
      const change = {
        year,
        changedDays: changedWorkingDays(before && special(before), special(after)),
        newlyCovered: !existing,
      };
      await beforeCommit?.(change, { changeId, reason: why });
      return change;
    });
    this.cache = null;
    return summary;
  }

  /** Corrects one day of a covered year: a day off, a make-up workday, or back to normal. */
  async setDay(
    day: string,
    kind: DayCorrection,
    name: string | null | undefined,
    actor: string,
    reason: string,
    beforeCommit?: BeforeCommit,
  ): Promise<CalendarChangeSummary> {
    if (!isIsoDay(day)) throw new CalendarError('INVALID_DATE', `「${day}」不是有效日期（格式 YYYY-MM-DD）`);
    const why = this.requireReason(reason);
    if (kind === 'workday' && !isWeekend(day)) {
      throw new CalendarError('INVALID_CALENDAR', `${day} 不是周六或周日，不能设为调休上班日`, { day });
    }
    const year = +day.slice(0, 4);
    const summary = await this.db.transaction(async (tx) => {
      await this.calendar.lock(tx);
      if (!(await this.calendar.year(year, tx))) {
        throw new CalendarError('CALENDAR_NOT_COVERED', `工作日历未覆盖 ${year} 年，请先维护该年度日历再修正单日`, {
          year,
        });
      }
      const current = await this.calendar.day(day, tx);
      const next: DayRow | null = kind === 'normal' ? null : { day, kind, name: cleanName(name) };
      if (next) await this.calendar.putDay(next, tx);
      else await this.calendar.deleteDay(day, tx);
      await this.calendar.touchYear(year, this.actorOf(actor), why, tx);
      const toLog = (row: DayRow | undefined | null) => (row ? { kind: row.kind, name: row.name } : { kind: 'normal' });
      const changeId = await this.log(tx, {
        year,
        day,
        actor,
        reason: why,
        before: toLog(current),
        after: toLog(next),
      });
      const change = {
        year,
        changedDays: changedWorkingDays(special(current ? [current] : []), special(next ? [next] : [])),
        newlyCovered: false,
      };
      await beforeCommit?.(change, { changeId, reason: why });
      return change;
    });
    this.cache = null;
    return summary;
  }

  /** The provisional schedule of a year that has no stored one, or undefined. */
  async provisionalOf(year: number): Promise<StatutoryYear | undefined> {
    return (await this.cached()).provisional.get(year);
  }

  /** The change log, newest first (at most 500 entries). */
  async listChanges(year?: number): Promise<CalendarChangeRecord[]> {
    if (year !== undefined) this.assertYear(year);
    const rows = await this.calendar.changes(year, CHANGES_LIMIT);
    return rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() }));
  }

  private async cached(): Promise<NonNullable<CalendarService['cache']>> {
    // The provisional horizon moves with the year, so the year is part of the version.
    const thisYear = beijingYear();
    const version = `${await this.calendar.version()}@${thisYear}`;
    if (this.cache?.version === version) return this.cache;
    // Read after the version: a change landing in between only causes one extra reload later.
    const years = await this.calendar.coveredYears();
    const days = await this.calendar.specialDays();
    // Every year from the first stored one to a few years ahead is covered: an unpublished one
    // provisionally, by the statutory holidays (statutory-year.ts), and says so wherever it is used.
    const provisional = new Map<number, StatutoryYear>();
    for (let year = years[0] ?? thisYear; year <= thisYear + PROVISIONAL_YEARS_AHEAD; year++) {
      if (!years.includes(year)) provisional.set(year, statutoryYear(year, chineseLunarCalendar));
    }
    const extra = [...provisional.values()];
    const data: CalendarData = {
      years: [...years, ...provisional.keys()].sort((a, b) => a - b),
      holidays: [
        ...days.filter((d) => d.kind === 'holiday').map((d) => d.day),
        ...extra.flatMap((p) => p.holidays.map((h) => h.day)),
      ],
      workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
      provisional: [...provisional.keys()],
    };
    this.cache = { version, data, provisional };
    return this.cache;
  }

  private provisionalDetail(p: StatutoryYear): CalendarYearDetail {
    return {
      year: p.year,
      source: 'provisional',
      provisional: true,
      holidayCount: p.holidays.length,
      workdayCount: 0,
      updatedAt: new Date().toISOString(),
      updatedBy: PROVISIONAL_ACTOR,
      reason: STATUTORY_BASIS,
      holidays: p.holidays,
      workdays: [],
    };
  }

  /**
   * Writes the calendar's own change log and an audit entry linked to it (`calendarChangeId`), so
   * calendar corrections appear beside every other change with the signed-in actor and request id.
   */
  private async log(
    tx: EntityManager,
    entry: { year: number; day: string | null; actor: string; reason: string; before: unknown; after: unknown },
  ): Promise<string> {
    const id = await this.calendar.insertChange({ ...entry, actor: this.actorOf(entry.actor) }, tx);
    await this.audit.record(tx, {
      action: entry.day ? 'calendar.day.set' : 'calendar.year.put',
      targetType: entry.day ? 'calendar_day' : 'calendar_year',
      targetId: entry.day ?? String(entry.year),
      before: entry.before,
      after: { ...(entry.after as object), reason: entry.reason, calendarChangeId: id },
    });
    return id;
  }

  /** Whether a change is committed (the re-plan fan-out waits for it). */
  changeExists(changeId: string): Promise<boolean> {
    return /^\d+$/.test(changeId) ? this.calendar.changeExists(changeId) : Promise.resolve(false);
  }

  private assertYear(year: number): void {
    const problem = checkYearNumber(year);
    if (problem) throw new CalendarError(problem.code, problem.message, { year });
  }

  private requireReason(reason: string): string {
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (!why) throw new CalendarError('REASON_REQUIRED', '修改工作日历必须说明理由（如依据的放假通知文号）');
    return why;
  }

  private actorOf(actor: string): string {
    return actor?.trim() || '管理员';
  }
}

function cleanName(name: string | null | undefined): string | null {
  return name?.trim() || null;
}

/** The holidays and make-up days among a year's rows. */
export function special(days: DayRow[]): SpecialDays {
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}
