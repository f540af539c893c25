import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit';
import { UsersService } from '../../libs/auth';
import { dataSourceOptions } from '../../libs/database';
import { DeliveryStore, DigestStore, NotificationsRepository, NotificationsService } from '../../libs/notifications';
import { TaskEventsService } from '../../libs/tasks/task-events.service';
import { TaskRepository } from '../../libs/tasks/task.repository';
import { importedDocumentRows } from '../factories/rows';

/**
 * Issue 11, 分管 on real PostgreSQL: a leaders' rung notice joins the digest of each leader who
 * supervises its agency, or of every leader where none does; each leader's digest lists exactly
 * those and is delivered to that leader alone.
 */
describe('leaders’ digests, on real PostgreSQL', () => {
  let db: DataSource;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('gives each supervising leader one digest of their agencies, and an unsupervised agency’s items to every leader', async () => {
    const audit = new AuditService(db);
    const users = new UsersService(db, audit);
    const repository = new NotificationsRepository(db);
    const events = new TaskEventsService(db, new TaskRepository(db), new NotificationsService(db, repository, users));
    const digests = new DigestStore(db, repository);
    const delivery = new DeliveryStore(db, repository, users);
    // One measure for three agencies: 甲 supervised by the first leader, 乙 by the second, 丙 by nobody.
    const { agencyIds, taskIds } = await importedDocumentRows(db, { measures: 1, agencies: 3 });
    const leader = async (name: string, supervised: string[]) => {
      const created = await users.create({
        username: `${name}.${tag}`,
        displayName: name,
        password: `Leaders-${tag}-2026`,
        roles: ['leader'],
        agencyIds: [],
      });
      await users.update(created.id, { supervisedAgencyIds: supervised });
      return created.id;
    };
    const first = await leader('分管领导一', [agencyIds[0]]);
    const second = await leader('分管领导二', [agencyIds[1]]);
    const rule = `supervise-${tag}`;
    const fire = (taskId: string) =>
      events.record({
        taskId,
        seq: 4,
        type: 'rung',
        fromState: 'issued',
        toState: 'issued',
        actor: 'system',
        detail: { rule, label: '督办', dueDate: '2027-10-15' },
        occurredAt: '2027-10-15T01:00:00.000Z',
        notify: [{ audience: 'leader', message: `【督办】${taskId}` }],
      });
    for (const taskId of taskIds) await fire(taskId);
    // A retried event write joins no digest twice.
    await fire(taskIds[0]);

    const keyOf = (userId: string) => `digest-leader-${userId}-${rule}-2027-10-15`;
    const keysOf = async (taskId: string) => (await delivery.ofEvent(taskId, 4)).map((n) => n.digestKey);
    expect(await keysOf(taskIds[0])).toEqual([keyOf(first)]);
    expect(await keysOf(taskIds[1])).toEqual([keyOf(second)]);
    // The unsupervised agency's notice joins every active leader's digest (other tests add leaders meanwhile).
    const shared = await keysOf(taskIds[2]);
    expect(shared).toEqual(expect.arrayContaining([keyOf(first), keyOf(second)]));
    for (const key of shared) expect(key).toMatch(new RegExp(`^digest-leader-[0-9a-f-]{36}-${rule}-2027-10-15$`));

    const digestOf = async (userId: string) => {
      const id = await digests.compose(keyOf(userId), 1);
      expect(id).not.toBeNull();
      const [row] = await db.query<{ subject: string; user_id: string; message: string }[]>(
        'SELECT subject, user_id, message FROM notification WHERE id = $1',
        [id],
      );
      expect(row).toMatchObject({ subject: keyOf(userId), user_id: userId });
      return { id: id ?? '', message: row.message };
    };
    const agencyName = async (id: string) =>
      (await db.query<{ name: string }[]>('SELECT name FROM agency WHERE id = $1', [id]))[0].name;
    const [a, b, c] = await Promise.all(agencyIds.map(agencyName));

    const mine = await digestOf(first);
    const lines = mine.message.split('\n');
    expect(lines[0]).toBe('【督办】今日督办：2 项（2027-10-15）');
    expect(lines.slice(1, 3)).toEqual([
      expect.stringMatching(/^1\. 「（1）措施1」/),
      expect.stringMatching(/^2\. 「（1）措施1」/),
    ]);
    expect(lines).toHaveLength(4);
    expect(mine.message).toContain(a);
    expect(mine.message).toContain(c);
    expect(mine.message).not.toContain(b);
    const theirs = await digestOf(second);
    expect(theirs.message).toContain(b);
    expect(theirs.message).toContain(c);
    expect(theirs.message).not.toContain(a);
    // Composing one leader's digest left the others' to list the shared notice too.
    expect(await digests.compose(keyOf(first), 2)).toBeNull();

    // Delivered to its leader alone.
    const toSend = await delivery.notification(mine.id);
    expect(toSend).toMatchObject({ audience: 'leader', userId: first, taskId: null });
    expect((await delivery.fillInboxes(toSend)).map((r) => r.userId)).toEqual([first]);
    const inbox = await db.query<{ user_id: string }[]>('SELECT user_id FROM inbox_item WHERE notification_id = $1', [
      mine.id,
    ]);
    expect(inbox).toEqual([{ user_id: first }]);

    // A leaders' notice of a task sent on its own goes to the agency's 分管 leaders.
    const [own] = await delivery.ofEvent(taskIds[1], 4);
    const perTask = await delivery.notification(own.id);
    expect(perTask.userId).toBeNull();
    expect((await delivery.recipientsOf(perTask, db.manager)).map((r) => r.userId)).toEqual([second]);
  });
});
