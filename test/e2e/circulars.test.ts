import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import type request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { addDays, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { useE2eStack } from '../setup/e2e-stack';
import { smtpSink } from '../setup/smtp-sink';

const text = (tag: string) => `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）健全工作机制。建立联席会议制度。（市民政局、市教委按职责分工负责）
（二）加强资金保障。统筹安排所需经费。（市财政局负责）
`;

interface Circular {
  id: string;
  kind: string;
  period: string;
  asOf: string;
  figures: { total: number; done: { count: number }; overdue: { count: number } } & Record<string, unknown>;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Reads a file answer whole, as bytes. */
const binary = (req: request.Test) =>
  req.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
const monday = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * Issue 12, 情况通报 on a real Temporal dev server (the time-skipping server has no Schedules):
 * three missed weeks backfilled give three circulars, once each, and a past circular regenerated
 * after more work gives the same figures.
 */
describe('情况通报 on Temporal Schedules, end to end', () => {
  // Registered before the stack's own hooks: the worker starts with the SMTP sink's address.
  const env: Record<string, string> = { SMTP_FROM: '督办系统 <duban@example.gov.cn>' };
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    sink = await smtpSink();
    Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  });
  // Also before the stack's hooks, so that it runs while the API is still up (hooks run in order).
  afterAll(async () => {
    await admin?.delete('/notice-templates/circular');
    // The seeded coordinator is shared with other suites: back without an email.
    await coordinator?.patch('/auth/me').send({ email: '' });
    await sink?.close();
  });
  const stack = useE2eStack('circular', env);
  let coordinator: Http;
  let admin: Http;
  let temporal: Client;
  let connection: Connection;
  let documentId: string;
  // Three whole weeks, Monday to Sunday, ending last Sunday: exactly three weekly issue days.
  const to = addDays(monday(shanghaiDay(new Date())), -1);
  const from = addDays(to, -20);

  beforeAll(async () => {
    coordinator = await signedIn(stack.base, 'coordinator');
    admin = await signedIn(stack.base, 'admin');
    expect((await coordinator.patch('/auth/me').send({ email: 'coordinator@example.gov.cn' })).status).toBe(200);
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    temporal = new Client({ connection });
    const imported = await coordinator.post('/documents').send({ text: text(`通报${randomUUID().slice(0, 6)}`) });
    documentId = (imported.body as { id: string }).id;
    const dueDate = addDays(shanghaiDay(new Date()), 20);
    expect((await coordinator.post(`/documents/${documentId}/launch`).send({ dueDate })).status).toBe(202);
    await stack.waitFor('every task issued', async () => {
      const res = await coordinator.get('/tasks').query({ documentId });
      const items = (res.body as { items: { state: string }[] }).items;
      return items.length === 3 && items.every((t) => t.state === 'issued');
    });
    // The bureau's own 红头 template for circulars (the default with a mark of its own).
    const shipped = await binary(admin.get('/notice-templates/circular'));
    expect(shipped.status).toBe(200);
    const zip = new PizZip(shipped.body as Buffer);
    zip.file(
      'word/document.xml',
      (zip.file('word/document.xml')?.asText() ?? '').replace('{issuer}', '本局红头{issuer}'),
    );
    const own = await admin
      .put('/notice-templates/circular')
      .attach('file', zip.generate({ type: 'nodebuffer' }), { filename: '本局情况通报模板.docx', contentType: DOCX });
    expect(own.status).toBe(200);
    // The document ran for the weeks the system "missed": its launch and history are moved back five weeks.
    await stack.db.query(`UPDATE policy_document SET launched_at = launched_at - interval '35 days' WHERE id = $1`, [
      documentId,
    ]);
    await stack.db.query(
      `UPDATE task_event SET occurred_at = occurred_at - interval '35 days'
       WHERE task_id IN (SELECT id FROM task WHERE document_id = $1)`,
      [documentId],
    );
  });
  afterAll(async () => {
    await connection?.close();
  });

  const circulars = async (): Promise<Circular[]> => {
    const res = await coordinator.get('/circulars').query({ documentId, kind: 'weekly', pageSize: 100 });
    expect(res.status).toBe(200);
    return (res.body as { items: Circular[] }).items;
  };
  const completedRuns = async () => {
    let n = 0;
    const query = `WorkflowType = 'circularWorkflow' AND TaskQueue = '${stack.queue}' AND ExecutionStatus = 'Completed'`;
    for await (const run of temporal.workflow.list({ query })) if (run.workflowId) n++;
    return n;
  };

  it('backfills three missed weeks into three circulars, and a second backfill into none more', async () => {
    const res = await admin.post('/circulars/backfill').send({ kind: 'weekly', from, to });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ days: 21 });
    await stack.waitFor('21 scheduled runs', async () => (await completedRuns()) >= 21, 90_000);
    const first = await circulars();
    expect(first).toHaveLength(3);
    // One per week, each as of the day before its week's first working day.
    expect(new Set(first.map((c) => c.period)).size).toBe(3);
    for (const c of first) {
      expect(c.asOf >= addDays(from, -1) && c.asOf < to).toBe(true);
      expect(c.figures).toMatchObject({ total: 3, done: { count: 0 }, overdue: { count: 0 } });
    }

    expect((await admin.post('/circulars/backfill').send({ kind: 'weekly', from, to })).status).toBe(202);
    await stack.waitFor('42 scheduled runs', async () => (await completedRuns()) >= 42, 90_000);
    expect((await circulars()).map((c) => c.id).sort()).toEqual(first.map((c) => c.id).sort());

    // By email too, each with its PDF and the ledger of its day attached.
    await stack.waitFor('three circular emails', async () =>
      Promise.resolve(sink.mails.filter((m) => m.subject.includes('【情况通报】')).length >= 3),
    );
    const mails = sink.mails.filter((m) => m.subject.includes('【情况通报】'));
    expect(mails).toHaveLength(3);
    for (const m of mails) {
      expect(m.to).toBe('coordinator@example.gov.cn');
      expect(m.attachments.map((a) => a.contentType).sort()).toEqual([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      expect(m.attachments.find((a) => a.contentType === 'application/pdf')?.filename).toContain('情况通报');
    }
    // Each reached the document's coordinator once, through the inbox.
    const inbox = (await coordinator.get('/inbox').query({ pageSize: 200 })).body as { items: { message: string }[] };
    const told = inbox.items.filter((i) => i.message.startsWith('【情况通报】') && i.message.includes('通报'));
    expect(told.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps each circular as .pdf and .docx saying the same, with the ledger of its day attached', async () => {
    const [latest] = await circulars();
    const detail = (await coordinator.get(`/circulars/${latest.id}`)).body as {
      files: { format: string; name: string; sha256: string }[];
    };
    expect(detail.files.map((f) => f.format)).toEqual(['docx', 'pdf', 'xlsx']);
    const download = async (format: string) => {
      const res = await binary(coordinator.get(`/circulars/${latest.id}/files/${format}`));
      expect(res.status).toBe(200);
      const bytes = res.body as Buffer;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(
        detail.files.find((f) => f.format === format)?.sha256,
      );
      return { bytes, disposition: String(res.headers['content-disposition']) };
    };
    const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

    const pdf = await download('pdf');
    expect(pdf.disposition).toContain("filename*=UTF-8''");
    const dir = path.resolve(__dirname, '../../.data/artifacts');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'circular.pdf');
    writeFileSync(file, pdf.bytes);
    const words = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(words).toContain('落实情况的通报');
    expect(words).toContain('一、总体情况');
    expect(words).toContain(`截至${day(latest.asOf)}`);
    expect(words).toContain('共分解任务3项');
    expect(words).toContain('五、各单位完成情况');
    for (const agency of ['市民政局', '市教委', '市财政局']) expect(words).toContain(agency);
    // Page 1 as a picture, kept for the README.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(dir, 'circular-page1'),
    ]);

    const docx = new PizZip((await download('docx')).bytes);
    const xml = (docx.file('word/document.xml')?.asText() ?? '').replace(/<[^>]+>/g, '');
    expect(xml).toContain('本局红头');
    expect(xml).toContain('一、总体情况');
    expect(xml).toContain('共分解任务 3 项');
    expect(xml).toContain(`截至${day(latest.asOf)}`);

    const ledger = await download('xlsx');
    expect(ledger.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(ledger.disposition)).toContain(`截至${day(latest.asOf)}`);
    expect((await coordinator.get(`/circulars/${latest.id}/files/doc`)).status).toBe(400);
  });

  it('regenerates a past circular with the same figures, before and after more work', async () => {
    const [latest] = await circulars();
    const again = async () => {
      const res = await coordinator
        .get(`/documents/${documentId}/circular`)
        .query({ kind: 'weekly', asOf: latest.asOf });
      expect(res.status).toBe(200);
      return res.body as { figures: Circular['figures'] };
    };
    expect((await again()).figures).toEqual(latest.figures);

    // Work done today changes today's figures, not those of a past day.
    const tasks = (await coordinator.get('/tasks').query({ documentId })).body as {
      items: { id: string; agency: string }[];
    };
    const finance = tasks.items.find((t) => t.agency === '市财政局')!;
    const liaison = await signedIn(stack.base, 'liaison.市财政局');
    expect((await liaison.post(`/tasks/${finance.id}/acknowledge`).send({})).status).toBe(201);
    expect((await liaison.post(`/tasks/${finance.id}/submit`).send({ evidence: '已拨付' })).status).toBe(201);
    expect((await coordinator.post(`/tasks/${finance.id}/review`).send({ decision: 'accept' })).status).toBe(201);
    const after = await again();
    expect(after.figures).toEqual(latest.figures);
    expect(after.figures.done.count).toBe(0);
  });

  it('refuses what cannot be a circular, with a code', async () => {
    const today = shanghaiDay(new Date());
    const open = await coordinator.get(`/documents/${documentId}/circular`).query({ kind: 'weekly', asOf: today });
    expect([open.status, open.body.code]).toEqual([422, 'AS_OF_NOT_CLOSED']);
    const bad = await coordinator
      .get(`/documents/${documentId}/circular`)
      .query({ kind: 'weekly', asOf: '2026-02-30' });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_DATE']);
    for (const body of [
      { kind: 'weekly', from: to, to: from },
      { kind: 'weekly', from, to: today },
      { kind: 'monthly', from: '2026-01-01', to: addDays('2026-01-01', 100) },
    ]) {
      const res = await admin.post('/circulars/backfill').send(body);
      expect([res.status, res.body.code]).toEqual([400, 'BACKFILL_RANGE_INVALID']);
    }
    // A circular template must say what a circular says.
    const template = await binary(admin.get('/notice-templates/circular'));
    const blank = new PizZip(template.body as Buffer);
    blank.file(
      'word/document.xml',
      (blank.file('word/document.xml')?.asText() ?? '').replace('{title}', '标题').replace('{summary}', '概述'),
    );
    const refused = await admin
      .put('/notice-templates/circular')
      .attach('file', blank.generate({ type: 'nodebuffer' }), { filename: '空模板.docx', contentType: DOCX });
    expect([refused.status, refused.body.code]).toEqual([422, 'INVALID_NOTICE_TEMPLATE']);
    expect(refused.body.message).toContain('{title}');
    // Before any document ran, a backfill has nothing to run.
    expect(
      (await admin.post('/circulars/backfill').send({ kind: 'monthly', from: '2020-01-01', to: '2020-01-31' })).body,
    ).toEqual({
      days: 0,
    });
    expect((await coordinator.get(`/circulars/${randomUUID()}`)).status).toBe(404);
    expect((await coordinator.post('/circulars/backfill').send({ kind: 'weekly', from, to })).status).toBe(403);
  });
});
