import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sign } from 'jsonwebtoken';
import { apiRequest, login, unprefixed } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

type Who = 'public' | 'signed-in' | 'admin' | 'coordinator' | 'leader' | 'liaison';
const ALL: Who[] = ['admin', 'coordinator', 'leader', 'liaison'];

/**
 * Who may call what. Every operation in the OpenAPI document must have a row: a new endpoint
 * without one fails this test until someone decides who may call it.
 */
const TABLE: Record<string, Who[]> = {
  'GET /health': ['public'],
  'GET /ready': ['public'],
  'POST /auth/login': ['public'],
  'POST /auth/refresh': ['public'],
  'POST /auth/logout': ['signed-in'],
  'POST /auth/password': ['signed-in'],
  'GET /auth/me': ['signed-in'],
  'PATCH /auth/me': ['signed-in'],
  'POST /auth/me/deputy': ['liaison'],
  'DELETE /auth/me/deputy': ['liaison'],
  'GET /users': ['admin'],
  'POST /users': ['admin'],
  'PATCH /users/{id}': ['admin'],
  'POST /documents': ['coordinator'],
  'GET /documents': ALL,
  'GET /documents/{id}': ALL,
  'POST /documents/{id}/launch': ['coordinator'],
  'POST /documents/{id}/launch/preview': ['coordinator'],
  'POST /documents/{id}/withdraw': ['coordinator'],
  'POST /documents/{id}/acknowledge': ['liaison'],
  'POST /documents/{id}/progress': ['liaison'],
  'POST /measures/{id}/withdraw': ['coordinator'],
  'GET /documents/{id}/status': ['admin', 'coordinator', 'leader'],
  'GET /documents/{id}/audit': ['admin', 'coordinator', 'leader'],
  // 督办台账: a liaison gets the rows the task list shows them (their agencies', and cooperators' on measures they lead).
  'GET /documents/{id}/ledger': ALL,
  'GET /documents/{id}/circular': ['admin', 'coordinator', 'leader'],
  'GET /circulars': ['admin', 'coordinator', 'leader'],
  'GET /circulars/{id}': ['admin', 'coordinator', 'leader'],
  'GET /circulars/{id}/files/{format}': ['admin', 'coordinator', 'leader'],
  'POST /circulars/backfill': ['admin'],
  'POST /imports': ['coordinator'],
  'POST /imports/text': ['coordinator'],
  'GET /imports/{id}': ['coordinator'],
  'POST /imports/{id}/corrections': ['coordinator'],
  'POST /imports/{id}/confirm': ['coordinator'],
  'GET /agencies': ALL,
  'POST /agencies': ['admin'],
  'PATCH /agencies/{id}': ['admin'],
  'GET /agency-groups': ALL,
  'PUT /agency-groups/{name}': ['admin'],
  'GET /notifications': ALL,
  'GET /notifications/undeliverable': ['admin', 'coordinator'],
  'GET /tasks': ALL,
  'GET /tasks/{id}': ALL,
  'GET /tasks/{id}/audit': ['admin', 'coordinator', 'leader'],
  'POST /tasks/{id}/acknowledge': ['liaison'],
  'POST /tasks/{id}/progress': ['liaison'],
  'POST /tasks/{id}/submit': ['liaison'],
  'POST /tasks/{id}/extension-request': ['liaison'],
  'POST /tasks/{id}/review': ['coordinator'],
  'POST /tasks/{id}/extension-decision': ['coordinator'],
  'POST /tasks/{id}/pause': ['coordinator'],
  'POST /tasks/{id}/resume': ['coordinator'],
  'POST /tasks/{id}/instructions': ['leader'],
  'POST /tasks/{id}/supervision-read': ['leader'],
  'POST /tasks/{id}/reassign': ['coordinator'],
  'POST /tasks/{id}/return-input': ['liaison'],
  'POST /tasks/{id}/attachments': ['liaison'],
  'GET /tasks/{id}/attachments': ALL,
  'GET /tasks/{id}/attachments/{attachmentId}': ALL,
  'GET /documents/{id}/notices': ALL,
  'GET /documents/{id}/notices/{noticeId}': ALL,
  'GET /tasks/{id}/notices': ALL,
  'GET /inbox/{id}/notices': ['signed-in'],
  'GET /notice-templates/{kind}': ['admin'],
  'PUT /notice-templates/{kind}': ['admin'],
  'DELETE /notice-templates/{kind}': ['admin'],
  'GET /calendar/years': ALL,
  'GET /calendar/years/{year}': ALL,
  'PUT /calendar/years/{year}': ['admin'],
  'PUT /calendar/days/{day}': ['admin'],
  'GET /calendar/changes': ['admin', 'coordinator'],
  'POST /calendar/notices/preview': ['admin'],
  'POST /calendar/notices': ['admin'],
  'GET /inbox': ['signed-in'],
  'GET /inbox/unread-count': ['signed-in'],
  'POST /inbox/{id}/read': ['signed-in'],
  'GET /webhooks': ['admin'],
  'POST /webhooks': ['admin'],
  'POST /webhooks/{id}/disable': ['admin'],
};

const PARAMS: Record<string, string> = { year: '2026', day: '2026-10-01', name: '各区人民政府' };

describe('authorization matrix', () => {
  let api: AppProcess;
  let base: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const port = await freePort();
    // Every route with every caller is more writes a minute than the default budget allows one address.
    const limits = { RATE_LIMIT_WRITE: '100000', RATE_LIMIT_READ: '100000' };
    api = await startApp(
      'api',
      { PORT: String(port), TEMPORAL_TASK_QUEUE: `authz-${randomUUID()}`, ...limits },
      /listening on/,
    );
    base = `http://127.0.0.1:${port}`;
    for (const [role, user] of [
      ['admin', 'admin'],
      ['coordinator', 'coordinator'],
      ['leader', 'leader'],
      ['liaison', 'liaison.市民政局'],
    ]) {
      tokens[role] = await login(base, user);
    }
    const secret = process.env.JWT_SECRET ?? '';
    const sub = (await apiRequest(base).get('/auth/me').set('Authorization', `Bearer ${tokens.admin}`)).body
      .userId as string;
    tokens.expired = sign({ sub, ver: 0, exp: Math.floor(Date.now() / 1000) - 60 }, secret);
    tokens.otherKey = sign({ sub, ver: 0 }, 'another-key-that-is-long-enough-0123456789');
    // Tasks to look at: the seed, imported as the coordinator.
    const seed = readFileSync(
      path.resolve(__dirname, '../../../shared/seed/tianjin-2026-difficult-children-welfare.txt'),
      'utf8',
    );
    const imported = await apiRequest(base)
      .post('/documents')
      .set('Authorization', `Bearer ${tokens.coordinator}`)
      .send({ text: seed });
    expect(imported.status).toBe(201);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('covers every operation in the OpenAPI document, and nothing else', async () => {
    const doc = (await apiRequest(base).get('/docs/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${unprefixed(p)}`),
    );
    expect(operations.filter((op) => !(op in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('hides other agencies’ tasks from a liaison (404, not 403)', async () => {
    const coordinator = (url: string) => apiRequest(base).get(url).set('Authorization', `Bearer ${tokens.coordinator}`);
    type Row = { id: string; agency: string; role: string };
    const tasks = (await coordinator('/tasks').query({ pageSize: 500 })).body.items as Row[];
    // Another agency's own responsibility: a lead's liaison does see its cooperators' tasks (issue 11).
    const responsible = (t: Row) => t.role === 'lead' || t.role === 'shared';
    const other = tasks.find((t) => t.agency !== '市民政局' && responsible(t));
    const own = tasks.find((t) => t.agency === '市民政局');
    expect(other && own).toBeTruthy();
    const asLiaison = (url: string) => apiRequest(base).get(url).set('Authorization', `Bearer ${tokens.liaison}`);
    expect((await asLiaison(`/tasks/${other!.id}`)).status).toBe(404);
    expect((await asLiaison(`/tasks/${own!.id}`)).status).toBe(200);
    const listed = (await asLiaison('/tasks').query({ pageSize: 500 })).body.items as Row[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((t) => t.agency === '市民政局' || !responsible(t))).toBe(true);
  });

  it('ends sessions on logout and on a password change; refresh tokens rotate', async () => {
    const pair = (
      await apiRequest(base)
        .post('/auth/login')
        .send({ username: 'liaison.市教委', password: process.env.DEMO_PASSWORD })
    ).body as {
      accessToken: string;
      refreshToken: string;
    };
    const me = () => apiRequest(base).get('/auth/me').set('Authorization', `Bearer ${pair.accessToken}`);
    expect((await me()).body).toMatchObject({ username: 'liaison.市教委', roles: ['liaison'] });
    const refreshed = await apiRequest(base).post('/auth/refresh').send({ refreshToken: pair.refreshToken });
    expect(refreshed.body).toMatchObject({ user: { username: 'liaison.市教委' } });
    expect((await apiRequest(base).post('/auth/refresh').send({ refreshToken: pair.refreshToken })).status).toBe(401);
    expect(
      (await apiRequest(base).post('/auth/logout').set('Authorization', `Bearer ${pair.accessToken}`)).status,
    ).toBe(204);
    expect((await me()).status).toBe(401);
    const newRefresh = (refreshed.body as { refreshToken: string }).refreshToken;
    expect((await apiRequest(base).post('/auth/refresh').send({ refreshToken: newRefresh })).status).toBe(401);
    const wrong = await apiRequest(base)
      .post('/auth/login')
      .send({ username: 'liaison.市教委', password: 'not-the-password-1' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  // Logout ends the caller's sessions: it goes last.
  const ordered = Object.entries(TABLE).sort(
    ([a], [b]) => Number(a === 'POST /auth/logout') - Number(b === 'POST /auth/logout'),
  );

  it.each(ordered)('%s answers each caller as the table says', async (op, allowed) => {
    const [method, template] = op.split(' ');
    const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(PARAMS[name] ?? randomUUID()));
    const send = (token?: string) => {
      const req = apiRequest(base)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
      if (token) void req.set('Authorization', `Bearer ${token}`);
      return method === 'GET' ? req : req.send({});
    };
    const isPublic = allowed.includes('public');
    for (const bad of [undefined, tokens.expired, tokens.otherKey]) {
      const res = await send(bad);
      if (isPublic) expect(res.status).not.toBe(401);
      else expect({ op, status: res.status }).toEqual({ op, status: 401 });
    }
    for (const role of ALL) {
      const res = await send(tokens[role]);
      const may = isPublic || allowed.includes('signed-in') || allowed.includes(role);
      const seen = { op, role, status: res.status, code: (res.body as { code?: string }).code };
      if (!may) expect(seen).toEqual({ op, role, status: 403, code: 'FORBIDDEN' });
      else expect([401, 403, 500].includes(res.status) ? seen : 'let through').toBe('let through');
    }
  });
});
