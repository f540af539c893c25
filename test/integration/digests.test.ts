import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database';
import { DigestStore, NotificationsRepository, NotificationsService } from '../../libs/notifications';
import { TaskEventsService } from '../../libs/tasks/task-events.service';
import { TaskRepository } from '../../libs/tasks/task.repository';
import { importedDocumentRows } from '../factories/rows';

/** Issue 11: composing a digest on real PostgreSQL, once per (key, part), each notice in one digest only. */
describe('digest composing, on real PostgreSQL', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('lists the pending notices once, answers the same digest to a retry, and puts a straggler in part 2', async () => {
    const repository = new NotificationsRepository(db);
    const events = new TaskEventsService(db, new TaskRepository(db), new NotificationsService(db, repository));
    const digests = new DigestStore(db, repository);
    const { agencyIds, taskIds } = await importedDocumentRows(db, { measures: 3, agencies: 1 });
    const [agencyId] = agencyIds;
    const occurredAt = '2027-10-15T01:00:00.000Z';
    // The event write as the task workflow's activity makes it.
    const fire = (taskId: string) =>
      events.record({
        taskId,
        seq: 4,
        type: 'rung',
        fromState: 'issued',
        toState: 'issued',
        actor: 'system',
        detail: { rule: 'due', label: '到期提醒', dueDate: '2027-10-15' },
        occurredAt,
        notify: [{ audience: 'liaison', message: `【到期提醒】${taskId}` }],
      });
    const key = `digest-liaison-${agencyId}-due-2027-10-15`;
    await fire(taskIds[0]);
    await fire(taskIds[1]);

    expect(await digests.firstPart(key)).toBe(1);
    const [first, retried] = await Promise.all([digests.compose(key, 1), digests.compose(key, 1)]);
    expect(first).not.toBeNull();
    expect(retried).toBe(first);
    const [row] = await db.query<{ subject: string; agency_id: string; task_id: string | null; message: string }[]>(
      'SELECT subject, agency_id, task_id, message FROM notification WHERE id = $1',
      [first],
    );
    expect(row).toMatchObject({ subject: key, agency_id: agencyId, task_id: null });
    expect(row.message.split('\n').slice(0, 3)).toEqual([
      '【到期提醒】今日到期提醒：2 项（2027-10-15）',
      '1. 「（1）措施1」（截止日期2027-10-15）',
      '2. 「（2）措施2」（截止日期2027-10-15）',
    ]);

    // A straggler: the first part is not rewritten; the next run's part 2 holds it alone.
    await fire(taskIds[2]);
    expect(await digests.compose(key, 1)).toBe(first);
    expect(await digests.firstPart(key)).toBe(2);
    const second = await digests.compose(key, 2);
    expect(second).not.toBe(first);
    expect(await digests.compose(key, 3)).toBeNull();
    const members = await db.query<{ digest_id: string }[]>(
      'SELECT digest_id::text FROM digest_member WHERE digest_key = $1 ORDER BY notification_id',
      [key],
    );
    expect(members.map((m) => m.digest_id)).toEqual([first, first, second]);
    const [straggler] = await db.query<{ subject: string; message: string }[]>(
      'SELECT subject, message FROM notification WHERE id = $1',
      [second],
    );
    expect(straggler).toEqual({ subject: `${key}#2`, message: `【到期提醒】${taskIds[2]}` });
  });
});
