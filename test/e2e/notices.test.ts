import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import type request from 'supertest';
import { addDays, DEFAULT_LADDER, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { useE2eStack } from '../setup/e2e-stack';
import { smtpSink } from '../setup/smtp-sink';

const text = (tag: string) => `天津市民政局关于开展${tag}工作的通知

各区人民政府，市政府各委、办、局：

为做好通知单测试，提出如下工作要求。

（一）开展通知测试。按要求完成各项测试工作并报送结果。（市民政局负责）

（二）完善通知制度。建立健全通知制度并抓好落实。（市教委负责）

（三）加强通知协同。做好通知保障工作。（市民政局牵头，市公安局配合）
`;

interface Notice {
  id: string;
  kind: 'supervision' | 'urge';
  title: string;
  number: string;
  agency: string;
  agencyId: string;
  day: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ARTIFACTS = path.resolve(__dirname, '../../.data/artifacts');
const binary = (t: request.Test) =>
  t.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
/** The text of a .docx's document.xml, tags stripped. */
const docxText = (bytes: Buffer) =>
  new PizZip(bytes)
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');
const pdfText = (bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'notice-')), 'notice.pdf');
  writeFileSync(file, bytes);
  return { file, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
};
/** Page 1 as PNG at 60 dpi, kept in .data/artifacts/ (a test artifact, shown in the README). */
const keepFirstPage = (pdfFile: string, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfFile,
    path.join(ARTIFACTS, name),
  ]);
  return path.join(ARTIFACTS, `${name}.png`);
};
const fileName = (res: request.Response) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']))?.[1] ?? '');
const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Issue 12: numbered 督办通知单 and 催办通知书, as Word and PDF, on the real API, worker and PostgreSQL. */
describe('notices: 督办通知单 and 催办通知书', () => {
  // Digests gather for 2 s, so the 催办 digest reaches the liaison's inbox (and mailbox) at once.
  const env: Record<string, string> = { DIGEST_WINDOW_SECONDS: '2', SMTP_FROM: '督办系统 <duban@example.gov.cn>' };
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    sink = await smtpSink();
    Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  });
  afterAll(async () => {
    await sink?.close();
  });
  const stack = useE2eStack('notices', env);
  let coordinator: Http;
  let admin: Http;
  let moe: Http;
  let mca: Http;
  const dueDate = addDays(shanghaiDay(new Date()), 30);
  // 催办 falls due at once (100 working days before the due date), so its 催办通知书 exists.
  const ladder = DEFAULT_LADDER.map((r) => (r.key === 'urge' ? { ...r, offset: -100 } : r)).sort(
    (a, b) => a.offset - b.offset,
  );
  let documentId = '';
  let title = '';
  let notices: Notice[] = [];

  const list = async (who: Http, id = documentId) => {
    const res = await who.get(`/documents/${id}/notices`);
    expect(res.status).toBe(200);
    return (res.body as { items: Notice[] }).items;
  };
  const fetch = async (who: Http, notice: Notice, format: 'docx' | 'pdf') => {
    const res = await binary(who.get(`/documents/${documentId}/notices/${notice.id}`).query({ format }));
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 200,
      type: format === 'pdf' ? 'application/pdf' : DOCX,
    });
    return { bytes: res.body as Buffer, name: fileName(res) };
  };

  beforeAll(async () => {
    coordinator = await signedIn(stack.base, 'coordinator');
    admin = await signedIn(stack.base, 'admin');
    moe = await signedIn(stack.base, 'liaison.市教委');
    mca = await signedIn(stack.base, 'liaison.市民政局');
    expect((await moe.patch('/auth/me').send({ phone: '022-23456789', email: 'moe.liaison@example.cn' })).status).toBe(
      200,
    );
    const tag = `通知单${randomUUID().slice(0, 6)}`;
    title = `天津市民政局关于开展${tag}工作的通知`;
    const imported = await coordinator.post('/documents').send({ text: text(tag) });
    expect(imported.status).toBe(201);
    documentId = (imported.body as { id: string }).id;
    // Nothing before the launch.
    expect(await list(coordinator)).toEqual([]);
    expect((await coordinator.post(`/documents/${documentId}/launch`).send({ dueDate, ladder })).status).toBe(202);
    await stack.waitFor('the 催办 of all four tasks', async () => {
      const { rows } = await stack.db.query(
        `SELECT DISTINCT e.task_id FROM task_event e JOIN task t ON t.id = e.task_id
         WHERE t.document_id = $1 AND e.type = 'rung' AND e.detail->>'rule' = 'urge'`,
        [documentId],
      );
      return rows.length === 4;
    });
    notices = await list(coordinator);
  });

  it('numbers a 督办通知单 per agency in measure order and a 催办通知书 per agency and day, once', async () => {
    const launchDay = shanghaiDay(new Date());
    const year = launchDay.slice(0, 4);
    expect(notices.map((n) => [n.kind, n.agency, n.number, n.day])).toEqual([
      ['supervision', '市民政局', `督〔${year}〕1号`, launchDay],
      ['supervision', '市教委', `督〔${year}〕2号`, launchDay],
      ['supervision', '市公安局', `督〔${year}〕3号`, launchDay],
      ['urge', '市民政局', `催〔${year}〕1号`, launchDay],
      ['urge', '市教委', `催〔${year}〕2号`, launchDay],
      ['urge', '市公安局', `催〔${year}〕3号`, launchDay],
    ]);
    // Listing again, at once from several callers, numbers nothing twice.
    const again = await Promise.all([list(coordinator), list(admin), list(coordinator)]);
    for (const l of again) expect(l).toEqual(notices);
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM notice WHERE document_id = $1', [documentId]);
    expect(rows[0].n).toBe(6);
  });

  it('shows a liaison only their agency’s notices, also from the task', async () => {
    const mine = await list(moe);
    expect(mine.map((n) => n.number)).toEqual(notices.filter((n) => n.agency === '市教委').map((n) => n.number));
    const other = notices.find((n) => n.agency === '市民政局')!;
    const refused = await moe.get(`/documents/${documentId}/notices/${other.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NOTICE_NOT_FOUND');
    const tasks = (await coordinator.get('/tasks').query({ documentId, pageSize: 50 })).body as {
      items: { id: string; agency: string }[];
    };
    const moeTask = tasks.items.find((t) => t.agency === '市教委')!;
    const fromTask = await moe.get(`/tasks/${moeTask.id}/notices`);
    expect(fromTask.status).toBe(200);
    expect((fromTask.body as { items: Notice[] }).items).toEqual(mine);
    const mcaTask = tasks.items.find((t) => t.agency === '市民政局')!;
    expect((await moe.get(`/tasks/${mcaTask.id}/notices`)).status).toBe(404);
  });

  it('makes the 督办通知单 as Word and PDF with number, agency, measures, time limits and contacts', async () => {
    const notice = notices.find((n) => n.kind === 'supervision' && n.agency === '市民政局')!;
    const expected = [
      '督办通知单',
      notice.number,
      '市民政局：',
      title,
      '（一）开展通知测试',
      '（三）加强通知协同',
      '牵头',
      chineseDate(dueDate),
      chineseDate(notice.day),
    ];
    const docx = await fetch(coordinator, notice, 'docx');
    expect(docx.name).toBe(`${notice.number} 督办通知单（市民政局）.docx`);
    const xml = docxText(docx.bytes);
    for (const s of expected) expect(xml).toContain(s);
    expect(xml).not.toContain('（二）完善通知制度');
    const pdf = await fetch(mca, notice, 'pdf');
    expect(pdf.name).toBe(`${notice.number} 督办通知单（市民政局）.pdf`);
    const { file, text: pdfContent } = pdfText(pdf.bytes);
    // pdftotext -layout may break a long title across lines: check it without whitespace.
    const flat = pdfContent.replace(/\s+/g, '');
    for (const s of expected) expect(flat).toContain(s.replace(/\s+/g, ''));
    keepFirstPage(file, 'notice-supervision-page1');

    // The other agency's: its own measure and its liaison's contacts as stored.
    const moeNotice = notices.find((n) => n.kind === 'supervision' && n.agency === '市教委')!;
    const moeXml = docxText((await fetch(moe, moeNotice, 'docx')).bytes);
    for (const s of [moeNotice.number, '市教委：', '（二）完善通知制度', '022-23456789', 'moe.liaison@example.cn'])
      expect(moeXml).toContain(s);

    // The same notice again: the same number and the same bytes.
    const second = await fetch(coordinator, notice, 'docx');
    expect(Buffer.compare(second.bytes, docx.bytes)).toBe(0);
    expect(pdfText((await fetch(coordinator, notice, 'pdf')).bytes).text).toBe(pdfContent);
  });

  it('makes the 催办通知书 of a day the 催办 rung fired, listing the tasks with due date and days overdue', async () => {
    const notice = notices.find((n) => n.kind === 'urge' && n.agency === '市民政局')!;
    const xml = docxText((await fetch(coordinator, notice, 'docx')).bytes);
    for (const s of [
      '催办通知书',
      notice.number,
      '市民政局：',
      '已超过办理时限',
      '（一）开展通知测试',
      '（三）加强通知协同',
      '已逾期',
    ])
      expect(xml).toContain(s);
    // The due date as the clock read it when the 催办 fired (a holiday due date moves to the next working day).
    const { rows } = await stack.db.query<{ due: string }>(
      `SELECT DISTINCT e.detail->>'dueDate' AS due FROM task_event e JOIN task t ON t.id = e.task_id
       JOIN agency a ON a.id = t.agency_id
       WHERE t.document_id = $1 AND a.name = '市民政局' AND e.detail->>'rule' = 'urge'`,
      [documentId],
    );
    expect(rows).toHaveLength(1);
    expect(xml).toContain(chineseDate(rows[0].due));
    expect(xml).toContain('0个工作日');
    const { file, text: pdfContent } = pdfText((await fetch(coordinator, notice, 'pdf')).bytes);
    for (const s of ['催办通知书', notice.number, '开展通知测试', '个工作日']) expect(pdfContent).toContain(s);
    keepFirstPage(file, 'notice-urge-page1');
  });

  it('links the 催办 digest in a liaison’s inbox to the agency’s 催办通知书', async () => {
    type Item = { id: string; message: string };
    let digest: Item | undefined;
    await stack.waitFor('the 催办 digest in the 市教委 liaison inbox', async () => {
      const items = ((await moe.get('/inbox').query({ pageSize: 100 })).body as { items: Item[] }).items;
      digest = items.find((i) => i.message.includes('催办') && i.message.includes('完善通知制度'));
      return digest !== undefined;
    });
    const linked = await moe.get(`/inbox/${digest!.id}/notices`);
    expect(linked.status).toBe(200);
    expect((linked.body as { items: Notice[] }).items).toEqual(
      notices.filter((n) => n.kind === 'urge' && n.agency === '市教委'),
    );
    // Someone else's inbox item is not found.
    expect((await mca.get(`/inbox/${digest!.id}/notices`)).status).toBe(404);
    // The liaison's 催办 email carries the 催办通知书 as a PDF.
    await stack.waitFor('the 催办 email to the 市教委 liaison', async () =>
      Promise.resolve(sink.mails.some((m) => m.to === 'moe.liaison@example.cn' && m.subject.includes('催办'))),
    );
    const mail = sink.mails.find((m) => m.to === 'moe.liaison@example.cn' && m.subject.includes('催办'))!;
    expect(mail.attachments).toEqual([
      expect.objectContaining({
        contentType: 'application/pdf',
        filename: expect.stringContaining('催办通知书') as string,
      }),
    ]);
  });

  it('uses an admin’s own template, refuses an unusable one with 422, and resets to the default', async () => {
    const notice = notices.find((n) => n.kind === 'supervision' && n.agency === '市公安局')!;
    const shipped = await binary(admin.get('/notice-templates/supervision'));
    expect(shipped.status).toBe(200);
    expect(shipped.headers['content-type']).toBe(DOCX);
    const zip = new PizZip(shipped.body as Buffer);
    const xml = zip.file('word/document.xml')!.asText();
    zip.file('word/document.xml', xml.replace('{issuer}', '天津市测试督查室红头'));
    const own = zip.generate({ type: 'nodebuffer' });
    const put = (bytes: Buffer, name: string) =>
      admin.put('/notice-templates/supervision').attach('file', bytes, { filename: name, contentType: DOCX });

    const saved = await put(own, '本单位红头.docx');
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ kind: 'supervision', custom: true, name: '本单位红头.docx', size: own.length });
    expect(docxText((await fetch(coordinator, notice, 'docx')).bytes)).toContain('天津市测试督查室红头');

    const notDocx = await put(Buffer.from('这不是 Word 文档'), '坏模板.docx');
    expect(notDocx.status).toBe(422);
    expect(notDocx.body).toMatchObject({ code: 'INVALID_NOTICE_TEMPLATE', message: expect.stringContaining('.docx') });
    zip.file('word/document.xml', xml.replace('{number}', '文号'));
    const noNumber = await put(zip.generate({ type: 'nodebuffer' }), '缺文号.docx');
    expect(noNumber.status).toBe(422);
    expect(noNumber.body.message).toContain('缺少必需的占位符：{number}');
    zip.file('word/document.xml', xml.replace('{number}', '{number'));
    expect((await put(zip.generate({ type: 'nodebuffer' }), '坏占位符.docx')).body.code).toBe(
      'INVALID_NOTICE_TEMPLATE',
    );
    // A refused template changed nothing.
    expect(docxText((await fetch(coordinator, notice, 'docx')).bytes)).toContain('天津市测试督查室红头');

    const reset = await admin.delete('/notice-templates/supervision');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ kind: 'supervision', custom: false, reset: true });
    expect(docxText((await fetch(coordinator, notice, 'docx')).bytes)).not.toContain('天津市测试督查室红头');
    expect((await admin.delete('/notice-templates/supervision')).body).toMatchObject({ reset: false });
  });
});
