import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { useE2eStack } from '../setup/e2e-stack';

// A made-up implementation plan of three measures; the agencies are in the packaged registry.
const text = (tag: string) => `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）健全工作机制。建立联席会议制度。（市民政局、市教委按职责分工负责）
（二）加强资金保障。统筹安排所需经费。（市财政局、市民政局按职责分工负责）
（三）开展专项行动。组织集中排查。（市公安局、市民政局按职责分工负责）
`;

interface TaskRow {
  id: string;
  agency: string;
  agencyId: string;
  measureId: string;
  measureNumber: string;
  state: string;
  dueDate: string;
}

/** Issue 11, control of running work over HTTP: 转办 and 撤销, on the real worker, Temporal and PostgreSQL. */
describe('reassigning and withdrawing, end to end', () => {
  const stack = useE2eStack('ctl');
  let http: Http;
  const dueDate = addDays(shanghaiDay(new Date()), 20);
  const waitFor = (what: string, check: () => Promise<boolean>) => stack.waitFor(what, check);

  beforeAll(async () => {
    http = await signedIn(stack.base, 'coordinator');
  });

  const tasksOf = async (documentId: string): Promise<TaskRow[]> => {
    const res = await http.get('/tasks').query({ documentId, pageSize: 100, sort: 'measure' });
    expect(res.status).toBe(200);
    return (res.body as { items: TaskRow[] }).items;
  };
  const imported = async (tag: string) => {
    const res = await http.post('/documents').send({ text: text(tag) });
    expect(res.status).toBe(201);
    return res.body as { id: string; taskCount: number };
  };
  const launched = async (tag: string) => {
    const doc = await imported(tag);
    expect((await http.post(`/documents/${doc.id}/launch`).send({ dueDate })).status).toBe(202);
    await waitFor('every task issued', async () => (await tasksOf(doc.id)).every((t) => t.state === 'issued'));
    return doc;
  };

  it('reassigns a running task to another agency, which carries its clock on; refuses bad targets', async () => {
    const doc = await launched(`转办${randomUUID().slice(0, 6)}`);
    const tasks = await tasksOf(doc.id);
    const edu = tasks.find((t) => t.measureNumber === '（一）' && t.agency === '市教委')!;
    const finance = tasks.find((t) => t.agency === '市财政局')!;
    const police = tasks.find((t) => t.agency === '市公安局')!;
    const civil = tasks.find((t) => t.measureNumber === '（一）' && t.agency === '市民政局')!;

    const badId = await http.post(`/tasks/${edu.id}/reassign`).send({ agencyId: 'x', reason: '职责调整' });
    expect(badId.status).toBe(400);
    const taken = await http.post(`/tasks/${edu.id}/reassign`).send({ agencyId: civil.agencyId, reason: '职责调整' });
    expect(taken.status).toBe(422);
    expect(taken.body.code).toBe('INVALID_REASSIGNMENT');
    const unknown = await http.post(`/tasks/${edu.id}/reassign`).send({ agencyId: randomUUID(), reason: '职责调整' });
    expect(unknown.body).toMatchObject({ code: 'INVALID_REASSIGNMENT' });

    const res = await http
      .post(`/tasks/${edu.id}/reassign`)
      .set('Idempotency-Key', 'reassign-1')
      .send({ agencyId: police.agencyId, reason: '职责调整，改由市公安局承办' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'reassigned', reassignedTo: { agency: '市公安局' } });
    const newId = res.body.reassignedTo.taskId as string;
    await waitFor('the new task issued', async () => (await http.get(`/tasks/${newId}`)).body.state === 'issued');
    const fresh = (await http.get(`/tasks/${newId}`)).body;
    expect(fresh).toMatchObject({ agency: '市公安局', measureNumber: '（一）', dueDate, state: 'issued' });
    const old = (await http.get(`/tasks/${edu.id}`)).body;
    expect(old.state).toBe('reassigned');
    const links = await stack.db.query(`SELECT reassigned_from, source FROM task WHERE id = $1`, [newId]);
    expect(links.rows[0]).toEqual({ reassigned_from: edu.id, source: 'reassigned' });
    const events = await stack.db.query(`SELECT type, detail FROM task_event WHERE task_id = $1 ORDER BY seq`, [
      edu.id,
    ]);
    expect(events.rows.at(-1)).toMatchObject({ type: 'reassign', detail: { to: { taskId: newId } } });
    // The same request again (same key) changes nothing; a final task takes no second reassignment.
    const again = await http
      .post(`/tasks/${edu.id}/reassign`)
      .set('Idempotency-Key', 'reassign-1')
      .send({ agencyId: police.agencyId, reason: '职责调整，改由市公安局承办' });
    expect([201, 409]).toContain(again.status);
    expect(
      (await stack.db.query(`SELECT count(*)::int AS n FROM task WHERE reassigned_from = $1`, [edu.id])).rows[0].n,
    ).toBe(1);
    const audit = await stack.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.reassign' AND task_id = $1`,
      [edu.id],
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(1);
    expect(finance.state).toBe('issued');
  });

  it('withdraws a measure of a running document and a whole unlaunched one; repeats change nothing', async () => {
    const doc = await launched(`撤销${randomUUID().slice(0, 6)}`);
    const tasks = await tasksOf(doc.id);
    const second = tasks.filter((t) => t.measureNumber === '（二）');
    const res = await http.post(`/measures/${second[0].measureId}/withdraw`).send({ reason: '该项已由其他文件部署' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ scope: 'measure', alreadyWithdrawn: false, cancelledUnlaunched: 0 });
    expect(res.body.workflowId).toBe(`withdraw-measure-${second[0].measureId}`);
    await waitFor('the measure’s tasks cancelled', async () =>
      (await tasksOf(doc.id)).filter((t) => t.measureNumber === '（二）').every((t) => t.state === 'cancelled'),
    );
    expect((await tasksOf(doc.id)).filter((t) => t.state === 'issued')).toHaveLength(4);
    const again = await http.post(`/measures/${second[0].measureId}/withdraw`).send({ reason: '另一理由' });
    expect(again.body).toMatchObject({ alreadyWithdrawn: true, reason: '该项已由其他文件部署' });
    expect((await http.post(`/measures/${randomUUID()}/withdraw`).send({ reason: 'x' })).status).toBe(404);
    expect((await http.post(`/measures/${second[0].measureId}/withdraw`).send({})).status).toBe(400);
    const personal = await http.post(`/measures/${second[0].measureId}/withdraw`).send({ reason: '联系13912345678' });
    expect(personal.status).toBe(422);
    expect(personal.body.code).toBe('PERSONAL_DATA');

    const draft = await imported(`未下发${randomUUID().slice(0, 6)}`);
    const whole = await http.post(`/documents/${draft.id}/withdraw`).send({ reason: '文件废止' });
    expect(whole.body).toMatchObject({ scope: 'document', cancelledUnlaunched: draft.taskCount, workflowId: null });
    expect((await tasksOf(draft.id)).every((t) => t.state === 'cancelled')).toBe(true);
    const launch = await http.post(`/documents/${draft.id}/launch`).send({ dueDate });
    expect(launch.status).toBe(409);
    expect(launch.body.code).toBe('DOCUMENT_WITHDRAWN');
    expect((await http.get(`/documents/${draft.id}`)).body).toMatchObject({ withdrawReason: '文件废止' });
  });

  it('lets a liaison acknowledge and report once for all their agency’s tasks of a document (最多报一次)', async () => {
    const doc = await launched(`一次报${randomUUID().slice(0, 6)}`);
    const mca = await signedIn(stack.base, 'liaison.市民政局');
    const acked = await mca.post(`/documents/${doc.id}/acknowledge`).send({});
    expect(acked.status).toBe(200);
    expect(acked.body.applied.map((t: { measureNumber: string }) => t.measureNumber)).toEqual([
      '（一）',
      '（二）',
      '（三）',
    ]);
    expect(acked.body.refused).toEqual([]);
    const report = () =>
      mca.post(`/documents/${doc.id}/progress`).set('Idempotency-Key', 'month-1').send({ note: '本月已完成排查部署' });
    expect((await report()).body.applied).toHaveLength(3);
    // The same request again (same key) reports nothing twice.
    await report();
    const events = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM task_event e JOIN task t ON t.id = e.task_id JOIN agency a ON a.id = t.agency_id
       WHERE t.document_id = $1 AND a.name = '市民政局' AND e.type = 'progress' AND e.detail->>'note' = '本月已完成排查部署'`,
      [doc.id],
    );
    expect(events.rows[0].n).toBe(3);
    // Other agencies' tasks are untouched.
    expect((await tasksOf(doc.id)).filter((t) => t.agency !== '市民政局').every((t) => t.state === 'issued')).toBe(
      true,
    );
    expect((await mca.post(`/documents/${randomUUID()}/progress`).send({ note: 'x' })).status).toBe(404);
  });

  it('shows a lead’s liaison the cooperating tasks of the measures it leads, without letting it act on them', async () => {
    const tag = randomUUID().slice(0, 6);
    const res = await http.post('/documents').send({
      text: `天津市关于推进牵头${tag}工作的方案\n（一）建立协作机制。（市民政局牵头，市教委、市财政局配合）\n（二）做好保障。（市教委、市公安局按职责分工负责）\n`,
    });
    expect(res.status).toBe(201);
    const docId = (res.body as { id: string }).id;
    expect((await http.post(`/documents/${docId}/launch`).send({ dueDate })).status).toBe(202);
    await waitFor('issued', async () => (await tasksOf(docId)).every((t) => t.state === 'issued'));
    const all = await tasksOf(docId);
    const base = stack.base;
    const mca = await signedIn(base, 'liaison.市民政局');
    const seen = (await mca.get('/tasks').query({ documentId: docId })).body.items as TaskRow[];
    expect(seen.map((t) => `${t.measureNumber}${t.agency}`).sort()).toEqual(
      ['（一）市民政局', '（一）市教委', '（一）市财政局'].sort(),
    );
    const coop = all.find((t) => t.measureNumber === '（一）' && t.agency === '市教委')!;
    expect((await mca.get(`/tasks/${coop.id}`)).status).toBe(200);
    expect((await mca.post(`/tasks/${coop.id}/acknowledge`).send({})).status).toBe(404);
    // The cooperator sees only its own tasks; a shared measure gives nobody the others'.
    const moe = await signedIn(base, 'liaison.市教委');
    const moeSees = (await moe.get('/tasks').query({ documentId: docId })).body.items as TaskRow[];
    expect(moeSees.every((t) => t.agency === '市教委')).toBe(true);
    const lead = all.find((t) => t.agency === '市民政局')!;
    expect((await moe.get(`/tasks/${lead.id}`)).status).toBe(404);
  });

  it('applies a revision of a launched document in place: unchanged tasks carry on, changes recorded, removed withdrawn, new launched', async () => {
    const tag = `修订${randomUUID().slice(0, 6)}`;
    const doc = await launched(tag);
    const before = await tasksOf(doc.id);
    const revised = `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）健全工作机制。建立联席会议制度。（市民政局、市教委按职责分工负责）
（二）加强资金保障。统筹安排所需经费，逐年加大投入。（市财政局、市人社局按职责分工负责）
（四）强化督导检查。定期开展督导。（市民政局负责）
`;
    const preview = await http.post('/imports').send({ text: revised, revisesDocumentId: doc.id });
    expect(preview.status).toBe(201);
    expect(preview.body.diff).toMatchObject({
      added: [{ number: '（四）' }],
      removed: [{ number: '（三）' }],
      changed: [{ number: '（二）', textChanged: true, partiesAdded: ['市人社局'], partiesRemoved: ['市民政局'] }],
    });
    expect(preview.body.diff.changed).toHaveLength(1);
    const confirmed = await http.post(`/imports/${preview.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ documentId: doc.id, alreadyConfirmed: false });
    expect((await http.post(`/imports/${preview.body.id}/confirm`)).body).toMatchObject({ alreadyConfirmed: true });

    const find = (rows: TaskRow[], n: string, agency: string) =>
      rows.find((t) => t.measureNumber === n && t.agency === agency);
    await waitFor('the revision applied', async () => {
      const now = await tasksOf(doc.id);
      return (
        find(now, '（四）', '市民政局')?.state === 'issued' &&
        find(now, '（二）', '市人社局')?.state === 'issued' &&
        find(now, '（二）', '市民政局')?.state === 'cancelled' &&
        now.filter((t) => t.measureNumber === '（三）').every((t) => t.state === 'cancelled')
      );
    });
    const after = await tasksOf(doc.id);
    // Unchanged measure: the same tasks, untouched.
    for (const agency of ['市民政局', '市教委']) {
      expect(find(after, '（一）', agency)).toMatchObject({ id: find(before, '（一）', agency)!.id, state: 'issued' });
    }
    const typesOf = async (id: string) =>
      (
        await stack.db.query<{ type: string }>(`SELECT type FROM task_event WHERE task_id = $1 ORDER BY seq`, [id])
      ).rows.map((r) => r.type);
    expect(await typesOf(find(after, '（一）', '市民政局')!.id)).toEqual(['issue']);
    // Changed measure: the kept task has the change on record; the new party's task runs with the same due date.
    const finance = find(after, '（二）', '市财政局')!;
    expect(finance.id).toBe(find(before, '（二）', '市财政局')!.id);
    await waitFor('the change recorded', async () => (await typesOf(finance.id)).includes('revised'));
    const note = await stack.db.query(`SELECT detail FROM task_event WHERE task_id = $1 AND type = 'revised'`, [
      finance.id,
    ]);
    expect(note.rows[0].detail).toMatchObject({ revision: 2 });
    expect(note.rows[0].detail.summary).toContain('措施内容有修改');
    expect(find(after, '（二）', '市人社局')!.dueDate).toBe(dueDate);
    const kept = await stack.db.query(`SELECT count(*)::int AS n FROM document_revision WHERE document_id = $1`, [
      doc.id,
    ]);
    expect(kept.rows[0].n).toBe(1);
    // The document against its own text shows no change.
    const again = await http.post('/imports').send({ text: revised, revisesDocumentId: doc.id });
    expect(again.body.diff).toEqual({ added: [], removed: [], changed: [] });
  });
});
