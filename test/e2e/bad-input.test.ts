import type request from 'supertest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { apiRequest, type Http, signedIn, unprefixed } from '../setup/http';
import { holdingSharedCalendar } from '../setup/shared-calendar';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const seed = readFileSync(
  path.resolve(__dirname, '../../../shared/seed/tianjin-2026-difficult-children-welfare.txt'),
  'utf8',
);

/** Every bad request gets a 4xx with a code and a message, and leaves the database as it was. */
describe('bad input over HTTP', () => {
  let api: AppProcess;
  let http: Http;
  let admin: Http;
  let liaison: Http;
  let base: string;
  let db: Client;
  let documentId: string;

  const counts = async () =>
    (
      await db.query(`SELECT (SELECT count(*) FROM policy_document)::int AS documents,
                             (SELECT count(*) FROM task)::int AS tasks,
                             (SELECT count(*) FROM task_event)::int AS events,
                             (SELECT count(*) FROM agency)::int AS agencies,
                             (SELECT count(*) FROM policy_document WHERE status = 'launched')::int AS launched,
                             (SELECT count(*) FROM calendar_year)::int AS calendar_years,
                             (SELECT count(*) FROM calendar_change)::int AS calendar_changes`)
    ).rows[0] as Record<string, number>;

  beforeAll(async () => {
    const port = await freePort();
    api = await startApp('api', { PORT: String(port), TEMPORAL_TASK_QUEUE: `bad-${randomUUID()}` }, /listening on/);
    base = `http://127.0.0.1:${port}`;
    [http, admin, liaison] = await Promise.all([
      signedIn(base, 'coordinator'),
      signedIn(base, 'admin'),
      signedIn(base, 'liaison.市民政局'),
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const res = await http.post('/documents').send({ text: seed });
    documentId = (res.body as { id: string }).id;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.end();
  });

  // A date the calendar covers (provisionally at least), so only the measure is wrong.
  const nextYear = `${new Date().getUTCFullYear() + 1}-03-31`;
  const cases: [string, number, string, () => request.Test][] = [
    ['empty text', 400, 'EMPTY_DOCUMENT', () => http.post('/documents').send({ text: '  \n ' })],
    ['text missing', 400, 'VALIDATION_FAILED', () => http.post('/documents').send({})],
    ['text not a string', 400, 'VALIDATION_FAILED', () => http.post('/documents').send({ text: 42 })],
    ['unknown property', 400, 'VALIDATION_FAILED', () => http.post('/documents').send({ text: seed, owner: 'x' })],
    ['binary content', 400, 'NOT_TEXT', () => http.post('/documents').send({ text: 'a\u0000b（一）测试。' })],
    [
      'no numbered measures',
      422,
      'NO_MEASURES',
      () => http.post('/documents').send({ text: '这是一段没有编号条目的文字。' }),
    ],
    [
      'body over the limit',
      413,
      'PAYLOAD_TOO_LARGE',
      () => http.post('/documents').send({ text: '字'.repeat(3_000_000) }),
    ],
    [
      'malformed JSON',
      400,
      'BAD_REQUEST',
      () => http.post('/documents').set('content-type', 'application/json').send('{"text": '),
    ],
    [
      'impossible due date',
      400,
      'INVALID_DATE',
      () => http.post(`/documents/${documentId}/launch`).send({ dueDate: '2027-02-30' }),
    ],
    [
      'due date not a string',
      400,
      'VALIDATION_FAILED',
      () => http.post(`/documents/${documentId}/launch`).send({ dueDate: 20270101 }),
    ],
    [
      'due date in the past',
      422,
      'DUE_DATE_IN_PAST',
      () => http.post(`/documents/${documentId}/launch`).send({ dueDate: '2020-01-01' }),
    ],
    [
      'reminder days out of range',
      400,
      'VALIDATION_FAILED',
      () => http.post(`/documents/${documentId}/launch`).send({ dueDate: '2099-01-01', reminderDaysBefore: 0 }),
    ],
    [
      'launch of a measure of another document',
      422,
      'MEASURE_NOT_IN_DOCUMENT',
      () =>
        http
          .post(`/documents/${documentId}/launch`)
          .send({ dueDate: nextYear, measures: [{ measureId: randomUUID(), dueDate: nextYear }] }),
    ],
    [
      'per-measure date with a measure id that is not a UUID',
      400,
      'VALIDATION_FAILED',
      () =>
        http.post(`/documents/${documentId}/launch`).send({ measures: [{ measureId: '42', dueDate: '2099-01-01' }] }),
    ],
    [
      'per-measure dates that are not objects',
      400,
      'VALIDATION_FAILED',
      () => http.post(`/documents/${documentId}/launch/preview`).send({ measures: [null, 'x'] }),
    ],
    [
      'preview with an impossible date',
      400,
      'INVALID_DATE',
      () => http.post(`/documents/${documentId}/launch/preview`).send({ dueDate: '2027-02-30' }),
    ],
    [
      'preview of an unknown document',
      404,
      'DOCUMENT_NOT_FOUND',
      () => http.post(`/documents/${randomUUID()}/launch/preview`).send({ dueDate: '2099-01-01' }),
    ],
    [
      'launch of an unknown document',
      404,
      'DOCUMENT_NOT_FOUND',
      () => http.post(`/documents/${randomUUID()}/launch`).send({ dueDate: '2099-01-01' }),
    ],
    ['document id not a UUID', 400, 'VALIDATION_FAILED', () => http.get('/documents/42/status')],
    [
      'ledger as of an impossible day',
      400,
      'INVALID_DATE',
      () => http.get(`/documents/${documentId}/ledger`).query({ asOf: '2026-02-30' }),
    ],
    [
      'ledger as of a day to come',
      422,
      'AS_OF_IN_FUTURE',
      () => http.get(`/documents/${documentId}/ledger`).query({ asOf: '2099-01-01' }),
    ],
    [
      'ledger in a format it has not',
      400,
      'VALIDATION_FAILED',
      () => http.get(`/documents/${documentId}/ledger`).query({ format: 'docx' }),
    ],
    [
      'ledger with a light that is no colour',
      400,
      'VALIDATION_FAILED',
      () => http.get(`/documents/${documentId}/ledger`).query({ colour: 'blue', role: 'boss', state: 'done' }),
    ],
    [
      'ledger with paging it has not, and overdue not a boolean',
      400,
      'VALIDATION_FAILED',
      () => http.get(`/documents/${documentId}/ledger`).query({ page: '2', overdue: 'maybe' }),
    ],
    [
      'ledger filtered by an agency id that is not a UUID',
      400,
      'VALIDATION_FAILED',
      () => liaison.get(`/documents/${documentId}/ledger`).query({ agencyId: '42' }),
    ],
    ['ledger of an unknown document', 404, 'DOCUMENT_NOT_FOUND', () => http.get(`/documents/${randomUUID()}/ledger`)],
    ['ledger of a document id not a UUID', 400, 'VALIDATION_FAILED', () => http.get('/documents/42/ledger')],
    ['unknown document', 404, 'DOCUMENT_NOT_FOUND', () => http.get(`/documents/${randomUUID()}`)],
    ['unknown task', 404, 'TASK_NOT_FOUND', () => http.get(`/tasks/${randomUUID()}`)],
    [
      'action on an unknown task',
      404,
      'TASK_NOT_FOUND',
      () => liaison.post(`/tasks/${randomUUID()}/acknowledge`).send({}),
    ],
    [
      'review with a bad decision',
      400,
      'VALIDATION_FAILED',
      () => http.post(`/tasks/${randomUUID()}/review`).send({ decision: 'maybe' }),
    ],
    ['page beyond the last safe offset', 400, 'VALIDATION_FAILED', () => http.get('/tasks').query({ page: '1e20' })],
    ['bad task filter', 400, 'VALIDATION_FAILED', () => http.get('/tasks').query({ state: 'done', pageSize: 9999 })],
    ['unknown route', 404, 'NOT_FOUND', () => http.get('/nowhere')],
    [
      'notification filter with a bad audience',
      400,
      'VALIDATION_FAILED',
      () => http.get('/notifications').query({ audience: 'mayor' }),
    ],
    [
      'due date in an uncovered year',
      422,
      'CALENDAR_NOT_COVERED',
      () => http.post(`/documents/${documentId}/launch`).send({ dueDate: '2150-06-30' }),
    ],
    [
      'both dueDate and dueInWorkingDays',
      400,
      'DUE_REQUIRED',
      () => http.post(`/documents/${documentId}/launch`).send({ dueDate: '2099-01-01', dueInWorkingDays: 20 }),
    ],
    [
      'neither dueDate nor dueInWorkingDays',
      400,
      'DUE_REQUIRED',
      () => http.post(`/documents/${documentId}/launch`).send({}),
    ],
    [
      'ladder out of order',
      400,
      'INVALID_LADDER',
      () =>
        http.post(`/documents/${documentId}/launch`).send({
          dueInWorkingDays: 20,
          ladder: [
            { key: 'b', label: '催办', offset: 3, audience: ['liaison'], colour: 'red', template: 't' },
            { key: 'a', label: '提醒', offset: -5, audience: ['liaison'], colour: 'yellow', template: 't' },
          ],
        }),
    ],
    [
      'ladder rung with an unknown audience',
      400,
      'VALIDATION_FAILED',
      () =>
        http.post(`/documents/${documentId}/launch`).send({
          dueInWorkingDays: 20,
          ladder: [{ key: 'a', label: 'x', offset: 0, audience: ['mayor'], colour: 'red', template: 't' }],
        }),
    ],
    [
      'extension request without a reason',
      400,
      'VALIDATION_FAILED',
      () => liaison.post(`/tasks/${randomUUID()}/extension-request`).send({ proposedDate: '2099-01-01' }),
    ],
    [
      'extension on an unknown task',
      404,
      'TASK_NOT_FOUND',
      () => liaison.post(`/tasks/${randomUUID()}/extension-request`).send({ reason: 'r', proposedDate: '2099-01-01' }),
    ],
    ['pause without a reason', 400, 'VALIDATION_FAILED', () => http.post(`/tasks/${randomUUID()}/pause`).send({})],
    ['calendar year not a number', 400, 'INVALID_DATE', () => http.get('/calendar/years/abc')],
    // Found by the fuzzer: PostgreSQL refuses a NUL in text, which answered 500.
    ['registry search with a NUL', 400, 'VALIDATION_FAILED', () => http.get('/agencies').query({ q: '民政\u0000局' })],
    ['task list filter with a NUL', 400, 'VALIDATION_FAILED', () => http.get('/tasks').query({ agencyId: '\u0000' })],
    [
      'agency alias with a NUL',
      400,
      'VALIDATION_FAILED',
      () => admin.patch(`/agencies/${randomUUID()}`).send({ addAliases: ['民政\u0000'] }),
    ],
    ['calendar year not maintained', 404, 'YEAR_NOT_FOUND', () => http.get('/calendar/years/2150')],
    [
      'calendar day malformed',
      400,
      'INVALID_DATE',
      () => admin.put('/calendar/days/2026-02-30').send({ kind: 'holiday', reason: 'r' }),
    ],
    [
      'calendar year without holidays',
      422,
      'INVALID_CALENDAR',
      () => admin.put('/calendar/years/2150').send({ holidays: [], workdays: [], reason: 'r' }),
    ],
    [
      'calendar change without a reason',
      400,
      'VALIDATION_FAILED',
      () => admin.put('/calendar/years/2150').send({ holidays: [{ day: '2150-01-01' }], workdays: [] }),
    ],
    [
      'holiday notice that is not one',
      422,
      'INVALID_NOTICE',
      () => admin.post('/calendar/notices').send({ text: '关于印发某某实施方案的通知\n一、总体要求' }),
    ],
    [
      'holiday notice whose weekdays do not fit its year',
      422,
      'INVALID_NOTICE',
      () =>
        admin
          .post('/calendar/notices')
          .send({ text: '国务院办公厅关于2030年部分节假日安排的通知\n一、元旦：1月1日（周四）放假1天。' }),
    ],
    [
      'a NUL character, which PostgreSQL cannot store',
      400,
      'VALIDATION_FAILED',
      () => liaison.post(`/tasks/${randomUUID()}/progress`).send({ note: '已完成\u0000' }),
    ],
    ['holiday notice without text', 400, 'VALIDATION_FAILED', () => admin.post('/calendar/notices').send({ text: '' })],
  ];

  it('previews the real 2026 holiday notice as the packaged 2026 calendar, storing nothing', async () => {
    const before = await counts();
    const text = readFileSync(path.resolve(__dirname, '../fixtures/holiday-notices/2026.txt'), 'utf8');
    const res = await holdingSharedCalendar(() => admin.post('/calendar/notices/preview').send({ text }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, problems: [], current: 'stored', changedDays: [] });
    expect(res.body.holidays).toContainEqual({ day: '2026-02-15', name: '春节' });
    expect(await counts()).toEqual(before);
  });

  it.each(cases)('%s → %i %s, nothing stored', async (_name, status, code, send) => {
    const before = await counts();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code });
    expect(typeof (res.body as { message: unknown }).message).toBe('string');
    expect(await counts()).toEqual(before);
  });

  it('refuses an action on a task whose document is not launched', async () => {
    const task = await db.query(
      `SELECT t.id FROM task t JOIN agency a ON a.id = t.agency_id WHERE t.document_id = $1 AND a.name = '市民政局' LIMIT 1`,
      [documentId],
    );
    const res = await liaison.post(`/tasks/${(task.rows[0] as { id: string }).id}/acknowledge`).send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_LAUNCHED');
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await apiRequest(base).get('/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(
      Object.keys(res.body.paths as object)
        .map(unprefixed)
        .sort(),
    ).toEqual(
      [
        '/agencies',
        '/auth/login',
        '/auth/logout',
        '/auth/me',
        '/auth/me/deputy',
        '/auth/password',
        '/auth/refresh',
        '/agencies/{id}',
        '/agency-groups',
        '/agency-groups/{name}',
        '/calendar/changes',
        '/calendar/days/{day}',
        '/calendar/notices',
        '/calendar/notices/preview',
        '/calendar/years',
        '/calendar/years/{year}',
        '/documents',
        '/documents/{id}',
        '/documents/{id}/audit',
        '/documents/{id}/ledger',
        '/documents/{id}/circular',
        '/circulars',
        '/circulars/{id}',
        '/circulars/{id}/files/{format}',
        '/circulars/backfill',
        '/documents/{id}/launch',
        '/documents/{id}/launch/preview',
        '/documents/{id}/notices',
        '/documents/{id}/notices/{noticeId}',
        '/documents/{id}/status',
        '/documents/{id}/withdraw',
        '/documents/{id}/acknowledge',
        '/documents/{id}/progress',
        '/health',
        '/inbox',
        '/inbox/unread-count',
        '/inbox/{id}/read',
        '/inbox/{id}/notices',
        '/measures/{id}/withdraw',
        '/notice-templates/{kind}',
        '/imports',
        '/imports/text',
        '/imports/{id}',
        '/imports/{id}/confirm',
        '/imports/{id}/corrections',
        '/notifications',
        '/notifications/undeliverable',
        '/ready',
        '/tasks',
        '/tasks/{id}',
        '/tasks/{id}/acknowledge',
        '/tasks/{id}/attachments',
        '/tasks/{id}/attachments/{attachmentId}',
        '/tasks/{id}/audit',
        '/tasks/{id}/extension-decision',
        '/tasks/{id}/extension-request',
        '/tasks/{id}/instructions',
        '/tasks/{id}/notices',
        '/tasks/{id}/pause',
        '/tasks/{id}/progress',
        '/tasks/{id}/reassign',
        '/tasks/{id}/resume',
        '/tasks/{id}/return-input',
        '/tasks/{id}/review',
        '/tasks/{id}/submit',
        '/tasks/{id}/supervision-read',
        '/users',
        '/users/{id}',
        '/webhooks',
        '/webhooks/{id}/disable',
      ].sort(),
    );
    expect((await apiRequest(base).get('/docs')).status).toBe(200);
  });

  it('pages and sorts the task list', async () => {
    const page1 = await http.get('/tasks').query({ documentId, pageSize: 50, page: 1 });
    const page9 = await http.get('/tasks').query({ documentId, pageSize: 50, page: 9 });
    expect(page1.body.total).toBe(443);
    expect(page1.body.items).toHaveLength(50);
    expect(page9.body.items).toHaveLength(43);
    expect(page1.body.items[0].measureNumber).toBe('（一）');
  });
});
