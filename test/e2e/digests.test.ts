import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type Http, signedIn } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1..99 as a Chinese numeral: 十一, 二十二. */
const cn = (n: number) => `${n >= 20 ? CN[Math.floor(n / 10)] : ''}${n >= 10 ? '十' : ''}${CN[n % 10]}`;

interface Row {
  id: string;
  subject: string;
  audience: string;
  agency_id: string | null;
  message: string;
}

/**
 * Issue 11 with the real API and worker: a launch whose first rung is already due fires it for
 * every task at once; each agency's liaisons get one digest, the launching coordinator one, and a
 * notice to an agency without a liaison is listed as undeliverable.
 */
describe('rung digests, end to end', () => {
  const env: NodeJS.ProcessEnv = { TEMPORAL_TASK_QUEUE: `digest-${randomUUID()}`, DIGEST_WINDOW_SECONDS: '3' };
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let db: Client;
  const waitFor = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== null) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  const digestsOf = async (pattern: string) =>
    (
      await db.query<Row>(
        `SELECT id::text, subject, audience, agency_id, message FROM notification
         WHERE task_id IS NULL AND subject LIKE $1 ORDER BY id`,
        [pattern],
      )
    ).rows;
  const inboxOf = async (notificationId: string) =>
    (
      await db.query<{ user_id: string }>('SELECT user_id FROM inbox_item WHERE notification_id = $1', [notificationId])
    ).rows.map((r) => r.user_id);

  beforeAll(async () => {
    env.PORT = String(await freePort());
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    api = await startApp('api', env, /listening on/);
    worker = await startApp('worker', env, /duban worker started/);
    base = `http://127.0.0.1:${env.PORT}`;
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    if (process.env.E2E_DEBUG) console.log(api?.output(), worker?.output());
    await db?.end();
  });

  it('sends one digest of 21 rungs to the liaison, one to the launching coordinator, and shows the undeliverable', async () => {
    const admin = await signedIn(base, 'admin');
    const coordinator = await signedIn(base, 'coordinator');
    const suffix = Array.from({ length: 4 }, () => '甲乙丙丁戊己庚辛壬癸'[randomInt(10)]).join('');
    const agency = async (name: string) => {
      const res = await admin.post('/agencies').send({ name, kind: 'municipal_department' });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    const busy = `市汇总${suffix}局`;
    const empty = `市无人${suffix}局`;
    const busyId = await agency(busy);
    const emptyId = await agency(empty);
    const user = async (roles: string[], agencyIds: string[]) => {
      const username = `digest.${roles[0]}.${randomUUID().slice(0, 8)}`;
      const res = await admin.post('/users').send({
        username,
        displayName: `${roles[0]} ${suffix}`,
        password: process.env.DEMO_PASSWORD,
        roles,
        agencyIds,
      });
      expect(res.status).toBe(201);
      return { username, id: (res.body as { id: string }).id };
    };
    const liaison = await user(['liaison'], [busyId]);
    // Another coordinator, who did not launch this document: its coordinator notices are not theirs.
    const other = await user(['coordinator'], []);
    const me = (await coordinator.get('/auth/me')).body as { userId: string };

    const measures = Array.from({ length: 22 }, (_, i) => {
      const who = i < 21 ? busy : empty;
      return `（${cn(i + 1)}）落实汇总测试第${i + 1}项工作。按期完成并报送。（${who}负责）`;
    });
    const text = `天津市人民政府办公厅关于测试汇总提醒的通知\n\n各区人民政府，市政府各委、办、局：\n\n为检验汇总提醒，提出如下要求。\n一、工作要求\n\n${measures.join('\n')}\n`;
    const doc = await coordinator.post('/documents').send({ text });
    expect(doc.status).toBe(201);
    const documentId = (doc.body as { id: string }).id;
    // The first rung (five working days before a due date three working days away) is due at once.
    const ladder = [
      {
        key: 'reminder',
        label: '提醒',
        offset: -5,
        audience: ['liaison', 'coordinator', 'leader'],
        colour: 'yellow',
        template: '【提醒】{agency}承办的「{measure}」将于{dueDate}到期，请抓紧办理。',
      },
      {
        key: 'due',
        label: '到期提醒',
        offset: 0,
        audience: ['liaison'],
        colour: 'yellow',
        template: '【到期提醒】「{measure}」今日到期。',
      },
    ];
    const launch = await coordinator.post(`/documents/${documentId}/launch`).send({ dueInWorkingDays: 3, ladder });
    expect(launch.status).toBe(202);
    expect(launch.body).toMatchObject({ tasks: 22 });

    // Every task's rung wrote its notices (the per-task history keeps them) …
    await waitFor('22 tasks × 3 rung notices', async () => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification n JOIN task t ON t.id = n.task_id
         WHERE t.document_id = $1 AND EXISTS (SELECT 1 FROM digest_member m WHERE m.notification_id = n.id)`,
        [documentId],
      );
      return rows[0].n === 66 ? true : null;
    });
    // … and the liaison got one digest listing the 21 measures of the agency.
    const [liaisonDigest] = await waitFor('the liaison digest delivered', async () => {
      const rows = await digestsOf(`digest-liaison-${busyId}-reminder-%`);
      return rows.length > 0 && (await inboxOf(rows[0].id)).length > 0 ? rows : null;
    });
    expect(await digestsOf(`digest-liaison-${busyId}-reminder-%`)).toHaveLength(1);
    const lines = liaisonDigest.message.split('\n');
    expect(lines[0]).toMatch(/^【提醒】今日提醒：21 项（\d{4}-\d{2}-\d{2}）$/);
    expect(lines.filter((l) => /^\d+\. 「（.+）落实汇总测试第\d+项工作」（截止日期/.test(l))).toHaveLength(21);
    expect(lines[21]).toMatch(/^21\. 「（二十一）落实汇总测试第21项工作」/);
    expect(liaisonDigest.agency_id).toBe(busyId);
    expect(await inboxOf(liaisonDigest.id)).toEqual([liaison.id]);

    const liaisonHttp: Http = await signedIn(base, liaison.username);
    const inbox = (await liaisonHttp.get('/inbox').query({ pageSize: 100 })).body as {
      items: { notificationId: string; taskId: string | null; message: string }[];
      total: number;
    };
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({ notificationId: liaisonDigest.id, taskId: null });
    // No per-task inbox item for any of these rungs, for anyone.
    const perTask = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox_item i JOIN notification n ON n.id = i.notification_id
         JOIN task t ON t.id = n.task_id WHERE t.document_id = $1`,
      [documentId],
    );
    expect(perTask.rows[0].n).toBe(0);
    // The per-task notices are still listed with their task.
    const taskId = ((await coordinator.get('/tasks').query({ documentId })).body.items as { id: string }[])[0].id;
    const listed = (await coordinator.get('/notifications').query({ taskId })).body as { total: number };
    expect(listed.total).toBe(3);

    // The coordinator digest of the document: all 22 measures with their agencies, to its launcher only.
    const [coordinatorDigest] = await waitFor('the coordinator digest delivered', async () => {
      const rows = await digestsOf(`digest-coordinator-${documentId}-reminder-%`);
      return rows.length > 0 && (await inboxOf(rows[0].id)).length > 0 ? rows : null;
    });
    expect(await digestsOf(`digest-coordinator-${documentId}-reminder-%`)).toHaveLength(1);
    expect(coordinatorDigest.message.split('\n')[0]).toMatch(/^【提醒】今日提醒：22 项/);
    const coordinatorLines = coordinatorDigest.message.split('\n');
    expect(coordinatorLines[1]).toMatch(new RegExp(`^1\\. 「（一）落实汇总测试第1项工作」（${busy}，截止日期`));
    expect(coordinatorLines[22]).toMatch(new RegExp(`^22\\. 「（二十二）落实汇总测试第22项工作」（${empty}，`));
    expect(await inboxOf(coordinatorDigest.id)).toEqual([me.userId]);
    expect(await inboxOf(coordinatorDigest.id)).not.toContain(other.id);
    const launchedBy = await db.query<{ launched_by: string }>(
      'SELECT launched_by FROM policy_document WHERE id = $1',
      [documentId],
    );
    expect(launchedBy.rows[0].launched_by).toBe(me.userId);

    // No leader supervises these new agencies: the demo leader's own digest lists them all.
    const leader = ((await (await signedIn(base, 'leader')).get('/auth/me')).body as { userId: string }).userId;
    const leaderDigest = await waitFor('the leader digest', async () => {
      const rows = await digestsOf(`digest-leader-${leader}-reminder-%`);
      return rows.find((r) => r.message.includes('落实汇总测试第22项工作')) ?? null;
    });
    expect(leaderDigest.message).toContain('落实汇总测试第22项工作');

    // The agency without a liaison: its notice is shown to coordinators as undeliverable.
    const [emptyDigest] = await waitFor('the empty agency digest', async () => {
      const rows = await digestsOf(`digest-liaison-${emptyId}-reminder-%`);
      return rows.length > 0 ? rows : null;
    });
    const undeliverable = await waitFor('the undeliverable listing', async () => {
      const res = await coordinator.get('/notifications/undeliverable').query({ pageSize: 500 });
      const items = (res.body as { items: { notificationId: string; agencyId: string; agencyName: string }[] }).items;
      const found = items.find((i) => i.notificationId === emptyDigest.id);
      return found ?? null;
    });
    expect(undeliverable).toMatchObject({ agencyId: emptyId, agencyName: empty, audience: 'liaison' });
    expect(emptyDigest.message).toContain(`【提醒】${empty}承办的「（二十二）落实汇总测试第22项工作」`);
    expect((await liaisonHttp.get('/notifications/undeliverable')).status).toBe(403);
  });

  it('gives each 分管 leader one digest of their agencies, and an unsupervised agency’s items to every leader', async () => {
    const admin = await signedIn(base, 'admin');
    const coordinator = await signedIn(base, 'coordinator');
    const suffix = Array.from({ length: 4 }, () => '甲乙丙丁戊己庚辛壬癸'[randomInt(10)]).join('');
    const agency = async (name: string) => {
      const res = await admin.post('/agencies').send({ name, kind: 'municipal_department' });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    const [eduName, healthName, sportName] = [`市分管教育${suffix}委`, `市分管卫生${suffix}委`, `市无分管${suffix}局`];
    const [edu, health] = [await agency(eduName), await agency(healthName)];
    await agency(sportName);
    const leaderOf = async (supervised: string) => {
      const username = `fenguan.${randomUUID().slice(0, 8)}`;
      const created = await admin.post('/users').send({
        username,
        displayName: `分管领导 ${suffix}`,
        password: process.env.DEMO_PASSWORD,
        roles: ['leader'],
        agencyIds: [],
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      expect((await admin.patch(`/users/${id}`).send({ supervisedAgencyIds: [supervised] })).status).toBe(200);
      return { id, http: await signedIn(base, username) };
    };
    const eduLeader = await leaderOf(edu);
    const healthLeader = await leaderOf(health);
    const demoLeader = ((await (await signedIn(base, 'leader')).get('/auth/me')).body as { userId: string }).userId;

    const who = [eduName, eduName, healthName, healthName, sportName];
    const measures = who.map(
      (name, i) => `（${cn(i + 1)}）落实分管测试第${i + 1}项工作。按期完成并报送。（${name}负责）`,
    );
    const text = `天津市人民政府办公厅关于测试分管督办的通知\n\n各区人民政府，市政府各委、办、局：\n\n为检验分管督办，提出如下要求。\n一、工作要求\n\n${measures.join('\n')}\n`;
    const doc = await coordinator.post('/documents').send({ text });
    expect(doc.status).toBe(201);
    const documentId = (doc.body as { id: string }).id;
    // A rung for leaders only, due at once; its key is this test's alone, so no other test's notices join.
    const ladder = [
      {
        key: 'fenguan',
        label: '督办',
        offset: -5,
        audience: ['leader'],
        colour: 'red',
        template: '【督办】{agency}承办的「{measure}」将于{dueDate}到期，请督促办理。',
      },
      {
        key: 'due',
        label: '到期提醒',
        offset: 0,
        audience: ['liaison'],
        colour: 'yellow',
        template: '【到期提醒】「{measure}」今日到期。',
      },
    ];
    const launch = await coordinator.post(`/documents/${documentId}/launch`).send({ dueInWorkingDays: 3, ladder });
    expect(launch.status).toBe(202);
    expect(launch.body).toMatchObject({ tasks: 5 });

    const delivered = (userId: string) =>
      waitFor(`the digest of ${userId}`, async () => {
        const rows = await digestsOf(`digest-leader-${userId}-fenguan-%`);
        return rows.length > 0 && (await inboxOf(rows[0].id)).length > 0 ? rows : null;
      });
    const itemLines = (message: string) => message.split('\n').filter((l) => /^\d+\. 「/.test(l));

    // The 教育 leader: the two 教育 measures and the unsupervised one, in one digest, to them alone.
    const [eduDigest, ...moreEdu] = await delivered(eduLeader.id);
    expect(moreEdu).toHaveLength(0);
    expect(eduDigest.message.split('\n')[0]).toMatch(/^【督办】今日督办：3 项（\d{4}-\d{2}-\d{2}）$/);
    expect(itemLines(eduDigest.message).map((l) => /」（(.+?)，/.exec(l)?.[1])).toEqual([eduName, eduName, sportName]);
    expect(await inboxOf(eduDigest.id)).toEqual([eduLeader.id]);

    const [healthDigest, ...moreHealth] = await delivered(healthLeader.id);
    expect(moreHealth).toHaveLength(0);
    expect(itemLines(healthDigest.message).map((l) => /」（(.+?)，/.exec(l)?.[1])).toEqual([
      healthName,
      healthName,
      sportName,
    ]);
    expect(await inboxOf(healthDigest.id)).toEqual([healthLeader.id]);

    // A leader who supervises none of them gets the unsupervised agency's item only: a digest of one is that notice.
    const [demoDigest, ...moreDemo] = await delivered(demoLeader);
    expect(moreDemo).toHaveLength(0);
    expect(demoDigest.message).toMatch(new RegExp(`^【督办】${sportName}承办的「（五）落实分管测试第5项工作」将于`));
    expect(await inboxOf(demoDigest.id)).toEqual([demoLeader]);

    // Each leader's inbox and notice list hold their own digest, not the other's.
    const inbox = (await eduLeader.http.get('/inbox').query({ pageSize: 100 })).body as {
      items: { notificationId: string }[];
    };
    const inInbox = inbox.items.map((i) => i.notificationId);
    expect(inInbox).toContain(eduDigest.id);
    expect(inInbox).not.toContain(healthDigest.id);
    const listed = (await eduLeader.http.get('/notifications').query({ audience: 'leader', pageSize: 500 })).body as {
      items: { id: string }[];
    };
    const ids = listed.items.map((i) => String(i.id));
    expect(ids).toContain(eduDigest.id);
    expect(ids).not.toContain(healthDigest.id);
    // Coordinators still see every notice.
    const all = (await coordinator.get('/notifications').query({ audience: 'leader', pageSize: 500 })).body as {
      items: { id: string }[];
    };
    expect(all.items.map((i) => String(i.id))).toEqual(expect.arrayContaining([eduDigest.id, healthDigest.id]));
    // No per-task inbox item for these rungs.
    const perTask = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox_item i JOIN notification n ON n.id = i.notification_id
         JOIN task t ON t.id = n.task_id WHERE t.document_id = $1`,
      [documentId],
    );
    expect(perTask.rows[0].n).toBe(0);
  });
});
