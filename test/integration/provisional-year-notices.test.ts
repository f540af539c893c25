import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database';
import { NotificationsRepository, ProvisionalYearNotices, provisionalYearSubject } from '../../libs/notifications';

/** Issue 9: a provisional year raises one notice per year to admins and coordinators, not one per task. */
describe('the notice of a provisional calendar year, on real PostgreSQL', () => {
  let db: DataSource;
  // A year no other test plans on: the rows stay apart from theirs.
  const YEAR = 2099;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('is written once per audience however many plans and workers raise it, and every raiser starts its deliveries', async () => {
    const repository = new NotificationsRepository(db);
    const started: string[][] = [];
    const starter = {
      startFor: (ids: string[]) => {
        started.push(ids);
        return Promise.resolve();
      },
    };
    // Two workers, each raising it from several plans at once.
    const workers = [
      new ProvisionalYearNotices(db, repository, starter),
      new ProvisionalYearNotices(db, repository, starter),
    ];
    await Promise.all(workers.flatMap((w) => [w.raise([YEAR]), w.raise([YEAR]), w.raise([YEAR])]));
    await workers[0].raise([YEAR]);

    const rows = await db.query<{ id: string; audience: string; task_id: string | null; message: string }[]>(
      `SELECT id::text AS id, audience, task_id, message FROM notification WHERE subject = $1 ORDER BY audience`,
      [provisionalYearSubject(YEAR)],
    );
    expect(rows.map((r) => r.audience)).toEqual(['admin', 'coordinator']);
    expect(rows.every((r) => r.task_id === null)).toBe(true);
    expect(rows[0].message).toContain(`${YEAR} 年节假日安排尚未发布`);
    expect(rows[0].message).toContain('全国年节及纪念日放假办法');
    // Each call that got through to the database started the deliveries of the same two notices.
    const ids = rows.map((r) => r.id).sort();
    expect(started.length).toBeGreaterThanOrEqual(2);
    for (const call of started) expect([...call].sort()).toEqual(ids);

    // The delivery side reads a notice without a task.
    const toSend = await repository.toSend(rows[0].id);
    expect(toSend).toMatchObject({ taskId: null, agencyName: null, measureTitle: null, audience: 'admin' });
  });

  it('refuses a notice without a task to liaisons, and a task notice without its event, at the table', async () => {
    const liaison = db.query(`INSERT INTO notification (subject, audience, message) VALUES ('x-test', 'liaison', 'm')`);
    await expect(liaison).rejects.toThrow(/notification_about_check/);
    const orphan = db.query(`INSERT INTO notification (audience, message) VALUES ('admin', 'm')`);
    await expect(orphan).rejects.toThrow(/notification_about_check/);
  });
});
