import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { DeliveryStarter } from '../../libs/notifications/delivery-starter';
import { createDeliveryActivities } from '../../libs/notifications/delivery.activities';
import type { NotificationToSend } from '../../libs/notifications/delivery-store.service';
import { createDigestActivities } from '../../libs/notifications/digest.activities';
import { digestWorkflowId } from '../../libs/notifications/digest.definitions';
import { digestSubject } from '../../libs/notifications/domain/digest';
import type { digestWorkflow } from '../../workflows/digest.workflow';

/**
 * Issue 11 on the dev server in real time, with a 2-second gathering window (the time-skipping
 * server does not skip the timer of a run that signal-with-start began after an earlier run of the
 * same ID closed, which is the straggler case): the real starter, digest and delivery workflows;
 * the stores answer from memory, with the semantics of their SQL (a notice joins one digest; a
 * digest is written once per subject).
 */
const WINDOW_SECONDS = 2;

describe('digest workflow', () => {
  let env: TestWorkflowEnvironment;
  /** Rung notices by digest key, and the digest each one went into. */
  const members = new Map<string, { id: string; digest: string | null }[]>();
  const digests = new Map<string, { id: string; key: string; members: string[] }>();
  const inbox: string[] = [];
  let nextId = 1000;
  let failAfterWrite = 0;

  const digestActivities = createDigestActivities({
    digests: {
      firstPart: (key) => Promise.resolve([...digests.values()].filter((d) => d.key === key).length + 1),
      compose: (key, part) => {
        const subject = digestSubject(key, part);
        const written = digests.get(subject);
        if (written) return Promise.resolve(written.id);
        const pending = (members.get(key) ?? []).filter((m) => m.digest === null);
        if (pending.length === 0) return Promise.resolve(null);
        const id = String(nextId++);
        digests.set(subject, { id, key, members: pending.map((m) => m.id) });
        for (const m of pending) m.digest = id;
        // A worker that wrote the digest and died before reporting it: the retry must not write another.
        if (failAfterWrite > 0) {
          failAfterWrite--;
          return Promise.reject(new Error('worker lost after the commit'));
        }
        return Promise.resolve(id);
      },
    },
  });
  const deliveryActivities = createDeliveryActivities({
    store: {
      notification: (id): Promise<NotificationToSend> =>
        Promise.resolve({
          id,
          taskId: null,
          eventSeq: null,
          audience: 'liaison',
          taskAgencyId: 'agency-1',
          agencyName: '市民政局',
          measureTitle: null,
          documentId: null,
          launchedBy: null,
          userId: null,
          subject: null,
          message: '今日到期提醒',
          createdAt: new Date().toISOString(),
        }),
      fillInboxes: (n) => {
        inbox.push(n.id);
        return Promise.resolve([{ userId: 'u1', email: null }]);
      },
      webhookIdsFor: () => Promise.resolve([]),
      webhook: () => Promise.resolve(null),
      email: () => Promise.resolve(null),
      wasSent: () => Promise.resolve(false),
      record: () => Promise.resolve(),
    },
    mailer: { enabled: false, send: () => Promise.resolve() },
  });

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const setUp = () => {
    const taskQueue = `digest-${randomUUID()}`;
    const key = `digest-liaison-${randomUUID()}-due-2027-10-15`;
    const events = new Map<string, { id: string; digestKey: string | null }[]>();
    const starter = new DeliveryStarter(
      env.client,
      taskQueue,
      { ofEvent: (taskId, seq) => Promise.resolve(events.get(`${taskId}/${seq}`) ?? []) },
      WINDOW_SECONDS,
    );
    // A task's rung event as the event write leaves it: its liaison notice, in the digest of the key.
    const fire = async (taskId: string = randomUUID()) => {
      const id = String(nextId++);
      members.set(key, [...(members.get(key) ?? []), { id, digest: null }]);
      events.set(`${taskId}/4`, [{ id, digestKey: key }]);
      await starter.startForEvent(taskId, 4);
      return taskId;
    };
    const worker = () =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowsPath: require.resolve('../../workflows'),
        activities: { ...digestActivities, ...deliveryActivities },
      });
    const result = () => env.client.workflow.getHandle<typeof digestWorkflow>(digestWorkflowId(key)).result();
    const digestsOf = () => [...digests.values()].filter((d) => d.key === key);
    return { key, starter, fire, worker, result, digestsOf };
  };
  const delivered = (id: string) => inbox.filter((i) => i === id).length;

  it('gathers 21 rungs of one agency and day into one digest, delivered once', async () => {
    const { starter, fire, worker, result, digestsOf } = setUp();
    const w = await worker();
    const summary = await w.runUntil(async () => {
      const tasks: string[] = [];
      for (let i = 0; i < 21; i++) tasks.push(await fire());
      // A retried event write signals again: nothing more is sent.
      await starter.startForEvent(tasks[0], 4);
      const s = await result();
      // The child delivery runs on after the digest workflow has closed.
      const deliveryDone = env.client.workflow.getHandle(`delivery-${s.digests[0]}`).result();
      await deliveryDone;
      return s;
    });
    const [digest] = digestsOf();
    expect(summary.digests).toEqual([digest.id]);
    expect(digest.members).toHaveLength(21);
    expect(delivered(digest.id)).toBe(1);
  });

  it('sends a straggler after the window as the day’s second digest, not lost and not merged twice', async () => {
    const { key, fire, worker, result, digestsOf } = setUp();
    const w = await worker();
    await w.runUntil(async () => {
      for (let i = 0; i < 3; i++) await fire();
      const first = await result();
      expect(first.digests).toHaveLength(1);
      await fire();
      const second = await result();
      expect(second.digests).toHaveLength(1);
      await env.client.workflow.getHandle(`delivery-${second.digests[0]}`).result();
    });
    const parts = digestsOf();
    expect(parts.map((d) => d.members.length)).toEqual([3, 1]);
    expect([...digests.entries()].filter(([, d]) => d.key === key).map(([subject]) => subject)).toEqual([
      key,
      `${key}#2`,
    ]);
    for (const d of parts) expect(delivered(d.id)).toBe(1);
  });

  it('a compose retried after its write sends the same digest once', async () => {
    const { fire, worker, result, digestsOf } = setUp();
    failAfterWrite = 1;
    const w = await worker();
    await w.runUntil(async () => {
      await fire();
      await fire();
      const s = await result();
      await env.client.workflow.getHandle(`delivery-${s.digests[0]}`).result();
    });
    expect(failAfterWrite).toBe(0);
    const parts = digestsOf();
    expect(parts).toHaveLength(1);
    expect(parts[0].members).toHaveLength(2);
    expect(delivered(parts[0].id)).toBe(1);
  });
});
