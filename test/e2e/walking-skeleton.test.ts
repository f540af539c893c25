import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, shanghaiDay } from '../../libs/clock';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { type Http, signedIn } from '../setup/http';
import { holdingSharedCalendar } from '../setup/shared-calendar';
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

/**
 * Deadlines reach past the last year of published holiday data (2026), so the tests maintain
 * the following years as an admin would, provisionally repeating 2026's pattern 52 weeks on.
 */
async function provideFutureYears(http: Http): Promise<void> {
  const last = new Date().getUTCFullYear() + 2;
  const data = prcCalendarWithShiftedYears(last - 2026);
  for (let year = 2027; year <= last; year++) {
    const inYear = (days: string[]) => days.filter((d) => d.startsWith(String(year))).map((day) => ({ day }));
    const res = await http
      .put(`/calendar/years/${year}`)
      .send({ holidays: inYear(data.holidays), workdays: inYear(data.workdays), reason: '测试：按2026年规律暂定' });
    expect(res.status).toBe(200);
  }
}

/** The real worker and API as processes, on the real Temporal and PostgreSQL from the global setup. */
describe('walking skeleton, end to end', () => {
  const env = { TEMPORAL_TASK_QUEUE: `e2e-${randomUUID()}`, PORT: '0' };
  let api: AppProcess;
  let worker: AppProcess;
  let http: Http;
  let admin: Http;
  let base: string;
  const liaisons = new Map<string, Http>();
  /** The liaison of an agency, as the demo seed names them. */
  const liaison = async (agency: string): Promise<Http> => {
    if (!liaisons.has(agency)) liaisons.set(agency, await signedIn(base, `liaison.${agency}`));
    return liaisons.get(agency)!;
  };
  let db: Client;
  const dueDate = addDays(shanghaiDay(new Date()), 30);

  const startWorker = () => startApp('worker', env, /duban worker started/);

  beforeAll(async () => {
    env.PORT = String(await freePort());
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    [worker, api] = await Promise.all([startWorker(), startApp('api', env, /listening on/)]);
    base = `http://127.0.0.1:${env.PORT}`;
    http = await signedIn(base, 'coordinator');
    admin = await signedIn(base, 'admin');
    await provideFutureYears(admin);
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
    // 108 named assignments; 各区人民政府 (named in （一）, implied in （二）–（二十一）) expands to
    // Tianjin's 16 district governments: 107 + 16 + 20 × 16.
    expect(doc.taskCount).toBe(443);
    const agencies = await db.query(`SELECT count(*)::int AS n FROM agency WHERE name = '市民政局'`);
    expect(agencies.rows[0].n).toBe(1);

    const launch = await http.post(`/documents/${doc.id}/launch`).send({ dueDate });
    expect(launch.status).toBe(202);
    expect(launch.body).toMatchObject({ tasks: 443, alreadyLaunched: false, workflowId: `document-${doc.id}` });
    const again = await http.post(`/documents/${doc.id}/launch`).send({ dueDate });
    expect(again.status).toBe(202);
    expect(again.body.alreadyLaunched).toBe(true);
    const otherDate = await http.post(`/documents/${doc.id}/launch`).send({ dueDate: addDays(dueDate, 1) });
    expect(otherDate.status).toBe(409);
    expect(otherDate.body.code).toBe('ALREADY_LAUNCHED');

    await waitFor('all 443 tasks issued', async () => (await tasksOf(doc.id, 'issued')).total === 443);

    const { items } = await tasksOf(doc.id);
    const task = items.find((t) => t.measureNumber === '（二）' && t.agency === '市民政局');
    expect(task).toBeDefined();
    const id = task!.id;

    const mca = await liaison('市民政局');
    expect((await mca.post(`/tasks/${id}/acknowledge`).send({ actor: '张三' })).status).toBe(201);
    const noEvidence = await mca.post(`/tasks/${id}/submit`).send({ actor: '市民政局联络员', evidence: ' ' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.code).toBe('EVIDENCE_REQUIRED');
    expect((await http.get(`/tasks/${id}`)).body.state).toBe('in_progress');

    const submit = await mca.post(`/tasks/${id}/submit`).send({ actor: '市民政局联络员', evidence: '已印发工作方案' });
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

    // The measure is done: its tasks that do not carry it (配合, 指导, 属地) close with it (rule 9).
    type Status = {
      taskCounts: Record<string, number>;
      measures: { number: string; tasks: (TaskRow & { role: string })[] }[];
      colour: string;
    };
    const statusOf = async () => (await http.get(`/documents/${doc.id}/status`)).body as Status;
    const carried = (await statusOf()).measures
      .find((m) => m.number === '（二）')!
      .tasks.filter((t) => !['lead', 'shared'].includes(t.role)).length;
    await waitFor(
      'the measure’s other tasks closed with it',
      async () => Number((await statusOf()).taskCounts.closed ?? 0) === carried,
    );
    const status = await statusOf();
    expect(status.measures).toHaveLength(21);
    expect(status.taskCounts).toEqual({ issued: 442 - carried, accepted: 1, ...(carried ? { closed: carried } : {}) });
    const measure2 = status.measures.find((m) => m.number === '（二）')!;
    expect(measure2.tasks.find((t) => t.agency === '市民政局')?.state).toBe('accepted');
    expect(status.colour).toBe('green');

    const late = await http.post(`/tasks/${id}/review`).send({ decision: 'return', reason: '再看看' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_TRANSITION');
    const extendDone = await mca
      .post(`/tasks/${id}/extension-request`)
      .send({ reason: 'r', proposedDate: addDays(dueDate, 9) });
    expect(extendDone.status).toBe(409);
    expect(extendDone.body.code).toBe('INVALID_TRANSITION');
  });

  it('carries on after the worker is killed mid-run, with nothing lost or repeated', async () => {
    const doc = await importSeed();
    // Launch, then kill the worker while it is still starting the 443 task workflows.
    expect((await http.post(`/documents/${doc.id}/launch`).send({ dueDate })).status).toBe(202);
    await waitFor('the first tasks issued', async () => (await tasksOf(doc.id, 'issued')).total > 0);
    await worker.stop('SIGKILL');
    const issuedAtKill = (await tasksOf(doc.id, 'issued')).total;
    if (process.env.E2E_DEBUG) console.log('issued when the worker was killed:', issuedAtKill);

    // A liaison acts while no worker runs: the request waits and is answered after the restart.
    const { items } = await tasksOf(doc.id, 'issued');
    const first = await liaison(items[0].agency);
    const pending = first.post(`/tasks/${items[0].id}/acknowledge`).set('Idempotency-Key', 'ack-1').send({});
    const answered = pending.then((r) => r);
    worker = await startWorker();

    const ack = await answered;
    expect(ack.status).toBe(201);
    expect(ack.body.state).toBe('in_progress');
    // The client retries the same request: the Idempotency-Key makes it a no-op, not an error.
    const retry = await first.post(`/tasks/${items[0].id}/acknowledge`).set('Idempotency-Key', 'ack-1').send({});
    expect(retry.status).toBe(201);

    await waitFor('all 443 tasks issued after the restart', async () => {
      const counts = (await http.get(`/documents/${doc.id}/status`)).body.taskCounts;
      return (counts.issued ?? 0) + (counts.in_progress ?? 0) === 443;
    });
    expect(issuedAtKill).toBeLessThan(443);

    // Every task was issued exactly once and its history has no gaps or repeats.
    const history = await db.query(
      `SELECT t.id, count(*) FILTER (WHERE e.type = 'issue')::int AS issues,
              count(*)::int AS events, max(e.seq) AS last_seq
       FROM task t JOIN task_event e ON e.task_id = t.id WHERE t.document_id = $1 GROUP BY t.id`,
      [doc.id],
    );
    expect(history.rows).toHaveLength(443);
    for (const row of history.rows) {
      expect(row.issues).toBe(1);
      expect(row.events).toBe(row.last_seq);
    }
    const acked = (await http.get(`/tasks/${items[0].id}`)).body;
    expect(acked.history.map((h: { type: string }) => h.type)).toEqual(['issue', 'acknowledge']);
  });

  it('runs the clock over HTTP: extension, pause and resume, a calendar correction re-plans running tasks', async () => {
    const doc = await importSeed();
    const launch = await http.post(`/documents/${doc.id}/launch`).send({ dueInWorkingDays: 20, maxExtensions: 1 });
    expect(launch.status).toBe(202);
    const due = (launch.body as { dueDate: string }).dueDate;
    expect(launch.body.dueBasis).toContain('20 个工作日');
    await waitFor('all tasks issued', async () => (await tasksOf(doc.id, 'issued')).total === 443);
    const [a, b] = (await tasksOf(doc.id)).items;

    const fresh = (await http.get(`/tasks/${a.id}`)).body;
    expect(fresh.clock).toMatchObject({ colour: 'green', overdue: false, workingDaysLeft: 20 });
    expect(fresh.clock.explanation).toContain(due);

    const la = await liaison(a.agency);
    const lb = await liaison(b.agency);
    const asked = await la
      .post(`/tasks/${a.id}/extension-request`)
      .send({ actor: '联络员甲', reason: '需征求各区意见', proposedDate: addDays(due, 14) });
    expect(asked.status).toBe(201);
    expect(asked.body.pendingExtension).toMatchObject({ requestedBy: `${a.agency} 联络员（联络员甲）` });
    const tooEarly = await la
      .post(`/tasks/${a.id}/extension-request`)
      .send({ reason: '再延', proposedDate: addDays(due, 20) });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('EXTENSION_PENDING');
    const approved = await http
      .post(`/tasks/${a.id}/extension-decision`)
      .send({ actor: '协调处室', decision: 'approve', dueDate: addDays(due, 7), reason: '同意延期一周' });
    expect(approved.status).toBe(201);
    const detail = (await http.get(`/tasks/${a.id}`)).body;
    expect(detail.extensionCount).toBe(1);
    const approval = detail.history.find((h: { type: string }) => h.type === 'extension_approved');
    expect(approval).toMatchObject({
      actor: '市民政局 协调处室（协调处室）',
      detail: { from: due, reason: '同意延期一周' },
    });
    expect(detail.dueDate).toBe(approval.detail.to);
    const malformed = await lb
      .post(`/tasks/${b.id}/extension-request`)
      .send({ reason: 'r', proposedDate: '2027-13-01' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_DATE');
    const uncovered = await lb
      .post(`/tasks/${b.id}/extension-request`)
      .send({ reason: 'r', proposedDate: '2150-01-01' });
    expect(uncovered.status).toBe(422);
    expect(uncovered.body.code).toBe('CALENDAR_NOT_COVERED');
    const nothingPending = await http.post(`/tasks/${b.id}/extension-decision`).send({ decision: 'approve' });
    expect(nothingPending.status).toBe(409);
    expect(nothingPending.body.code).toBe('NO_PENDING_EXTENSION');
    const overLimit = await la
      .post(`/tasks/${a.id}/extension-request`)
      .send({ reason: '再延', proposedDate: addDays(due, 30) });
    expect(overLimit.status).toBe(422);
    expect(overLimit.body.code).toBe('EXTENSION_LIMIT');

    expect((await http.post(`/tasks/${b.id}/pause`).send({ reason: '等待上级文件' })).status).toBe(201);
    const paused = (await http.get(`/tasks/${b.id}`)).body;
    expect(paused.pausedSince).toBe(shanghaiDay(new Date()));
    expect(paused.clock.colour).toBe('grey');
    expect((await http.post(`/tasks/${b.id}/pause`).send({ reason: '再停' })).body.code).toBe('ALREADY_PAUSED');
    expect((await http.post(`/tasks/${b.id}/resume`).send({ reason: '文件已下达' })).status).toBe(201);
    expect((await http.get(`/tasks/${b.id}`)).body.pausedSince).toBeNull();

    // The State Council moves a holiday onto the due day: every running task of this document re-plans.
    await holdingSharedCalendar(async () => {
      const correction = await admin
        .put(`/calendar/days/${due}`)
        .send({ kind: 'holiday', name: '调整', reason: '测试：放假安排调整' });
      expect(correction.status).toBe(200);
      expect(correction.body.changedDays).toEqual([due]);
      // A busy worker may still be re-planning when the answer comes (replanInProgress); task b's history shows it done.
      if (!correction.body.replanInProgress) expect(correction.body.replanned).toBeGreaterThanOrEqual(442);
      await waitFor('the re-plan of task b', async () =>
        ((await http.get(`/tasks/${b.id}`)).body.history as { type: string }[]).some((h) => h.type === 'replanned'),
      );
      const moved = (await http.get(`/tasks/${b.id}`)).body;
      expect(moved.dueDate > due).toBe(true);
      expect(moved.history.at(-1)).toMatchObject({
        type: 'replanned',
        detail: { reason: '测试：放假安排调整', from: due },
      });
      const restore = await admin.put(`/calendar/days/${due}`).send({ kind: 'normal', reason: '测试：恢复' });
      expect(restore.status).toBe(200);
    });
  });
});
