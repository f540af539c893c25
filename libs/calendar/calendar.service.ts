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
import { CalendarChange } from './entities/calendar-change.entity';
import { CalendarYear } from './entities/calendar-year.entity';

export interface CalendarYearSummary {
  year: number;
  source: string;
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

interface DayRow {
  day: string;
  kind: DayKind;
  name: string | null;
}

/** Serialises calendar changes so the change log's ids follow commit order (the cache version relies on it). */
const CALENDAR_LOCK_KEY = 7410_2027;
const CHANGES_LIMIT = 500;

@Injectable()
export class CalendarService {
  private cache: { version: string; data: CalendarData; calendar?: WorkCalendar } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Nest injects it; code that builds the service by hand (tests) gets one on the same data source.
    private readonly audit: AuditService = new AuditService(db),
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

  async listYears(): Promise<CalendarYearSummary[]> {
    const rows = await this.db.query<(Omit<CalendarYearSummary, 'updatedAt'> & { updatedAt: Date })[]>(`
      SELECT y.year, y.source, y.updated_at AS "updatedAt", y.updated_by AS "updatedBy", y.reason,
             count(*) FILTER (WHERE d.kind = 'holiday')::int AS "holidayCount",
             count(*) FILTER (WHERE d.kind = 'workday')::int AS "workdayCount"
        FROM calendar_year y LEFT JOIN calendar_day d ON d.year = y.year
       GROUP BY y.year ORDER BY y.year`);
    return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  }

  async getYear(year: number): Promise<CalendarYearDetail> {
    this.assertYear(year);
    const row = await this.db.getRepository(CalendarYear).findOneBy({ year });
    if (!row) throw new CalendarError('YEAR_NOT_FOUND', `工作日历中没有 ${year} 年`, { year });
    const days = await this.daysOf(this.db.manager, year);
    const pick = (kind: DayKind) => days.filter((d) => d.kind === kind).map(({ day, name }) => ({ day, name }));
    const holidays = pick('holiday');
    const workdays = pick('workday');
    return {
      year,
      source: row.source,
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
      await this.lock(tx);
      const existing = await tx.getRepository(CalendarYear).findOneBy({ year });
      const before = existing ? await this.daysOf(tx, year) : null;
      await tx.query(
        `INSERT INTO calendar_year (year, source, updated_at, updated_by, reason) VALUES ($1, 'admin', now(), $2, $3)
         ON CONFLICT (year) DO UPDATE SET source = 'admin', updated_at = now(), updated_by = $2, reason = $3`,
        [year, this.actorOf(actor), why],
      );
      await tx.query('DELETE FROM calendar_day WHERE year = $1', [year]);
      await tx.query(
        `INSERT INTO calendar_day (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
        [after.map((d) => d.day), after.map((d) => d.kind), after.map((d) => d.name)],
      );
      await this.log(tx, {
        year,
        day: null,
        actor,
        reason: why,
        before: existing && before && { source: existing.source, days: before },
        after: { source: 'admin', days: after },
      });
      return {
        year,
        changedDays: changedWorkingDays(before && special(before), special(after)),
        newlyCovered: !existing,
      };
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
  ): Promise<CalendarChangeSummary> {
    if (!isIsoDay(day)) throw new CalendarError('INVALID_DATE', `「${day}」不是有效日期（格式 YYYY-MM-DD）`);
    const why = this.requireReason(reason);
    if (kind === 'workday' && !isWeekend(day)) {
      throw new CalendarError('INVALID_CALENDAR', `${day} 不是周六或周日，不能设为调休上班日`, { day });
    }
    const year = +day.slice(0, 4);
    const summary = await this.db.transaction(async (tx) => {
      await this.lock(tx);
      if (!(await tx.getRepository(CalendarYear).existsBy({ year }))) {
        throw new CalendarError('CALENDAR_NOT_COVERED', `工作日历未覆盖 ${year} 年，请先维护该年度日历再修正单日`, {
          year,
        });
      }
      const [current] = await tx.query<DayRow[]>(
        'SELECT day::text AS day, kind, name FROM calendar_day WHERE day = $1',
        [day],
      );
      const next: DayRow | null = kind === 'normal' ? null : { day, kind, name: cleanName(name) };
      if (next) {
        await tx.query(
          `INSERT INTO calendar_day (day, kind, name) VALUES ($1, $2, $3)
           ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
          [day, next.kind, next.name],
        );
      } else {
        await tx.query('DELETE FROM calendar_day WHERE day = $1', [day]);
      }
      await tx.query('UPDATE calendar_year SET updated_at = now(), updated_by = $2, reason = $3 WHERE year = $1', [
        year,
        this.actorOf(actor),
        why,
      ]);
      const toLog = (row: DayRow | undefined | null) => (row ? { kind: row.kind, name: row.name } : { kind: 'normal' });
      await this.log(tx, { year, day, actor, reason: why, before: toLog(current), after: toLog(next) });
      return {
        year,
        changedDays: changedWorkingDays(special(current ? [current] : []), special(next ? [next] : [])),
        newlyCovered: false,
      };
    });
    this.cache = null;
    return summary;
  }

  /** The change log, newest first (at most 500 entries). */
  async listChanges(year?: number): Promise<CalendarChangeRecord[]> {
    if (year !== undefined) this.assertYear(year);
    const rows = await this.db.getRepository(CalendarChange).find({
      where: year === undefined ? {} : { year },
      order: { id: 'DESC' },
      take: CHANGES_LIMIT,
    });
    return rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() }));
  }

  private async cached(): Promise<NonNullable<CalendarService['cache']>> {
    const [{ version }] = await this.db.query<{ version: string }[]>(
      'SELECT coalesce(max(id), 0)::text AS version FROM calendar_change',
    );
    if (this.cache?.version === version) return this.cache;
    // Read after the version: a change landing in between only causes one extra reload later.
    const years = await this.db.query<{ year: number }[]>('SELECT year FROM calendar_year ORDER BY year');
    const days = await this.db.query<DayRow[]>('SELECT day::text AS day, kind FROM calendar_day ORDER BY day');
    const data: CalendarData = {
      years: years.map((r) => r.year),
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
    };
    this.cache = { version, data };
    return this.cache;
  }

  private async daysOf(manager: EntityManager, year: number): Promise<DayRow[]> {
    return manager.query<DayRow[]>(
      'SELECT day::text AS day, kind, name FROM calendar_day WHERE year = $1 ORDER BY day',
      [year],
    );
  }

  private async lock(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK_KEY]);
  }

  /**
   * Writes the calendar's own change log and an audit entry linked to it (`calendarChangeId`), so
   * calendar corrections appear beside every other change with the signed-in actor and request id.
   */
  private async log(
    tx: EntityManager,
    entry: { year: number; day: string | null; actor: string; reason: string; before: unknown; after: unknown },
  ): Promise<void> {
    const [{ id }] = await tx.query<{ id: string }[]>(
      `INSERT INTO calendar_change (year, day, actor, reason, before, after) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id::text AS id`,
      [
        entry.year,
        entry.day,
        this.actorOf(entry.actor),
        entry.reason,
        entry.before === null ? null : JSON.stringify(entry.before),
        JSON.stringify(entry.after),
      ],
    );
    await this.audit.record(tx, {
      action: entry.day ? 'calendar.day.set' : 'calendar.year.put',
      targetType: entry.day ? 'calendar_day' : 'calendar_year',
      targetId: entry.day ?? String(entry.year),
      before: entry.before,
      after: { ...(entry.after as object), reason: entry.reason, calendarChangeId: id },
    });
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

function special(days: DayRow[]): SpecialDays {
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}
