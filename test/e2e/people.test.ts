import type request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, shanghaiDay } from '../../libs/clock';
import { apiRequest, authed, type Http, signedIn } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const text = (tag: string) => `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）健全工作机制。建立联席会议制度。（市民政局、市教委按职责分工负责）
`;

interface TaskRow {
  id: string;
  agency: string;
  state: string;
}

/** Issue 11, people: separation of duties, user administration, 分管 and 阅知, over HTTP on the real stack. */
describe('people and their duties, end to end', () => {
  const env = { TEMPORAL_TASK_QUEUE: `people-${randomUUID()}`, PORT: '0' };
  const tag = randomUUID().slice(0, 8);
  const password = `People-${tag}-2026`;
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let db: Client;
  let admin: Http;
  let coordinator: Http;
  const dueDate = addDays(shanghaiDay(new Date()), 30);

  const agencyId = async (name: string) =>
    (await db.query<{ id: string }>('SELECT id FROM agency WHERE name = $1', [name])).rows[0].id;

  /** A new account made by the admin over the API, signed in. */
  const newUser = async (name: string, roles: string[], agencyIds: string[] = []) => {
    const created = await admin
      .post('/users')
      .send({ username: `${name}.${tag}`, displayName: name, password, roles, agencyIds });
    expect(created.status).toBe(201);
    const res = await apiRequest(base)
      .post('/auth/login')
      .send({ username: `${name}.${tag}`, password });
    expect(res.status).toBe(200);
    const body = res.body as { accessToken: string; refreshToken: string };
    return { id: (created.body as { id: string }).id, http: authed(base, body.accessToken), ...body };
  };

  const launch = async (ladder?: object[]) => {
    const imported = await coordinator.post('/documents').send({ text: text(`${tag}${randomUUID().slice(0, 4)}`) });
    expect(imported.status).toBe(201);
    const documentId = (imported.body as { id: string }).id;
    const launched = await coordinator
      .post(`/documents/${documentId}/launch`)
      .send({ dueDate, ...(ladder ? { ladder } : {}) });
    expect(launched.status).toBe(202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await coordinator.get('/tasks').query({ documentId, pageSize: 100 });
      const items = (res.body as { items: TaskRow[] }).items;
      if (items.length === 2 && items.every((t) => t.state === 'issued')) {
        return Object.fromEntries(items.map((t) => [t.agency, t.id]));
      }
      if (Date.now() > deadline) throw new Error('tasks never issued');
      await new Promise((r) => setTimeout(r, 250));
    }
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
    admin = await signedIn(base, 'admin');
    coordinator = await signedIn(base, 'coordinator');
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db?.end();
  });

  it('a coordinator who is also a liaison is refused on another agency’s task, and cannot review their own submission', async () => {
    const both = await newUser('兼职', ['coordinator', 'liaison'], [await agencyId('市民政局')]);
    const tasks = await launch();
    const other = tasks['市教委'];
    const own = tasks['市民政局'];
    for (const [action, body] of [
      ['acknowledge', {}],
      ['progress', { note: '代为报告' }],
      ['submit', { evidence: '代为提交' }],
      ['extension-request', { reason: '代为申请', proposedDate: addDays(dueDate, 10) }],
    ] as const) {
      const res = await both.http.post(`/tasks/${other}/${action}`).send(body);
      expect({ action, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        action,
        status: 404,
        code: 'TASK_NOT_FOUND',
      });
    }
    const upload = await both.http
      .post(`/tasks/${other}/attachments`)
      .attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), 'a.pdf');
    expect(upload.status).toBe(404);
    // As coordinator the same person still sees and runs the other agency's task.
    expect((await both.http.get(`/tasks/${other}`)).status).toBe(200);
    expect((await both.http.post(`/tasks/${other}/pause`).send({ reason: '测试暂停' })).status).toBe(201);

    // On their own agency's task they act as liaison; reviewing what they submitted is refused.
    expect((await both.http.post(`/tasks/${own}/acknowledge`).send({})).status).toBe(201);
    expect((await both.http.post(`/tasks/${own}/submit`).send({ evidence: '已印发' })).status).toBe(201);
    const self = await both.http.post(`/tasks/${own}/review`).send({ decision: 'accept' });
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'SELF_REVIEW' });
    expect((self.body as { message: string }).message).toContain('不能审核本人提交');
    const returned = await both.http.post(`/tasks/${own}/review`).send({ decision: 'return', reason: '自己退回' });
    expect(returned.body).toMatchObject({ code: 'SELF_REVIEW' });
    // Someone else reviews it.
    const accepted = await coordinator.post(`/tasks/${own}/review`).send({ decision: 'accept' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ state: 'accepted' });
  });

  it('a liaison of two agencies names the one a batch acknowledgement or report is for (最多报一次)', async () => {
    const [mca, moe] = [await agencyId('市民政局'), await agencyId('市教委')];
    const two = await newUser('两单位联络员', ['liaison'], [mca, moe]);
    const tasks = await launch();
    const documentId = ((await coordinator.get(`/tasks/${tasks['市教委']}`)).body as { documentId: string }).documentId;
    const unnamed = await two.http.post(`/documents/${documentId}/acknowledge`).send({});
    expect(unnamed.status).toBe(422);
    expect(unnamed.body).toMatchObject({ code: 'AGENCY_REQUIRED' });
    const report = await two.http.post(`/documents/${documentId}/progress`).send({ note: '本期进展' });
    expect(report.body).toMatchObject({ code: 'AGENCY_REQUIRED' });
    const named = await two.http.post(`/documents/${documentId}/acknowledge`).send({ agencyId: moe });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ applied: [{ agency: '市教委' }], refused: [] });
    // The other agency's task is untouched.
    expect(((await coordinator.get(`/tasks/${tasks['市民政局']}`)).body as { state: string }).state).toBe('issued');
  });

  it('an admin edits an account; a disabled user can neither sign in nor refresh', async () => {
    const person = await newUser('待改', ['liaison'], [await agencyId('市民政局')]);
    const mca = await agencyId('市民政局');
    const moe = await agencyId('市教委');
    const edited = await admin
      .patch(`/users/${person.id}`)
      .send({ displayName: '已改名', roles: ['liaison', 'leader'], agencyIds: [moe], supervisedAgencyIds: [mca, moe] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      displayName: '已改名',
      roles: ['liaison', 'leader'],
      agencies: [{ id: moe, name: '市教委' }],
      disabled: false,
    });
    expect((edited.body as { supervisedAgencies: unknown[] }).supervisedAgencies).toHaveLength(2);
    // Roles and agencies count from the next request on.
    expect((await person.http.get('/auth/me')).body).toMatchObject({ roles: ['liaison', 'leader'], agencyIds: [moe] });
    expect((await admin.patch(`/users/${person.id}`).send({ agencyIds: [randomUUID()] })).body).toMatchObject({
      code: 'UNKNOWN_AGENCY',
    });
    expect((await admin.patch(`/users/${randomUUID()}`).send({ displayName: 'x' })).status).toBe(404);
    expect((await admin.patch(`/users/${person.id}`).send({ roles: [] })).status).toBe(400);
    expect((await person.http.patch(`/users/${person.id}`).send({ displayName: '自己改' })).status).toBe(403);
    // An admin renames themselves but changes nobody's access of their own.
    const adminId = ((await admin.get('/auth/me')).body as { userId: string }).userId;
    const ownRoles = await admin.patch(`/users/${adminId}`).send({ roles: ['admin', 'leader'] });
    expect({ status: ownRoles.status, code: (ownRoles.body as { code: string }).code }).toEqual({
      status: 409,
      code: 'OWN_ACCESS',
    });
    expect((await admin.patch(`/users/${adminId}`).send({ disabled: true })).status).toBe(409);
    expect((await admin.patch(`/users/${adminId}`).send({})).status).toBe(200);

    expect((await admin.patch(`/users/${person.id}`).send({ disabled: true })).status).toBe(200);
    expect((await person.http.get('/auth/me')).status).toBe(401);
    expect((await apiRequest(base).post('/auth/refresh').send({ refreshToken: person.refreshToken })).status).toBe(401);
    const login = await apiRequest(base)
      .post('/auth/login')
      .send({ username: `待改.${tag}`, password });
    expect(login.status).toBe(401);
    expect((await admin.patch(`/users/${person.id}`).send({ disabled: false })).status).toBe(200);
    expect(
      (
        await apiRequest(base)
          .post('/auth/login')
          .send({ username: `待改.${tag}`, password })
      ).status,
    ).toBe(200);
  });

  it('each user sets their own email and phone, validated', async () => {
    const person = await newUser('联系', ['leader']);
    const set = await person.http.patch('/auth/me').send({ email: 'lianxi@example.gov.cn', phone: '022-23456789' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: person.id, email: 'lianxi@example.gov.cn', phone: '022-23456789' });
    expect((await person.http.patch('/auth/me').send({ phone: '13912345678' })).body).toMatchObject({
      email: 'lianxi@example.gov.cn',
      phone: '13912345678',
    });
    for (const [body, code] of [
      [{ phone: '12345' }, 'INVALID_PHONE'],
      [{ phone: '1'.repeat(31) }, 'VALIDATION_FAILED'],
      [{ email: 'not-an-address' }, 'VALIDATION_FAILED'],
      [{ email: null }, 'VALIDATION_FAILED'],
      [{ email: 'a\u0000@example.cn' }, 'VALIDATION_FAILED'],
      [{ username: 'other' }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await person.http.patch('/auth/me').send(body);
      expect({ body, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        body,
        status: 400,
        code,
      });
    }
    const cleared = await person.http.patch('/auth/me').send({ email: '', phone: '' });
    expect(cleared.body).toMatchObject({ email: null, phone: null });
  });

  it('a leader reads (阅知) a task’s 督办 once it has fired, on the task’s history', async () => {
    const leader = await signedIn(base, 'leader');
    const me = (await leader.get('/auth/me')).body as { displayName: string };
    const plain = (await launch())['市民政局'];
    const early = await leader.post(`/tasks/${plain}/supervision-read`).send({});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'NOT_SUPERVISED' });
    expect((early.body as { message: string }).message).toContain('尚未发出督办');
    expect((await coordinator.post(`/tasks/${plain}/supervision-read`).send({})).status).toBe(403);

    // A ladder whose 督办 falls due long before today: it fires as soon as the task is issued.
    const supervise = {
      key: 'supervise',
      label: '督办',
      offset: -100,
      audience: ['leader'],
      colour: 'red',
      template: '【督办】{agency}承办的「{measure}」请领导督办。',
    };
    const task = (await launch([supervise]))['市民政局'];
    const history = async () =>
      (
        (await coordinator.get(`/tasks/${task}`)).body as {
          history: { type: string; actor: string | null; detail: unknown }[];
        }
      ).history;
    const deadline = Date.now() + 60_000;
    while (!(await history()).some((e) => e.type === 'rung')) {
      if (Date.now() > deadline) throw new Error('the 督办 never fired');
      await new Promise((r) => setTimeout(r, 250));
    }
    const read = await leader.post(`/tasks/${task}/supervision-read`).send({});
    expect(read.status).toBe(201);
    expect((await history()).at(-1)).toMatchObject({
      type: 'supervision_read',
      actor: me.displayName,
      detail: { rungs: ['supervise'] },
    });
  });

  it('a liaison names a deputy for a period; meanwhile the deputy acts on their agency’s tasks as 「甲 代 乙」', async () => {
    const absent = await newUser('休假联络员', ['liaison'], [await agencyId('市民政局')]);
    const deputy = await newUser('代理联络员', ['liaison'], [await agencyId('市教委')]);
    const leaderOnly = await newUser('非联络员', ['leader']);
    const task = (await launch())['市民政局'];
    const today = shanghaiDay(new Date());
    const name = (res: request.Response) => (res.body as { code?: string }).code;

    for (const [body, status, code] of [
      [{ userId: absent.id, from: today, to: today }, 422, 'INVALID_DEPUTY'],
      [{ userId: leaderOnly.id, from: today, to: today }, 422, 'INVALID_DEPUTY'],
      [{ userId: randomUUID(), from: today, to: today }, 422, 'INVALID_DEPUTY'],
      [{ userId: deputy.id, from: addDays(today, 2), to: today }, 400, 'INVALID_PERIOD'],
      [{ userId: deputy.id, from: '2026-02-30', to: '2026-03-01' }, 400, 'INVALID_PERIOD'],
      [{ userId: deputy.id, from: '2020-01-01', to: '2020-01-02' }, 400, 'INVALID_PERIOD'],
      [{ userId: 'x', from: today, to: today }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await absent.http.post('/auth/me/deputy').send(body);
      expect({ body, status: res.status, code: name(res) }).toEqual({ body, status, code });
    }
    expect((await coordinator.post('/auth/me/deputy').send({ userId: deputy.id, from: today, to: today })).status).toBe(
      403,
    );

    // A period that has not begun gives nothing yet.
    const later = await absent.http
      .post('/auth/me/deputy')
      .send({ userId: deputy.id, from: addDays(today, 5), to: addDays(today, 9) });
    expect(later.status).toBe(201);
    expect(later.body).toEqual({
      deputy: { id: deputy.id, displayName: '代理联络员' },
      from: addDays(today, 5),
      to: addDays(today, 9),
    });
    expect((await deputy.http.post(`/tasks/${task}/acknowledge`).send({})).status).toBe(404);

    // Replaced by one running today: the deputy sees and acts on the task, recorded as 甲 代 乙.
    expect(
      (await absent.http.post('/auth/me/deputy').send({ userId: deputy.id, from: today, to: addDays(today, 3) }))
        .status,
    ).toBe(201);
    expect((await deputy.http.get('/auth/me')).body).toMatchObject({
      actingFor: [{ userId: absent.id, displayName: '休假联络员' }],
    });
    expect((await deputy.http.get(`/tasks/${task}`)).status).toBe(200);
    const requestId = `people-${randomUUID()}`;
    const acted = await deputy.http.post(`/tasks/${task}/acknowledge`).set('X-Request-Id', requestId).send({});
    expect(acted.status).toBe(201);
    const history = ((await coordinator.get(`/tasks/${task}`)).body as { history: { type: string; actor: string }[] })
      .history;
    expect(history.at(-1)).toMatchObject({ type: 'acknowledge', actor: '代理联络员 代 休假联络员' });
    const { rows } = await db.query<{ actor_id: string; actor_name: string }>(
      'SELECT actor_id, actor_name FROM audit_log WHERE request_id = $1',
      [requestId],
    );
    expect(rows).toEqual([{ actor_id: deputy.id, actor_name: '代理联络员 代 休假联络员' }]);
    const file = await deputy.http
      .post(`/tasks/${task}/attachments`)
      .attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), '代理上传.pdf');
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ uploadedBy: '代理联络员 代 休假联络员' });
    // The absent liaison is still a liaison of their agency; the deputy's own tasks are theirs alone.
    const own = await absent.http.post(`/tasks/${task}/progress`).send({ note: '本人报告' });
    expect(own.status).toBe(201);
    expect(
      ((await coordinator.get(`/tasks/${task}`)).body as { history: { actor: string }[] }).history.at(-1),
    ).toMatchObject({
      actor: '休假联络员',
    });

    // Back early: the liaison ends the deputyship, and the deputy acts for them no more.
    const ended = await absent.http.delete('/auth/me/deputy');
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ ended: true });
    expect((await deputy.http.get('/auth/me')).body.actingFor ?? []).toEqual([]);
    expect((await deputy.http.get(`/tasks/${task}`)).status).toBe(404);
    expect((await absent.http.delete('/auth/me/deputy')).body).toEqual({ ended: false });
  });
});
