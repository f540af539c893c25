import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DayKind } from './domain/year-entries';

export interface CalendarYearRow {
  year: number;
  /** Where the data came from: 'chinese-days <version>' for the seed, 'admin' once replaced by hand. */
  source: string;
  updatedAt: Date;
  updatedBy: string;
  reason: string;
}

export interface CalendarYearCountsRow extends CalendarYearRow {
  holidayCount: number;
  workdayCount: number;
}

export interface DayRow {
  day: string;
  kind: DayKind;
  name: string | null;
}

export interface CalendarChangeRow {
  id: string;
  year: number;
  /** Null when the whole year was replaced. */
  day: string | null;
  actor: string;
  reason: string;
  before: unknown;
  after: unknown;
  changedAt: Date;
}

const YEAR = `year, source, updated_at AS "updatedAt", updated_by AS "updatedBy", reason`;

/** Serialises calendar changes so the change log's ids follow commit order (the cache version relies on it). */
const CALENDAR_LOCK_KEY = 7410_2027;

/** SQL of the calendar context: `calendar_year`, `calendar_day` and `calendar_change`. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async years(): Promise<CalendarYearCountsRow[]> {
    return this.db.query<CalendarYearCountsRow[]>(`
      SELECT y.year, y.source, y.updated_at AS "updatedAt", y.updated_by AS "updatedBy", y.reason,
             count(*) FILTER (WHERE d.kind = 'holiday')::int AS "holidayCount",
             count(*) FILTER (WHERE d.kind = 'workday')::int AS "workdayCount"
        FROM calendar_year y LEFT JOIN calendar_day d ON d.year = y.year
       GROUP BY y.year ORDER BY y.year`);
  }

  async year(year: number, manager: EntityManager = this.db.manager): Promise<CalendarYearRow | null> {
    const rows = await manager.query<CalendarYearRow[]>(`SELECT ${YEAR} FROM calendar_year WHERE year = $1`, [year]);
    return rows[0] ?? null;
  }

  async daysOf(year: number, manager: EntityManager = this.db.manager): Promise<DayRow[]> {
    return manager.query<DayRow[]>(
      'SELECT day::text AS day, kind, name FROM calendar_day WHERE year = $1 ORDER BY day',
      [year],
    );
  }

  async day(day: string, tx: EntityManager): Promise<DayRow | undefined> {
    const [row] = await tx.query<DayRow[]>('SELECT day::text AS day, kind, name FROM calendar_day WHERE day = $1', [
      day,
    ]);
    return row;
  }

  async lock(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK_KEY]);
  }

  /** Replaces a whole year: its row and all its special days. */
  async replaceYear(year: number, actor: string, reason: string, days: DayRow[], tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO calendar_year (year, source, updated_at, updated_by, reason) VALUES ($1, 'admin', now(), $2, $3)
       ON CONFLICT (year) DO UPDATE SET source = 'admin', updated_at = now(), updated_by = $2, reason = $3`,
      [year, actor, reason],
    );
    await tx.query('DELETE FROM calendar_day WHERE year = $1', [year]);
    await tx.query(
      `INSERT INTO calendar_day (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
      [days.map((d) => d.day), days.map((d) => d.kind), days.map((d) => d.name)],
    );
  }

  async putDay(d: DayRow, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO calendar_day (day, kind, name) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
      [d.day, d.kind, d.name],
    );
  }

  async deleteDay(day: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM calendar_day WHERE day = $1', [day]);
  }

  async touchYear(year: number, actor: string, reason: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE calendar_year SET updated_at = now(), updated_by = $2, reason = $3 WHERE year = $1', [
      year,
      actor,
      reason,
    ]);
  }

  async insertChange(
    c: { year: number; day: string | null; actor: string; reason: string; before: unknown; after: unknown },
    tx: EntityManager,
  ): Promise<string> {
    const [{ id }] = await tx.query<{ id: string }[]>(
      `INSERT INTO calendar_change (year, day, actor, reason, before, after) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id::text AS id`,
      [c.year, c.day, c.actor, c.reason, c.before === null ? null : JSON.stringify(c.before), JSON.stringify(c.after)],
    );
    return id;
  }

  async changes(year: number | undefined, limit: number): Promise<CalendarChangeRow[]> {
    return this.db.query<CalendarChangeRow[]>(
      `SELECT id::text AS id, year, day::text AS day, actor, reason, before, after, changed_at AS "changedAt"
       FROM calendar_change WHERE ($1::int IS NULL OR year = $1) ORDER BY id DESC LIMIT $2`,
      [year ?? null, limit],
    );
  }

  /** Changes are serialised, so the newest change id says whether a cached calendar is current. */
  async changeExists(id: string): Promise<boolean> {
    return (await this.db.query<unknown[]>('SELECT 1 FROM calendar_change WHERE id = $1', [id])).length > 0;
  }

  async version(): Promise<string> {
    const [{ version }] = await this.db.query<{ version: string }[]>(
      'SELECT coalesce(max(id), 0)::text AS version FROM calendar_change',
    );
    return version;
  }

  async coveredYears(): Promise<number[]> {
    return (await this.db.query<{ year: number }[]>('SELECT year FROM calendar_year ORDER BY year')).map((r) => r.year);
  }

  async specialDays(): Promise<Omit<DayRow, 'name'>[]> {
    return this.db.query<Omit<DayRow, 'name'>[]>('SELECT day::text AS day, kind FROM calendar_day ORDER BY day');
  }
}
