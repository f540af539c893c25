import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type request from 'supertest';
import { addDays, shanghaiDay } from '../../libs/clock';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { type Http, signedIn } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const TEXT = `天津市民政局关于开展佐证材料测试工作的通知

各区人民政府，市政府各委、办、局：

为检验督办系统佐证材料，提出如下工作要求。

（一）开展佐证材料测试。按要求完成各项测试工作并报送结果。（市民政局负责）

（二）完善测试台账。建立健全测试台账并抓好落实。（市教委负责）
`;

const PDF = Buffer.from('%PDF-1.7\n% 佐证材料测试\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');
const OTHER_PDF = Buffer.concat([PDF, Buffer.from('% 第二份\n')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
// A valid resident ID number (GB 11643 check character) and a mobile number: neither may be stored.
const RESIDENT_ID = '12010120150101003X';
const MOBILE = '13812345678';

interface Attachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}

/** The real worker and API as processes: evidence uploaded, attached, downloaded and refused. */
describe('evidence attachments, end to end', () => {
  const env = { TEMPORAL_TASK_QUEUE: `evidence-${randomUUID()}`, PORT: '0' };
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let db: Client;
  let coordinator: Http;
  let leader: Http;
  let mca: Http;
  let edu: Http;
  let mcaTask = '';
  let eduTask = '';

  const upload = (who: Http, taskId: string, bytes: Buffer, filename: string) =>
    who.post(`/tasks/${taskId}/attachments`).attach('file', bytes, { filename, contentType: 'application/pdf' });
  const expectError = (res: request.Response, status: number, code: string) =>
    expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status, code });

  beforeAll(async () => {
    env.PORT = String(await freePort());
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    [worker, api] = await Promise.all([
      startApp('worker', env, /duban worker started/),
      startApp('api', env, /listening on/),
    ]);
    base = `http://127.0.0.1:${env.PORT}`;
    const admin = await signedIn(base, 'admin');
    [coordinator, leader, mca, edu] = await Promise.all(
      ['coordinator', 'leader', 'liaison.市民政局', 'liaison.市教委'].map((u) => signedIn(base, u)),
    );
    // Rungs after the due date reach into the next year: maintain it as an admin would.
    const last = new Date().getUTCFullYear() + 1;
    const data = prcCalendarWithShiftedYears(last - 2026);
    for (let year = 2027; year <= last; year++) {
      const inYear = (days: string[]) => days.filter((d) => d.startsWith(String(year))).map((day) => ({ day }));
      const res = await admin
        .put(`/calendar/years/${year}`)
        .send({ holidays: inYear(data.holidays), workdays: inYear(data.workdays), reason: '测试：按2026年规律暂定' });
      expect(res.status).toBe(200);
    }
    const doc = await coordinator.post('/documents').send({ text: TEXT });
    expect(doc.status).toBe(201);
    const documentId = (doc.body as { id: string }).id;
    const launch = await coordinator
      .post(`/documents/${documentId}/launch`)
      .send({ dueDate: addDays(shanghaiDay(new Date()), 30) });
    expect(launch.status).toBe(202);
    const deadline = Date.now() + 60_000;
    while (!mcaTask || !eduTask) {
      const items = (await coordinator.get('/tasks').query({ documentId, state: 'issued' })).body.items as {
        id: string;
        agency: string;
      }[];
      mcaTask = items.find((t) => t.agency === '市民政局')?.id ?? '';
      eduTask = items.find((t) => t.agency === '市教委')?.id ?? '';
      if (Date.now() > deadline) throw new Error('the tasks were never issued');
      if (!mcaTask || !eduTask) await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    if (process.env.E2E_DEBUG) console.log(api?.output(), worker?.output());
    await db?.end();
  });

  it('stores each content once, attaches it to a submission and lets whoever sees the task download it', async () => {
    const first = await upload(mca, mcaTask, PDF, '2026年佐证材料（定稿）.pdf');
    expect(first.status).toBe(201);
    const a = first.body as Attachment;
    expect(a).toMatchObject({
      name: '2026年佐证材料（定稿）.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
      sha256: sha256(PDF),
    });
    // The same file again: the same attachment. Under another name: a second attachment, one content.
    expect(((await upload(mca, mcaTask, PDF, '2026年佐证材料（定稿）.pdf')).body as Attachment).id).toBe(a.id);
    const copy = (await upload(mca, mcaTask, PDF, '副本.pdf')).body as Attachment;
    expect(copy.id).not.toBe(a.id);
    expect(copy.sha256).toBe(a.sha256);
    const stored = await db.query('SELECT count(*)::int AS n FROM evidence_blob WHERE sha256 = $1', [a.sha256]);
    expect(stored.rows[0].n).toBe(1);
    const audited = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'attachment.upload' AND task_id = $1`,
      [mcaTask],
    );
    expect(audited.rows[0].n).toBe(3);
    const second = (await upload(mca, mcaTask, OTHER_PDF, '台账.pdf')).body as Attachment;

    const listed = await leader.get(`/tasks/${mcaTask}/attachments`);
    expect(listed.status).toBe(200);
    expect((listed.body.items as Attachment[]).map((x) => x.id)).toEqual([a.id, copy.id, second.id]);

    expect((await mca.post(`/tasks/${mcaTask}/acknowledge`).send({})).status).toBe(201);
    const progress = await mca
      .post(`/tasks/${mcaTask}/progress`)
      .send({ note: '已形成初稿', attachmentIds: [second.id] });
    expect(progress.status).toBe(201);
    const submit = await mca
      .post(`/tasks/${mcaTask}/submit`)
      .send({ evidence: '已印发方案，见附件', attachmentIds: [a.id, second.id] });
    expect(submit.status).toBe(201);
    const detail = (await coordinator.get(`/tasks/${mcaTask}`)).body as {
      history: { type: string; detail: { attachments?: unknown } }[];
    };
    expect(detail.history.find((e) => e.type === 'progress')?.detail.attachments).toEqual([
      { id: second.id, name: '台账.pdf', sha256: sha256(OTHER_PDF) },
    ]);
    expect(detail.history.find((e) => e.type === 'submit')?.detail.attachments).toEqual([
      { id: a.id, name: a.name, sha256: a.sha256 },
      { id: second.id, name: '台账.pdf', sha256: second.sha256 },
    ]);

    // Anyone who may see the task downloads it, the Chinese name intact.
    const got = await leader
      .get(`/tasks/${mcaTask}/attachments/${a.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(a.name)}`);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    expect((await mca.get(`/tasks/${mcaTask}/attachments/${a.id}`)).status).toBe(200);

    // Another agency's liaison sees neither the task nor its files, and cannot add to them.
    expectError(await edu.get(`/tasks/${mcaTask}/attachments`), 404, 'TASK_NOT_FOUND');
    expectError(await edu.get(`/tasks/${mcaTask}/attachments/${a.id}`), 404, 'TASK_NOT_FOUND');
    expectError(await upload(edu, mcaTask, PDF, '越权.pdf'), 404, 'TASK_NOT_FOUND');
    // An attachment asked for under the wrong task is not found either.
    expectError(await coordinator.get(`/tasks/${eduTask}/attachments/${a.id}`), 404, 'ATTACHMENT_NOT_FOUND');

    expect((await coordinator.post(`/tasks/${mcaTask}/review`).send({ decision: 'accept' })).status).toBe(201);
    expectError(await upload(mca, mcaTask, OTHER_PDF, '迟到.pdf'), 409, 'TASK_FINAL');
  });

  it('describes the upload and the download in the OpenAPI document', async () => {
    const doc = (await coordinator.get('/docs/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    const upload = doc.paths['/api/tasks/{id}/attachments'].post;
    expect(upload.requestBody).toMatchObject({
      content: {
        'multipart/form-data': { schema: { required: ['file'], properties: { file: { format: 'binary' } } } },
      },
    });
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '413', '415', '422']));
    const download = doc.paths['/api/tasks/{id}/attachments/{attachmentId}'].get.responses['200'] as {
      content: Record<string, unknown>;
      headers: Record<string, unknown>;
    };
    expect(Object.keys(download.content)).toEqual(expect.arrayContaining(['application/pdf', 'application/ofd']));
    expect(download.headers['Content-Disposition']).toBeDefined();
  });

  it('refuses attachments of another task, or none, with a code', async () => {
    expect((await edu.post(`/tasks/${eduTask}/acknowledge`).send({})).status).toBe(201);
    const mine = (await upload(edu, eduTask, OTHER_PDF, '台账.pdf')).body as Attachment;
    const ofOther = (await coordinator.get(`/tasks/${mcaTask}/attachments`)).body.items as Attachment[];
    for (const ids of [[ofOther[0].id], [mine.id, randomUUID()]]) {
      const res = await edu.post(`/tasks/${eduTask}/progress`).send({ note: '进展', attachmentIds: ids });
      expectError(res, 422, 'ATTACHMENT_NOT_OF_TASK');
    }
    expectError(
      await edu.post(`/tasks/${eduTask}/progress`).send({ note: '进展', attachmentIds: ['not-a-uuid'] }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses files by size, type, name and shape of the upload', async () => {
    const t = `/tasks/${eduTask}/attachments`;
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expectError(await upload(edu, eduTask, big, '太大.pdf'), 413, 'FILE_TOO_LARGE');
    expectError(await upload(edu, eduTask, Buffer.from('MZ\x90\x00'), '程序.exe'), 415, 'UNSUPPORTED_FILE_TYPE');
    expectError(await upload(edu, eduTask, Buffer.from('<html></html>'), '网页.pdf'), 415, 'UNSUPPORTED_FILE_TYPE');
    expectError(await upload(edu, eduTask, Buffer.alloc(0), '空.pdf'), 400, 'EMPTY_FILE');
    expectError(await upload(edu, eduTask, PDF, `${'长'.repeat(300)}.pdf`), 400, 'INVALID_FILE_NAME');
    // A control character in the header itself is refused by the parser; encoded (RFC 5987), by the name rule.
    expectError(await upload(edu, eduTask, PDF, 'a\u0001b.pdf'), 400, 'MALFORMED_UPLOAD');
    for (const encoded of ['a%00b.pdf', 'a%0Ab.pdf']) {
      const raw = Buffer.concat([
        Buffer.from(`--x\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encoded}\r\n\r\n`),
        PDF,
        Buffer.from('\r\n--x--\r\n'),
      ]);
      const res = await edu.post(t).set('Content-Type', 'multipart/form-data; boundary=x').send(raw);
      expectError(res, 400, 'INVALID_FILE_NAME');
    }
    expectError(await edu.post(t).send({ file: 'x' }), 400, 'FILE_REQUIRED');
    expectError(await edu.post(t).field('note', 'x').attach('file', PDF, 'a.pdf'), 400, 'MALFORMED_UPLOAD');
    expectError(await edu.post(t).attach('document', PDF, 'a.pdf'), 400, 'MALFORMED_UPLOAD');
    expectError(await edu.post(t).attach('file', PDF, 'a.pdf').attach('file', PDF, 'b.pdf'), 400, 'MALFORMED_UPLOAD');
    expectError(
      await edu.post(t).set('Content-Type', 'multipart/form-data; boundary=x').send('--x\r\nContent-Disp'),
      400,
      'MALFORMED_UPLOAD',
    );
    expectError(await edu.post(t).set('Content-Type', 'multipart/form-data').send('--x--'), 400, 'MALFORMED_UPLOAD');
  });

  it('refuses personal data in file names and in every free text, never repeating it', async () => {
    const byName = await upload(edu, eduTask, PDF, `学生${RESIDENT_ID}.pdf`);
    expectError(byName, 422, 'PERSONAL_DATA');
    expect(byName.body.message).toMatch(/文件名.*居民身份证号码/);
    const cases: [Http, string, object, RegExp][] = [
      [edu, 'progress', { note: `家长电话 ${MOBILE}` }, /进展情况.*手机号码/],
      [edu, 'progress', { note: '进展', actor: `张三 ${MOBILE}` }, /操作人.*手机号码/],
      [edu, 'submit', { evidence: `已核实 ${RESIDENT_ID}` }, /佐证材料说明.*居民身份证号码/],
      [edu, 'extension-request', { reason: `联系 ${MOBILE}`, proposedDate: '2099-01-01' }, /理由.*手机号码/],
      [coordinator, 'pause', { reason: `儿童 ${RESIDENT_ID}` }, /理由.*居民身份证号码/],
      [leader, 'instructions', { text: `请联系 ${MOBILE}` }, /批示内容.*手机号码/],
    ];
    for (const [who, action, body, message] of cases) {
      const res = await who.post(`/tasks/${eduTask}/${action}`).send(body);
      expect({ action, status: res.status, code: res.body.code }).toEqual({
        action,
        status: 422,
        code: 'PERSONAL_DATA',
      });
      expect(res.body.message).toMatch(message);
      expect(JSON.stringify(res.body)).not.toContain(MOBILE);
      expect(JSON.stringify(res.body)).not.toContain(RESIDENT_ID);
    }
    const leaked = await db.query(
      `SELECT (SELECT count(*) FROM audit_log WHERE after::text LIKE $1 OR after::text LIKE $2)::int AS audit,
              (SELECT count(*) FROM task_event WHERE detail::text LIKE $1 OR detail::text LIKE $2)::int AS events,
              (SELECT count(*) FROM attachment WHERE name LIKE $2)::int AS names`,
      [`%${MOBILE}%`, `%${RESIDENT_ID}%`],
    );
    expect(leaked.rows[0]).toEqual({ audit: 0, events: 0, names: 0 });
    const refused = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE task_id = $1 AND after->>'code' = 'PERSONAL_DATA'`,
      [eduTask],
    );
    expect(refused.rows[0].n).toBe(cases.length);
  });
});
