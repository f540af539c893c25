import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { addDays, shanghaiDay } from '../../libs/tasks/domain/deadline';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const seed = readFileSync(
  path.resolve(__dirname, '../../../shared/seed/tianjin-2026-difficult-children-welfare.txt'),
  'utf8',
);

interface TaskRow {
  id: string;
  agency: string;
  measureNumber: string;
  state: string;
  colour: string;
}

/** The real worker and API as processes, on the real Temporal and PostgreSQL from the global setup. */
describe('walking skeleton, end to end', () => {
  const env = { TEMPORAL_TASK_QUEUE: `e2e-${randomUUID()}`, PORT: '0' };
  let api: AppProcess;
  let worker: AppProcess;
  let http: ReturnType<typeof request>;
  let db: Client;
  const dueDate = addDays(shanghaiDay(new Date()), 30);

  const startWorker = () => startApp('worker', env, /duban worker started/);

  beforeAll(async () => {
    env.PORT = String(await freePort());
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    [worker, api] = await Promise.all([startWorker(), startApp('api', env, /listening on/)]);
    http = request(`http://127.0.0.1:${env.PORT}`);
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    if (process.env.E2E_DEBUG) console.log(api?.output(), worker?.output());
    await db?.end();
  });

  const tasksOf = async (documentId: string, state?: string): Promise<{ items: TaskRow[]; total: number }> => {
    const res = await http.get('/tasks').query({ documentId, pageSize: 500, ...(state ? { state } : {}) });
    expect(res.status).toBe(200);
    return res.body as { items: TaskRow[]; total: number };
  };
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const importSeed = async () => {
    const res = await http.post('/documents').send({ text: seed });
    expect(res.status).toBe(201);
    return res.body as { id: string; taskCount: number; measures: unknown[] };
  };

  it('imports, launches, completes and accepts a task, and reports the status', async () => {
    const doc = await importSeed();
    expect(doc.measures).toHaveLength(21);
    // 108 named assignments plus 各区人民政府 implied in （二）–（二十一）.
    expect(doc.taskCount).toBe(128);
    const agencies = await db.query(`SELECT count(*)::int AS n FROM agency WHERE name = '市民政局'`);
    expect(agencies.rows[0].n).toBe(1);

    const launch = await http.post(`/documents/${doc.id}/launch`).send({ dueDate });
    expect(launch.status).toBe(202);
    expect(launch.body).toMatchObject({ tasks: 128, alreadyLaunched: false, workflowId: `document-${doc.id}` });
    const again = await http.post(`/documents/${doc.id}/launch`).send({ dueDate });
    expect(again.status).toBe(202);
    expect(again.body.alreadyLaunched).toBe(true);
    const otherDate = await http.post(`/documents/${doc.id}/launch`).send({ dueDate: addDays(dueDate, 1) });
    expect(otherDate.status).toBe(409);
    expect(otherDate.body.code).toBe('ALREADY_LAUNCHED');

    await waitFor('all 128 tasks issued', async () => (await tasksOf(doc.id, 'issued')).total === 128);

    const { items } = await tasksOf(doc.id);
    const task = items.find((t) => t.measureNumber === '（二）' && t.agency === '市民政局');
    expect(task).toBeDefined();
    const id = task!.id;

    expect((await http.post(`/tasks/${id}/acknowledge`).send({ actor: '市民政局联络员' })).status).toBe(201);
    const noEvidence = await http.post(`/tasks/${id}/submit`).send({ actor: '市民政局联络员', evidence: ' ' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.code).toBe('EVIDENCE_REQUIRED');
    expect((await http.get(`/tasks/${id}`)).body.state).toBe('in_progress');

    const submit = await http.post(`/tasks/${id}/submit`).send({ actor: '市民政局联络员', evidence: '已印发工作方案' });
    expect(submit.status).toBe(201);
    expect(submit.body.state).toBe('submitted');
    const accept = await http.post(`/tasks/${id}/review`).send({ actor: '协调处室', decision: 'accept' });
    expect(accept.status).toBe(201);
    expect(accept.body.state).toBe('accepted');

    const detail = (await http.get(`/tasks/${id}`)).body;
    expect(detail.state).toBe('accepted');
    expect(detail.stateLabel).toBe('已办结');
    expect(detail.history.map((h: { type: string }) => h.type)).toEqual(['issue', 'acknowledge', 'submit', 'accept']);
    expect(detail.history[2].detail).toEqual({ evidence: '已印发工作方案' });

    const status = (await http.get(`/documents/${doc.id}/status`)).body;
    expect(status.measures).toHaveLength(21);
    expect(status.taskCounts).toEqual({ issued: 127, accepted: 1 });
    const measure2 = status.measures.find((m: { number: string }) => m.number === '（二）');
    expect(measure2.tasks.find((t: TaskRow) => t.agency === '市民政局').state).toBe('accepted');
    expect(status.colour).toBe('green');

    const late = await http.post(`/tasks/${id}/review`).send({ decision: 'return', reason: '再看看' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_TRANSITION');
  });

  it('carries on after the worker is killed mid-run, with nothing lost or repeated', async () => {
    const doc = await importSeed();
    // Launch, then kill the worker while it is still starting the 128 task workflows.
    expect((await http.post(`/documents/${doc.id}/launch`).send({ dueDate })).status).toBe(202);
    await waitFor('the first tasks issued', async () => (await tasksOf(doc.id, 'issued')).total > 0);
    await worker.stop('SIGKILL');
    const issuedAtKill = (await tasksOf(doc.id, 'issued')).total;
    if (process.env.E2E_DEBUG) console.log('issued when the worker was killed:', issuedAtKill);

    // A liaison acts while no worker runs: the request waits and is answered after the restart.
    const { items } = await tasksOf(doc.id, 'issued');
    const pending = http.post(`/tasks/${items[0].id}/acknowledge`).set('Idempotency-Key', 'ack-1').send({});
    const answered = pending.then((r) => r);
    worker = await startWorker();

    const ack = await answered;
    expect(ack.status).toBe(201);
    expect(ack.body.state).toBe('in_progress');
    // The client retries the same request: the Idempotency-Key makes it a no-op, not an error.
    const retry = await http.post(`/tasks/${items[0].id}/acknowledge`).set('Idempotency-Key', 'ack-1').send({});
    expect(retry.status).toBe(201);

    await waitFor('all 128 tasks issued after the restart', async () => {
      const counts = (await http.get(`/documents/${doc.id}/status`)).body.taskCounts;
      return (counts.issued ?? 0) + (counts.in_progress ?? 0) === 128;
    });
    expect(issuedAtKill).toBeLessThanOrEqual(128);

    // Every task was issued exactly once and its history has no gaps or repeats.
    const history = await db.query(
      `SELECT t.id, count(*) FILTER (WHERE e.type = 'issue')::int AS issues,
              count(*)::int AS events, max(e.seq) AS last_seq
       FROM task t JOIN task_event e ON e.task_id = t.id WHERE t.document_id = $1 GROUP BY t.id`,
      [doc.id],
    );
    expect(history.rows).toHaveLength(128);
    for (const row of history.rows) {
      expect(row.issues).toBe(1);
      expect(row.events).toBe(row.last_seq);
    }
    const acked = (await http.get(`/tasks/${items[0].id}`)).body;
    expect(acked.history.map((h: { type: string }) => h.type)).toEqual(['issue', 'acknowledge']);
  });
});
