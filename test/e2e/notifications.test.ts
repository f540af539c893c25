import { randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { Client } from 'pg';
import { verifyWebhookSignature } from '../../libs/notifications/webhook-signature';
import { addDays, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';
import { smtpSink } from '../setup/smtp-sink';

/** The real API and worker processes, an SMTP sink and a webhook receiver that dedups by key. */
describe('notification delivery, end to end', () => {
  const SECRET = 'e2e-webhook-secret-0123456789';
  const env: NodeJS.ProcessEnv = {
    TEMPORAL_TASK_QUEUE: `notify-${randomUUID()}`,
    SMTP_FROM: '督办系统 <duban@example.gov.cn>',
  };
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let db: Client;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  const hookRequests: { key: string; signed: boolean; body: string }[] = [];
  const accepted = new Set<string>();
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const key = String(req.headers['x-duban-idempotency-key']);
      const signed = verifyWebhookSignature(
        SECRET,
        String(req.headers['x-duban-timestamp']),
        body,
        String(req.headers['x-duban-signature']),
      );
      hookRequests.push({ key, signed, body });
      if (signed) accepted.add(key);
      res.writeHead(signed ? 200 : 401).end();
    });
  });
  const waitFor = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    sink = await smtpSink();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    Object.assign(env, { PORT: String(await freePort()), SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    api = await startApp('api', env, /listening on/);
    base = `http://127.0.0.1:${env.PORT}`;
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    if (process.env.E2E_DEBUG) console.log(api?.output(), worker?.output());
    await sink?.close();
    receiver.close();
    await db?.end();
  });

  it('fills inboxes, emails with a Chinese subject and a Message-ID that a crash-resend repeats, and signs webhooks', async () => {
    // Test-only: the first worker pauses 60 s between sending an email and recording it, so the
    // SIGKILL below lands exactly in the window where the send happened and the record did not.
    worker = await startApp('worker', { ...env, DELIVERY_RECORD_DELAY_MS: '60000' }, /duban worker started/);
    expect(worker.output()).toMatch(/email channel on: SMTP 127\.0\.0\.1/);

    const admin = await signedIn(base, 'admin');
    const coordinator = await signedIn(base, 'coordinator');
    const leader = await signedIn(base, 'leader');
    const suffix = Array.from({ length: 4 }, () => '甲乙丙丁戊己庚辛壬癸'[randomInt(10)]).join('');
    const agencyName = `市送达${suffix}局`;
    const agency = await admin.post('/agencies').send({ name: agencyName, kind: 'municipal_department' });
    expect(agency.status).toBe(201);
    const agencyId = (agency.body as { id: string }).id;
    const username = `liaison.notify.${randomUUID().slice(0, 8)}`;
    const user = await admin.post('/users').send({
      username,
      displayName: `${agencyName} 李四`,
      password: process.env.DEMO_PASSWORD,
      roles: ['liaison'],
      agencyIds: [agencyId],
    });
    expect(user.status).toBe(201);
    const userId = (user.body as { id: string }).id;
    // No endpoint edits a user's email yet: set it as an administrator would in the database.
    const email = `${username}@example.gov.cn`;
    await db.query('UPDATE app_user SET email = $1 WHERE id = $2', [email, userId]);

    const { port } = receiver.address() as AddressInfo;
    const hook = await admin
      .post('/webhooks')
      .send({ url: `http://127.0.0.1:${port}/duban`, agencyId, secret: SECRET });
    expect(hook.status).toBe(201);
    const hookId = (hook.body as { id: string; secret: string }).id;
    expect((hook.body as { secret: string }).secret).toBe(SECRET);
    const listed = (await admin.get('/webhooks')).body as Record<string, unknown>[];
    expect(listed.find((h) => h.id === hookId)).toMatchObject({ agencyId, active: true });
    expect(listed.every((h) => !('secret' in h))).toBe(true);

    const text = `天津市人民政府办公厅关于测试通知送达的通知\n\n各区人民政府，市政府各委、办、局：\n\n为检验通知送达，提出如下要求。\n一、工作要求\n\n（一）做好通知送达测试工作。按时接收提醒并及时办理。（${agencyName}负责）\n`;
    const doc = await coordinator.post('/documents').send({ text });
    expect(doc.status).toBe(201);
    const documentId = (doc.body as { id: string }).id;
    const launch = await coordinator
      .post(`/documents/${documentId}/launch`)
      .send({ dueDate: addDays(shanghaiDay(new Date()), 10) });
    expect(launch.status).toBe(202);
    let taskId = '';
    await waitFor('the task issued', async () => {
      const items = (await coordinator.get('/tasks').query({ documentId })).body.items as {
        id: string;
        state: string;
      }[];
      taskId = items[0]?.id ?? '';
      return items[0]?.state === 'issued';
    });

    const instructed = await leader.post(`/tasks/${taskId}/instructions`).send({ text: '请抓紧落实，按期办结' });
    expect(instructed.status).toBe(201);
    const [notice] = (
      await db.query<{ id: string }>(
        `SELECT id::text FROM notification WHERE task_id = $1 AND audience = 'liaison' AND message LIKE '%领导批示%'`,
        [taskId],
      )
    ).rows;
    expect(notice).toBeDefined();
    const n = notice.id;
    const mine = () => sink.mails.filter((m) => m.to === email);

    await waitFor('the email sent', () => mine().length > 0);
    const deliveries = async (channel: string) =>
      (
        await db.query<{ status: string; attempts: number | null }>(
          'SELECT status, attempts FROM delivery WHERE notification_id = $1 AND channel = $2',
          [n, channel],
        )
      ).rows;
    // Sent, not yet recorded: the worker dies now.
    expect(await deliveries('email')).toEqual([]);
    await worker.stop('SIGKILL');
    worker = await startApp('worker', env, /duban worker started/);
    await waitFor('the email recorded after the crash', async () => (await deliveries('email')).length > 0);

    const mails = mine();
    // SMTP cannot deduplicate: the retry resent it (at most once), with the same ids.
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails.length).toBeLessThanOrEqual(2);
    expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set([`<notification-${n}-${userId}@duban>`]));
    expect(new Set(mails.map((m) => m.idempotencyKey))).toEqual(new Set([`notification-${n}-email-${userId}`]));
    expect(mails[0].subject).toMatch(/^【督办】【领导批示】「（一）做好通知送达测试工作」：请抓紧落实/);
    expect(mails[0].text).toContain(agencyName);
    expect(await deliveries('email')).toEqual([{ status: 'sent', attempts: 2 }]);

    // The agency's webhook: signed, keyed, accepted once however often it was sent.
    const key = `notification-${n}-webhook-${hookId}`;
    await waitFor('the webhook recorded', async () => (await deliveries('webhook')).length > 0);
    const forNotice = hookRequests.filter((r) => r.key === key);
    expect(forNotice.length).toBeGreaterThanOrEqual(1);
    expect(forNotice.every((r) => r.signed)).toBe(true);
    expect(JSON.parse(forNotice[0].body)).toMatchObject({ notificationId: n, taskId, agency: agencyName });
    expect([...accepted].filter((k) => k === key)).toHaveLength(1);
    expect(await deliveries('webhook')).toEqual([expect.objectContaining({ status: 'sent' })]);

    // The liaison's inbox.
    const liaison: Http = await signedIn(base, username);
    const unread = async () => ((await liaison.get('/inbox/unread-count')).body as { count: number }).count;
    await waitFor('the inbox item', async () => (await unread()) > 0);
    const page = (await liaison.get('/inbox').query({ unread: 'true' })).body as {
      items: { id: string; notificationId: string; readAt: string | null; message: string }[];
      unread: number;
    };
    const item = page.items.find((i) => i.notificationId === n);
    expect(item).toMatchObject({ readAt: null, message: expect.stringContaining('请抓紧落实') });
    const before = await unread();
    const read = await liaison.post(`/inbox/${item!.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await liaison.post(`/inbox/${item!.id}/read`)).body.readAt).toBe(read.body.readAt);
    expect(await unread()).toBe(before - 1);
    const readItems = (await liaison.get('/inbox').query({ unread: 'false' })).body.items as { id: string }[];
    expect(readItems.map((i) => i.id)).toContain(item!.id);
    // Someone else's item does not exist for them.
    expect((await coordinator.post(`/inbox/${item!.id}/read`)).status).toBe(404);
    const rows = await db.query('SELECT count(*)::int AS n FROM inbox_item WHERE notification_id = $1', [n]);
    expect(rows.rows[0].n).toBe(1);
    // The coordinators got the coordinator copy in their inboxes.
    const coordinatorInbox = (await coordinator.get('/inbox').query({ pageSize: 500 })).body.items as {
      taskId: string;
    }[];
    expect(coordinatorInbox.some((i) => i.taskId === taskId)).toBe(true);

    const disabled = await admin.post(`/webhooks/${hookId}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: hookId, active: false });
  });
});
