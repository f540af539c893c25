import type request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, DEFAULT_LADDER, shanghaiDay } from '../../libs/clock';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { apiRequest, unprefixed } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

/**
 * The audit action every write endpoint records. A write endpoint in the OpenAPI document
 * without a row here fails the first test; one that records nothing fails the second.
 */
const EXPECTED: Record<string, string> = {
  'POST /users': 'user.create',
  'PATCH /users/{id}': 'user.update',
  'PATCH /auth/me': 'user.contact_update',
  'POST /auth/me/deputy': 'user.deputy_set',
  'POST /webhooks': 'webhook.create',
  'POST /webhooks/{id}/disable': 'webhook.disable',
  'POST /inbox/{id}/read': 'inbox.read',
  'POST /auth/password': 'auth.password_change',
  'POST /auth/logout': 'auth.logout',
  'POST /agencies': 'agency.create',
  'PATCH /agencies/{id}': 'agency.update',
  'PUT /agency-groups/{name}': 'agency_group.put',
  'PUT /calendar/years/{year}': 'calendar.year.put',
  'PUT /calendar/days/{day}': 'calendar.day.set',
  'POST /calendar/notices': 'calendar.year.put',
  'POST /documents': 'document.import',
  'POST /imports': 'import.create',
  'POST /imports/text': 'import.create',
  'POST /imports/{id}/corrections': 'import.correct',
  'POST /imports/{id}/confirm': 'import.confirm',
  'POST /documents/{id}/launch': 'document.launch',
  'POST /tasks/{id}/acknowledge': 'task.acknowledge',
  'POST /tasks/{id}/progress': 'task.progress',
  'POST /tasks/{id}/extension-request': 'task.requestExtension',
  'POST /tasks/{id}/extension-decision': 'task.decideExtension',
  'POST /tasks/{id}/pause': 'task.pause',
  'POST /tasks/{id}/resume': 'task.resume',
  'POST /tasks/{id}/instructions': 'task.instruct',
  'POST /tasks/{id}/supervision-read': 'task.supervisionRead',
  'POST /tasks/{id}/submit': 'task.submit',
  'POST /tasks/{id}/review': 'task.review',
  'POST /tasks/{id}/reassign': 'task.reassign',
  // The lead's liaison sends a cooperator's input back: a review of the cooperating task.
  'POST /tasks/{id}/return-input': 'task.review',
  'POST /documents/{id}/acknowledge': 'task.acknowledge',
  'POST /documents/{id}/progress': 'task.progress',
  'POST /measures/{id}/withdraw': 'measure.withdraw',
  'POST /documents/{id}/withdraw': 'document.withdraw',
  'POST /tasks/{id}/attachments': 'attachment.upload',
  'DELETE /auth/me/deputy': 'user.deputy_end',
  'POST /circulars/backfill': 'circular.backfill',
  'PUT /notice-templates/{kind}': 'notice_template.put',
  'DELETE /notice-templates/{kind}': 'notice_template.reset',
};
/** Sign-in itself changes nothing worth auditing (see docs/decisions.md). */
// Sign-in, and reads sent as POST (a holiday notice or a launch previewed, nothing stored).
const NOT_AUDITED = [
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /calendar/notices/preview',
  'POST /documents/{id}/launch/preview',
];

const TINY = `天津市民政局关于开展审计测试工作的通知

各区人民政府，市政府各委、办、局：

为检验督办系统审计日志，提出如下工作要求。

（一）开展审计测试。按要求完成各项测试工作并报送结果。（市民政局负责）

（二）完善测试制度。建立健全测试制度并抓好落实。（市教委负责）

（三）加强测试协同。做好测试保障工作。（市民政局牵头，市公安局配合）
`;

interface User {
  token: string;
  userId: string;
  displayName: string;
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_name: string;
  target_type: string;
  target_id: string;
  document_id: string | null;
  task_id: string | null;
  before: unknown;
  after: unknown;
}

/** The real API and worker as processes; one successful call of every write endpoint. */
describe('audit entries for every write endpoint', () => {
  const env = { TEMPORAL_TASK_QUEUE: `audit-${randomUUID()}`, PORT: '0' };
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let db: Client;
  const users: Record<string, User> = {};

  const signIn = async (username: string, password?: string): Promise<User> => {
    const pw = password ?? (username === 'admin' ? process.env.ADMIN_PASSWORD : process.env.DEMO_PASSWORD);
    const res = await apiRequest(base).post('/auth/login').send({ username, password: pw });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as { accessToken: string; user: { userId: string; displayName: string } };
    return { token: body.accessToken, userId: body.user.userId, displayName: body.user.displayName };
  };

  const covered = new Map<string, AuditRow>();
  /** One write with its own request id; checks the one audit entry it left and returns the response body. */
  const write = async (
    op: string,
    who: User,
    path: string,
    body?: object | Buffer | ((req: request.Test) => request.Test),
    expected = EXPECTED[op],
  ): Promise<Record<string, unknown>> => {
    const [method] = op.split(' ');
    const requestId = `audit-e2e-${randomUUID()}`;
    const verb = method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    let req = apiRequest(base)[verb](path).set('Authorization', `Bearer ${who.token}`).set('X-Request-Id', requestId);
    if (Buffer.isBuffer(body)) req = req.set('Content-Type', 'text/plain');
    const res = await (body === undefined ? req : typeof body === 'function' ? body(req) : req.send(body));
    expect({ op, status: res.status, body: res.status < 300 ? 'ok' : (res.body as unknown) }).toMatchObject({
      op,
      body: 'ok',
    });
    const { rows } = await db.query<AuditRow>('SELECT * FROM audit_log WHERE request_id = $1', [requestId]);
    expect({ op, actions: rows.map((r) => r.action) }).toEqual({ op, actions: [expected] });
    expect(rows[0]).toMatchObject({ actor_id: who.userId, actor_name: who.displayName });
    covered.set(op, rows[0]);
    return (res.body ?? {}) as Record<string, unknown>;
  };
  const get = async (who: User, path: string) => {
    const res = await apiRequest(base).get(path).set('Authorization', `Bearer ${who.token}`);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    env.PORT = String(await freePort());
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    [worker, api] = await Promise.all([
      startApp('worker', env, /duban worker started/),
      startApp('api', env, /listening on/),
    ]);
    base = `http://127.0.0.1:${env.PORT}`;
    for (const name of ['admin', 'coordinator', 'leader', 'liaison.市民政局', 'liaison.市教委', 'liaison.市公安局'])
      users[name] = await signIn(name);
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    if (process.env.E2E_DEBUG) console.log(api?.output(), worker?.output());
    await db?.end();
  });

  it('knows every write endpoint of the OpenAPI document, and no audit endpoint writes', async () => {
    const doc = (await apiRequest(base).get('/docs/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${unprefixed(p)}`),
    );
    const writes = operations.filter((op) => /^(POST|PUT|PATCH|DELETE) /.test(op) && !NOT_AUDITED.includes(op));
    expect(writes.filter((op) => !(op in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((op) => !writes.includes(op))).toEqual([]);
    expect(operations.filter((op) => op.includes('/audit') && !op.startsWith('GET '))).toEqual([]);
  });

  it('records who, which request and what changed, for one successful call of each', async () => {
    const { admin, coordinator, leader } = users;
    const mca = users['liaison.市民政局'];
    const tag = randomUUID().slice(0, 8);

    // Accounts and the registry.
    const password = `Audit-${tag}-2026`;
    const created = await write('POST /users', admin, '/users', {
      username: `audit.${tag}`,
      displayName: `审计测试 ${tag}`,
      password,
      roles: ['leader'],
    });
    expect(covered.get('POST /users')?.after).toEqual({
      username: `audit.${tag}`,
      displayName: `审计测试 ${tag}`,
      roles: ['leader'],
      agencyIds: [],
    });
    expect(JSON.stringify(covered.get('POST /users'))).not.toContain(password);
    await write('PATCH /users/{id}', admin, `/users/${String(created.id)}`, { displayName: `审计改名 ${tag}` });
    expect(covered.get('PATCH /users/{id}')).toMatchObject({
      target_id: created.id,
      before: { displayName: `审计测试 ${tag}` },
      after: { displayName: `审计改名 ${tag}` },
    });
    const newcomer = await signIn(`audit.${tag}`, password);
    expect(newcomer.userId).toBe(created.id);
    await write('PATCH /auth/me', newcomer, '/auth/me', { phone: '13912345678' });
    // Which fields changed, never the number itself.
    expect(covered.get('PATCH /auth/me')?.after).toEqual({ changed: ['phone'] });
    expect(JSON.stringify(covered.get('PATCH /auth/me'))).not.toContain('13912345678');
    await write('POST /auth/password', newcomer, '/auth/password', {
      currentPassword: password,
      newPassword: `${password}x9`,
    });
    await write('POST /auth/logout', await signIn(`audit.${tag}`, `${password}x9`), '/auth/logout');

    const agency = await write('POST /agencies', admin, '/agencies', {
      name: `审计测试单位${tag}`,
      kind: 'unknown',
      aliases: [],
    });
    await write('PATCH /agencies/{id}', admin, `/agencies/${String(agency.id)}`, {
      kind: 'municipal_department',
      addAliases: [`审计${tag}`],
    });
    expect(covered.get('PATCH /agencies/{id}')).toMatchObject({
      before: { kind: 'unknown', aliases: [] },
      after: { kind: 'municipal_department', aliases: [`审计${tag}`] },
    });
    await write('PUT /agency-groups/{name}', admin, `/agency-groups/${encodeURIComponent(`审计组${tag}`)}`, {
      description: '审计测试',
      memberIds: [agency.id],
    });

    // A webhook registered and switched off again (so nothing is ever delivered to it).
    const hook = await write('POST /webhooks', admin, '/webhooks', {
      url: 'http://127.0.0.1:9/audit-hook',
      description: '审计测试',
    });
    expect(JSON.stringify(covered.get('POST /webhooks'))).not.toContain(String(hook.secret));
    await write('POST /webhooks/{id}/disable', admin, `/webhooks/${String(hook.id)}/disable`);

    // The calendar: deadlines below reach past 2026, so the following years are maintained first.
    const last = new Date().getUTCFullYear() + 2;
    const data = prcCalendarWithShiftedYears(last - 2026);
    for (let year = 2027; year <= last; year++) {
      const inYear = (days: string[]) => days.filter((d) => d.startsWith(String(year))).map((day) => ({ day }));
      await write('PUT /calendar/years/{year}', admin, `/calendar/years/${year}`, {
        holidays: inYear(data.holidays),
        workdays: inYear(data.workdays),
        reason: '测试：按2026年规律暂定',
      });
    }
    // A Wednesday that stays a plain working day: logged, but moves no deadline.
    const wednesday = addDays(`${last}-03-01`, (3 - new Date(`${last}-03-01T00:00:00Z`).getUTCDay() + 7) % 7);
    await write('PUT /calendar/days/{day}', admin, `/calendar/days/${wednesday}`, {
      kind: 'normal',
      reason: '审计测试：确认为普通工作日',
    });
    expect((covered.get('PUT /calendar/days/{day}')?.after as { calendarChangeId?: string }).calendarChangeId).toMatch(
      /^\d+$/,
    );
    // A provisional year replaced by a (made-up) State Council notice; no other test uses this year.
    const noticeYear = last + 1;
    const weekday = (day: string) => '日一二三四五六'[new Date(`${day}T00:00:00Z`).getUTCDay()];
    await write('POST /calendar/notices', admin, '/calendar/notices', {
      text: `国务院办公厅关于${noticeYear}年部分节假日安排的通知\n一、元旦：1月1日（周${weekday(`${noticeYear}-01-01`)}）放假1天。`,
    });
    expect(covered.get('POST /calendar/notices')?.before).toMatchObject({ source: 'provisional' });

    // Documents: one step, and preview → correction → confirm → launch.
    const oneStep = await write('POST /documents', coordinator, '/documents', { text: TINY });
    expect(covered.get('POST /documents')).toMatchObject({ document_id: oneStep.id, target_id: oneStep.id });
    await write('POST /imports/text', coordinator, '/imports/text', Buffer.from(TINY, 'utf8'));
    const draft = await write('POST /imports', coordinator, '/imports', { text: TINY });
    await write('POST /imports/{id}/corrections', coordinator, `/imports/${String(draft.id)}/corrections`, {
      reason: '市民政局牵头',
      edits: [{ op: 'setRole', measure: 1, party: '市民政局', role: 'lead' }],
    });
    expect(covered.get('POST /imports/{id}/corrections')).toMatchObject({
      before: { corrections: 0 },
      after: { corrections: 1, appended: [{ op: 'setRole', party: '市民政局', reason: '市民政局牵头' }] },
    });
    const confirmed = await write('POST /imports/{id}/confirm', coordinator, `/imports/${String(draft.id)}/confirm`);
    const documentId = String(confirmed.documentId);
    const dueDate = addDays(shanghaiDay(new Date()), 30);
    // The default ladder and a 督办 for leaders that falls due at once, so that it can be read (阅知).
    const ladder = [
      ...DEFAULT_LADDER,
      { ...DEFAULT_LADDER[0], key: 'early', offset: -100, audience: ['leader'], label: '提前督办' },
    ].sort((a, b) => a.offset - b.offset);
    await write('POST /documents/{id}/launch', coordinator, `/documents/${documentId}/launch`, { dueDate, ladder });
    expect(covered.get('POST /documents/{id}/launch')).toMatchObject({
      before: { status: 'imported' },
      after: { status: 'launched', dueDate, maxExtensions: 2, tasks: 4 },
    });

    // An admin's own notice template, then back to the default (the shipped one re-uploaded is usable).
    const shipped = await apiRequest(base)
      .get('/notice-templates/urge')
      .set('Authorization', `Bearer ${admin.token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(shipped.status).toBe(200);
    await write('PUT /notice-templates/{kind}', admin, '/notice-templates/urge', (req) =>
      req.attach('file', shipped.body as Buffer, '审计测试模板.docx'),
    );
    expect(covered.get('PUT /notice-templates/{kind}')).toMatchObject({
      target_type: 'notice_template',
      target_id: 'urge',
      before: { default: true },
      after: { name: '审计测试模板.docx' },
    });
    await write('DELETE /notice-templates/{kind}', admin, '/notice-templates/urge');
    expect(covered.get('DELETE /notice-templates/{kind}')).toMatchObject({
      target_id: 'urge',
      before: { name: '审计测试模板.docx' },
      after: { default: true },
    });

    // Task actions: Workflow Updates, audited by the API around the call.
    let taskId = '';
    const deadline = Date.now() + 60_000;
    while (!taskId) {
      const list = await get(coordinator, `/tasks?documentId=${documentId}&state=issued`);
      const items = list.items as { id: string; agency: string; measureNumber: string }[];
      const found = items.find((t) => t.agency === '市民政局' && t.measureNumber === '（一）');
      if (found) taskId = found.id;
      else if (Date.now() > deadline) throw new Error('the task was never issued');
      else await new Promise((r) => setTimeout(r, 250));
    }
    const task = `/tasks/${taskId}`;
    await write('POST /tasks/{id}/acknowledge', mca, `${task}/acknowledge`, {});
    const fired = Date.now() + 60_000;
    while (!((await get(coordinator, task)).history as { type: string }[]).some((e) => e.type === 'rung')) {
      if (Date.now() > fired) throw new Error('the early 督办 never fired');
      await new Promise((r) => setTimeout(r, 250));
    }
    await write('POST /tasks/{id}/supervision-read', leader, `${task}/supervision-read`, {});
    await write('POST /tasks/{id}/attachments', mca, `${task}/attachments`, (req) =>
      req.attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), '审计测试.pdf'),
    );
    expect(covered.get('POST /tasks/{id}/attachments')).toMatchObject({
      task_id: taskId,
      target_type: 'attachment',
      after: { name: '审计测试.pdf', created: true },
    });
    await write('POST /tasks/{id}/progress', mca, `${task}/progress`, { note: '已部署' });
    // A deputy for a period that starts later, so no other test sees it act.
    const moe = await db.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'liaison.市教委'`);
    const period = { userId: moe.rows[0].id, from: addDays(dueDate, 60), to: addDays(dueDate, 61) };
    await write('POST /auth/me/deputy', mca, '/auth/me/deputy', period);
    expect(covered.get('POST /auth/me/deputy')).toMatchObject({
      target_id: mca.userId,
      after: { deputyId: period.userId, from: period.from, to: period.to },
    });
    await write('DELETE /auth/me/deputy', mca, '/auth/me/deputy');
    expect(covered.get('DELETE /auth/me/deputy')).toMatchObject({
      target_id: mca.userId,
      before: { deputyId: period.userId, from: period.from, to: period.to },
    });
    await write('POST /tasks/{id}/extension-request', mca, `${task}/extension-request`, {
      reason: '需征求意见',
      proposedDate: addDays(dueDate, 14),
    });
    await write('POST /tasks/{id}/extension-decision', coordinator, `${task}/extension-decision`, {
      decision: 'approve',
      dueDate: addDays(dueDate, 7),
      reason: '同意延期一周',
    });
    await write('POST /tasks/{id}/pause', coordinator, `${task}/pause`, { reason: '等待上级文件' });
    await write('POST /tasks/{id}/resume', coordinator, `${task}/resume`, { reason: '文件已下达' });
    await write('POST /tasks/{id}/instructions', leader, `${task}/instructions`, { text: '抓紧落实' });
    // The instruction reaches the coordinator's inbox through the delivery workflow; reading it is audited.
    let inboxId = '';
    const inboxDeadline = Date.now() + 60_000;
    while (!inboxId) {
      const inbox = await get(coordinator, '/inbox?unread=true');
      inboxId = (inbox.items as { id: string }[])[0]?.id ?? '';
      if (!inboxId && Date.now() > inboxDeadline) throw new Error('no inbox item arrived');
      if (!inboxId) await new Promise((r) => setTimeout(r, 250));
    }
    await write('POST /inbox/{id}/read', coordinator, `/inbox/${inboxId}/read`);
    await write('POST /tasks/{id}/submit', mca, `${task}/submit`, { evidence: '已印发方案' });
    await write('POST /tasks/{id}/review', coordinator, `${task}/review`, { decision: 'accept' });
    expect(covered.get('POST /tasks/{id}/review')).toMatchObject({
      task_id: taskId,
      document_id: documentId,
      before: { state: 'submitted' },
      after: { outcome: 'applied', state: 'accepted', input: { decision: 'accept' } },
    });

    // 牵头/配合: the cooperating 市公安局 reports its input to the lead, whose liaison sends it back for more.
    const policeLiaison = users['liaison.市公安局'];
    let coopId = '';
    const coopDeadline = Date.now() + 60_000;
    while (!coopId) {
      const list = await get(coordinator, `/tasks?documentId=${documentId}&state=issued`);
      coopId = (list.items as { id: string; agency: string }[]).find((t) => t.agency === '市公安局')?.id ?? '';
      if (!coopId && Date.now() > coopDeadline) throw new Error('the cooperating task was never issued');
      if (!coopId) await new Promise((r) => setTimeout(r, 250));
    }
    await write('POST /tasks/{id}/acknowledge', policeLiaison, `/tasks/${coopId}/acknowledge`, {});
    await write('POST /tasks/{id}/submit', policeLiaison, `/tasks/${coopId}/submit`, { evidence: '已报送保障方案' });
    await write('POST /tasks/{id}/return-input', mca, `/tasks/${coopId}/return-input`, { reason: '请补充经费测算' });
    expect(covered.get('POST /tasks/{id}/return-input')).toMatchObject({
      task_id: coopId,
      before: { state: 'submitted' },
      after: { outcome: 'applied', state: 'in_progress', input: { decision: 'return', reason: '请补充经费测算' } },
    });

    // 最多报一次: the other agency (市教委, one task here) acknowledges and reports once for the document.
    const moeLiaison = users['liaison.市教委'];
    const acked = await write(
      'POST /documents/{id}/acknowledge',
      moeLiaison,
      `/documents/${documentId}/acknowledge`,
      {},
    );
    expect(acked).toMatchObject({ applied: [{ agency: '市教委' }], refused: [] });
    await write('POST /documents/{id}/progress', moeLiaison, `/documents/${documentId}/progress`, {
      note: '已部署落实',
    });
    // Control of running work: the other task (市教委) is reassigned, then its measure and the document withdrawn.
    const other = (
      (await get(coordinator, `/tasks?documentId=${documentId}`)).items as {
        id: string;
        agency: string;
        measureId: string;
      }[]
    ).find((t) => t.agency === '市教委')!;
    const police = await db.query<{ id: string }>(`SELECT id FROM agency WHERE name = '市公安局'`);
    const handed = await write('POST /tasks/{id}/reassign', coordinator, `/tasks/${other.id}/reassign`, {
      agencyId: police.rows[0].id,
      reason: '职责调整',
    });
    expect(covered.get('POST /tasks/{id}/reassign')).toMatchObject({
      task_id: other.id,
      after: { outcome: 'applied', state: 'reassigned', input: { reason: '职责调整' } },
    });
    expect(handed.reassignedTo).toMatchObject({ agency: '市公安局' });
    await write('POST /measures/{id}/withdraw', coordinator, `/measures/${other.measureId}/withdraw`, {
      reason: '不再实施',
    });
    expect(covered.get('POST /measures/{id}/withdraw')).toMatchObject({
      target_id: other.measureId,
      document_id: documentId,
      after: { withdrawn: true, reason: '不再实施' },
    });
    // 情况通报 backfill of days long past: recorded, nothing to run.
    await write('POST /circulars/backfill', admin, '/circulars/backfill', {
      kind: 'weekly',
      from: '2020-01-06',
      to: '2020-01-12',
    });
    expect(covered.get('POST /circulars/backfill')).toMatchObject({
      target_id: 'weekly',
      after: { kind: 'weekly', from: '2020-01-06', to: '2020-01-12', days: 0 },
    });
    await write('POST /documents/{id}/withdraw', coordinator, `/documents/${documentId}/withdraw`, {
      reason: '测试结束',
    });

    expect([...covered.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());

    // Reading it back: per task and per document, newest first; the task's timeline merges both sources.
    const taskAudit = await get(coordinator, `${task}/audit?pageSize=5`);
    const taskItems = taskAudit.items as { action: string; requestId: string; actorName: string }[];
    expect(taskAudit.total).toBe(12);
    expect(taskItems.map((i) => i.action)).toEqual([
      'task.review',
      'task.submit',
      'inbox.read',
      'task.instruct',
      'task.resume',
    ]);
    const docAudit = await get(leader, `/documents/${documentId}/audit?pageSize=500`);
    const docActions = (docAudit.items as { action: string }[]).map((i) => i.action);
    expect(docActions.slice(-3)).toEqual(['task.acknowledge', 'document.launch', 'import.confirm']);
    // 14 task and document writes, 市公安局's acknowledgement and input and its return, 市教委's
    // acknowledgement and report, the reassignment and the two withdrawals.
    expect(docActions).toHaveLength(22);
    const detail = await get(coordinator, task);
    const timeline = detail.timeline as { source: string; at: string; action?: string; type?: string }[];
    expect((detail.history as unknown[]).length).toBeGreaterThan(0);
    expect(timeline.filter((t) => t.source === 'audit')).toHaveLength(12);
    expect(timeline.filter((t) => t.source === 'event')).toHaveLength((detail.history as unknown[]).length);
    expect(timeline.map((t) => t.at)).toEqual([...timeline.map((t) => t.at)].sort());
    expect(timeline[0]).toMatchObject({ source: 'event', type: 'issue' });
    expect(timeline.at(-1)).toMatchObject({ source: 'audit', action: 'task.review' });

    const liaisonRead = await apiRequest(base).get(`${task}/audit`).set('Authorization', `Bearer ${mca.token}`);
    expect(liaisonRead.status).toBe(403);
    const missing = await apiRequest(base)
      .get(`/tasks/${randomUUID()}/audit`)
      .set('Authorization', `Bearer ${coordinator.token}`);
    expect(missing.status).toBe(404);
  });
});
