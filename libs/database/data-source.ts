import { DataSource, type DataSourceOptions } from 'typeorm';
import { Init1764400000000 } from './migrations/1764400000000-Init';
import { Calendar1764500000000 } from './migrations/1764500000000-Calendar';
import { Clock1764600000000 } from './migrations/1764600000000-Clock';
import { Registry1764700000000 } from './migrations/1764700000000-Registry';
import { Auth1764800000000 } from './migrations/1764800000000-Auth';
import { Notifications1764900000000 } from './migrations/1764900000000-Notifications';
import { Audit1765000000000 } from './migrations/1765000000000-Audit';
import { ClosedWithMeasure1765100000000 } from './migrations/1765100000000-ClosedWithMeasure';
import { SystemNotices1765200000000 } from './migrations/1765200000000-SystemNotices';
import { Digests1765300000000 } from './migrations/1765300000000-Digests';
import { Evidence1765400000000 } from './migrations/1765400000000-Evidence';
import { ControlOfWork1765500000000 } from './migrations/1765500000000-ControlOfWork';
import { People1765600000000 } from './migrations/1765600000000-People';
import { MeasureDueDates1765700000000 } from './migrations/1765700000000-MeasureDueDates';
import { DocumentRevisions1765800000000 } from './migrations/1765800000000-DocumentRevisions';
import { LeaderDigests1765910000000 } from './migrations/1765910000000-LeaderDigests';
import { MeasurePeriods1765920000000 } from './migrations/1765920000000-MeasurePeriods';
import { DesignatedLeads1765930000000 } from './migrations/1765930000000-DesignatedLeads';
import { Notices1765960000000 } from './migrations/1765960000000-Notices';
import { Circulars1765970000000 } from './migrations/1765970000000-Circulars';
import { CircularTemplate1765980000000 } from './migrations/1765980000000-CircularTemplate';

// Data access is raw SQL in each context's repository (docs/decisions.md): no entity classes.
export const MIGRATIONS = [
  Init1764400000000,
  Calendar1764500000000,
  Clock1764600000000,
  Registry1764700000000,
  Auth1764800000000,
  Notifications1764900000000,
  Audit1765000000000,
  ClosedWithMeasure1765100000000,
  SystemNotices1765200000000,
  Digests1765300000000,
  Evidence1765400000000,
  ControlOfWork1765500000000,
  People1765600000000,
  MeasureDueDates1765700000000,
  DocumentRevisions1765800000000,
  LeaderDigests1765910000000,
  MeasurePeriods1765920000000,
  DesignatedLeads1765930000000,
  Notices1765960000000,
  Circulars1765970000000,
  CircularTemplate1765980000000,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // Schema changes go through migrations only, in tests too.
    synchronize: false,
    migrationsRun: false,
  };
}

/** Any advisory-lock key works as long as every instance uses the same one. */
const MIGRATION_LOCK_KEY = 7410_2026;

/** Applies pending migrations, one instance at a time; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await ds.destroy();
  }
}

/** The readiness probe: PostgreSQL answers a query. */
export async function pingDatabase(ds: DataSource): Promise<void> {
  await ds.query('SELECT 1');
}
