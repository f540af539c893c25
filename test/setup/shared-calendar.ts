import { Client } from 'pg';

/**
 * The e2e suites share one PostgreSQL and so one stored calendar. A suite that changes a
 * stored day for a while (and puts it back) and a suite that compares the stored calendar with
 * a notice must not overlap: both run their window under this advisory lock.
 */
export async function holdingSharedCalendar<T>(work: () => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(`SELECT pg_advisory_lock(hashtext('e2e: stored calendar'))`);
    return await work();
  } finally {
    await db.end(); // ending the session releases the lock
  }
}
