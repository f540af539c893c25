import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { DeliveryRecord, NotificationToSend } from '../../libs/notifications/delivery-store.service';
import { createDeliveryActivities } from '../../libs/notifications/delivery.activities';
import type { OutgoingMail } from '../../libs/notifications/mailer.service';
import { verifyWebhookSignature } from '../../libs/notifications/webhook-signature';
import { deliveryWorkflowId } from '../../libs/notifications/delivery.definitions';
import { deliveryWorkflow } from '../../workflows/delivery.workflow';

const SECRET = 'a-webhook-secret-for-tests';

/** A webhook receiver that answers the first `failFirst` requests 503 and dedups by idempotency key. */
function receiver(failFirst: number, opts: { acceptBeforeFailing?: boolean } = {}) {
  const requests: { key: string; body: string; signed: boolean }[] = [];
  const accepted = new Set<string>();
  const acceptedBodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const key = String(req.headers['x-duban-idempotency-key']);
      const signed = verifyWebhookSignature(
        SECRET,
        String(req.headers['x-duban-timestamp']),
        body,
        String(req.headers['x-duban-signature']),
        // The time-skipping server moves workflow time, not the wall clock the activity signs with.
        300,
      );
      requests.push({ key, body, signed });
      const accept = () => {
        if (!accepted.has(key)) acceptedBodies.push(body);
        accepted.add(key);
      };
      if (!signed) return void res.writeHead(401).end();
      // A receiver whose answer is lost: it stored the delivery, but the sender saw a failure.
      if (opts.acceptBeforeFailing) accept();
      if (requests.length <= failFirst) return void res.writeHead(503).end();
      accept();
      res.writeHead(200).end('ok');
    });
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/hook`);
    }),
  );
  return { requests, accepted, acceptedBodies, listening, close: () => new Promise((r) => server.close(r)) };
}

describe('delivery workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  const records: DeliveryRecord[] = [];
  const inbox = new Set<string>();
  const mails: OutgoingMail[] = [];
  const hooks = new Map<string, { id: string; url: string; secret: string; active: boolean }>();
  const createdAt = new Date().toISOString();
  const notification = (id: string): NotificationToSend => ({
    id,
    taskId: `00000000-0000-4000-8000-000000000${id}`,
    eventSeq: 3,
    audience: 'liaison',
    taskAgencyId: 'agency-1',
    agencyName: '市民政局',
    measureTitle: '筑牢基本生活保障底线',
    documentId: null,
    launchedBy: null,
    userId: null,
    subject: null,
    message: '【催办】「筑牢基本生活保障底线」已逾期 3 个工作日',
    createdAt,
  });
  /** The webhooks each notification goes to, set per test. */
  const hooksOf = new Map<string, string[]>();
  const activities = createDeliveryActivities({
    store: {
      notification: (id) => Promise.resolve(notification(id)),
      fillInboxes: (n) => {
        for (const u of ['u1', 'u2']) inbox.add(`${n.id}/${u}`);
        return Promise.resolve([
          { userId: 'u1', email: 'zhang@example.gov.cn' },
          { userId: 'u2', email: null },
        ]);
      },
      webhookIdsFor: (n) => Promise.resolve(hooksOf.get(n.id) ?? []),
      webhook: (id) => Promise.resolve(hooks.get(id) ?? null),
      email: (userId) => Promise.resolve(userId === 'u1' ? 'zhang@example.gov.cn' : null),
      wasSent: (n, channel, target) =>
        Promise.resolve(
          records.some(
            (r) => r.notificationId === n && r.channel === channel && r.target === target && r.status === 'sent',
          ),
        ),
      record: (r) => {
        if (
          !records.some(
            (x) => x.notificationId === r.notificationId && x.channel === r.channel && x.target === r.target,
          )
        )
          records.push(r);
        return Promise.resolve();
      },
    },
    mailer: {
      enabled: true,
      send: (m) => {
        mails.push(m);
        return Promise.resolve();
      },
    },
  });

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? '' } },
    });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (notificationId: string) => {
    const taskQueue = `delivery-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    return worker.runUntil(async () => {
      const options = {
        taskQueue,
        workflowId: deliveryWorkflowId(notificationId),
        args: [{ notificationId }] as [{ notificationId: string }],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      };
      const handle = await env.client.workflow.start(deliveryWorkflow, options);
      // The business key: a second start (a retried recordTaskEvent) starts nothing.
      await expect(env.client.workflow.start(deliveryWorkflow, options)).rejects.toBeInstanceOf(
        WorkflowExecutionAlreadyStartedError,
      );
      return handle.result();
    });
  };
  const addHook = async (notificationId: string, r: ReturnType<typeof receiver>) => {
    const id = randomUUID();
    hooks.set(id, { id, url: await r.listening, secret: SECRET, active: true });
    hooksOf.set(notificationId, [id]);
    return id;
  };

  it('retries a webhook that fails twice, with backoff, and it accepts exactly one signed delivery', async () => {
    const r = receiver(2);
    const n = '101';
    const hookId = await addHook(n, r);
    const summary = await run(n);
    await r.close();

    expect(summary).toEqual({ inboxUsers: 2, sent: 2, skipped: 0, failed: 0 });
    expect(r.requests).toHaveLength(3);
    expect(r.requests.every((q) => q.signed)).toBe(true);
    const key = `notification-${n}-webhook-${hookId}`;
    expect(new Set(r.requests.map((q) => q.key))).toEqual(new Set([key]));
    expect(new Set(r.requests.map((q) => q.body)).size).toBe(1);
    expect(r.acceptedBodies).toHaveLength(1);
    expect(JSON.parse(r.acceptedBodies[0])).toMatchObject({
      idempotencyKey: key,
      notificationId: n,
      audience: 'liaison',
    });
    expect(records.filter((x) => x.notificationId === n && x.channel === 'webhook')).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 3, idempotencyKey: key }),
    ]);
    // Inbox for both recipients; email only to the one with an address, with the stable ids.
    expect([...inbox].filter((i) => i.startsWith(`${n}/`))).toEqual([`${n}/u1`, `${n}/u2`]);
    const mail = mails.filter((m) => m.idempotencyKey === `notification-${n}-email-u1`);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: 'zhang@example.gov.cn', messageId: `<notification-${n}-u1@duban>` });
    expect(mail[0].subject).toMatch(/^【督办】【催办】/);
  });

  it('a receiver that stored the first attempt but whose answers were lost still accepts once', async () => {
    const r = receiver(2, { acceptBeforeFailing: true });
    const n = '102';
    await addHook(n, r);
    const summary = await run(n);
    await r.close();
    expect(summary.sent).toBe(2);
    expect(r.requests).toHaveLength(3);
    expect(r.accepted.size).toBe(1);
    expect(r.acceptedBodies).toHaveLength(1);
  });

  it('records a webhook that never answers 2xx as failed after its retries', async () => {
    const r = receiver(Number.MAX_SAFE_INTEGER);
    const n = '103';
    const hookId = await addHook(n, r);
    const summary = await run(n);
    await r.close();
    expect(summary).toMatchObject({ failed: 1 });
    expect(r.requests).toHaveLength(10);
    expect(r.accepted.size).toBe(0);
    expect(records.filter((x) => x.notificationId === n && x.channel === 'webhook')).toEqual([
      expect.objectContaining({ status: 'failed', target: hookId, attempts: null }),
    ]);
  });
});
