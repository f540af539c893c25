import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// The seed comes from the chinese-days package (the State Council's yearly 放假安排, maintained
// upstream and pinned in package-lock) rather than a hand-typed list: twenty-odd years of
// holidays and make-up days typed here would be unreviewable. Later years are added by
// administrators through the API, so the seeded range is fixed here, not read from the package.
const FIRST_SEEDED_YEAR = 2004;
const LAST_SEEDED_YEAR = 2026;

interface SeedDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

/** Package entries read "National Day,国庆节,3": keep the Chinese name. */
function chineseName(label: string): string | null {
  const parts = label.split(',');
  return (parts.length >= 2 ? parts[1] : label).trim() || null;
}

function seedDays(): SeedDay[] {
  const inRange = (day: string) => +day.slice(0, 4) >= FIRST_SEEDED_YEAR && +day.slice(0, 4) <= LAST_SEEDED_YEAR;
  const days: SeedDay[] = [
    ...Object.entries(chineseDays.holidays as Record<string, string>)
      .filter(([day]) => inRange(day))
      .map(([day, label]): SeedDay => ({ day, kind: 'holiday', name: chineseName(label) })),
    ...Object.entries(chineseDays.workdays as Record<string, string>)
      .filter(([day]) => inRange(day))
      .map(([day, label]): SeedDay => ({ day, kind: 'workday', name: chineseName(label) })),
  ];
  return days.sort((a, b) => a.day.localeCompare(b.day));
}

export class Calendar1764500000000 implements MigrationInterface {
  name = 'Calendar1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_year (
        year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
        source text NOT NULL CHECK (btrim(source) <> ''),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL CHECK (btrim(updated_by) <> ''),
        reason text NOT NULL CHECK (btrim(reason) <> '')
      )`);
    // Rows only for days that differ from plain Mon–Fri; the year column ties each to a covered year.
    await q.query(`
      CREATE TABLE calendar_day (
        day date PRIMARY KEY,
        year int NOT NULL GENERATED ALWAYS AS (EXTRACT(YEAR FROM day)::int) STORED
          REFERENCES calendar_year (year) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text,
        CONSTRAINT calendar_day_workday_on_weekend CHECK (kind <> 'workday' OR EXTRACT(ISODOW FROM day) IN (6, 7))
      )`);
    await q.query(`CREATE INDEX calendar_day_year_idx ON calendar_day (year)`);
    await q.query(`
      CREATE TABLE calendar_change (
        id bigserial PRIMARY KEY,
        year int NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        day date CHECK (day IS NULL OR EXTRACT(YEAR FROM day)::int = year),
        actor text NOT NULL CHECK (btrim(actor) <> ''),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        before jsonb,
        after jsonb NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX calendar_change_year_idx ON calendar_change (year, id)`);
    // The change log is evidence of who moved which deadline day: rows are never rewritten.
    await q.query(`
      CREATE FUNCTION calendar_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'calendar_change is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER calendar_change_no_rewrite BEFORE UPDATE OR DELETE ON calendar_change
        FOR EACH ROW EXECUTE FUNCTION calendar_change_append_only()`);
    await q.query(`
      CREATE TRIGGER calendar_change_no_truncate BEFORE TRUNCATE ON calendar_change
        FOR EACH STATEMENT EXECUTE FUNCTION calendar_change_append_only()`);

    const days = seedDays();
    const source = `chinese-days ${chineseDaysPackage.version}`;
    for (let year = FIRST_SEEDED_YEAR; year <= LAST_SEEDED_YEAR; year++) {
      // A year without a single holiday would mean the package lost data; seeding it would hide that.
      if (!days.some((d) => d.kind === 'holiday' && d.day.startsWith(`${year}-`))) {
        throw new Error(`${source} has no holidays for ${year}; refusing to seed it as covered`);
      }
      await q.query(`INSERT INTO calendar_year (year, source, updated_by, reason) VALUES ($1, $2, $3, $4)`, [
        year,
        source,
        'migration',
        `初始数据：${source}（国务院办公厅历年节假日安排）`,
      ]);
    }
    await q.query(
      `INSERT INTO calendar_day (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
      [days.map((d) => d.day), days.map((d) => d.kind), days.map((d) => d.name)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_change');
    await q.query('DROP FUNCTION calendar_change_append_only');
    await q.query('DROP TABLE calendar_day');
    await q.query('DROP TABLE calendar_year');
  }
}
