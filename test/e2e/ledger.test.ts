import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { Client } from 'pg';
import type request from 'supertest';
import { addDays, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

// A made-up plan of three measures, two agencies each; the agencies are in the packaged registry.
const text = (tag: string) => `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）健全工作机制。建立联席会议制度。（市民政局、市教委按职责分工负责）
（二）加强资金保障。统筹安排所需经费。（市财政局、市民政局按职责分工负责）
（三）开展专项行动。组织集中排查。（市公安局、市民政局按职责分工负责）
`;

interface TaskItem {
  id: string;
  agency: string;
  agencyId: string;
  measureId: string;
  measureNumber: string;
  role: string;
  state: string;
  dueDate: string;
  stateLabel: string;
  clock: { workingDaysLeft: number | null; explanation: string };
}

const ROLE_LABELS: Record<string, string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '属地/有关单位',
};
const chinese = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

// supertest buffers only text and JSON by itself.
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** RFC 4180 as csv-stringify writes it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, i] = [[], '', i + 1];
    } else field += c;
  }
  return rows;
}

const cellText = (ws: Worksheet, row: number, col: number) => {
  // The ledger writes every cell as text.
  const v = ws.getRow(row).getCell(col).value;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
};

/** Issue 12: the 督办台账 of a document as of a day, exported after real actions on the real worker. */
describe('the supervision ledger, end to end', () => {
  const env = { TEMPORAL_TASK_QUEUE: `ledger-${randomUUID()}`, PORT: '0' };
  let api: AppProcess;
  let worker: AppProcess;
  let http: Http;
  let leader: Http;
  const liaisons: Record<string, Http> = {};
  let db: Client;
  const today = shanghaiDay(new Date());
  const yesterday = addDays(today, -1);
  const dueDate = addDays(today, 20);
  let documentId: string;
  let title: string;
  let tasks: TaskItem[];
  const find = (number: string, agency: string) =>
    tasks.find((t) => t.measureNumber === number && t.agency === agency)!;

  const tasksOf = async (): Promise<TaskItem[]> => {
    const res = await http.get('/tasks').query({ documentId, pageSize: 100, sort: 'measure' });
    expect(res.status).toBe(200);
    return (res.body as { items: TaskItem[] }).items;
  };
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + 60_000;
    while (!(await check())) {
      if (Date.now() > deadline) {
        if (process.env.E2E_DEBUG) console.log(api.output(), worker.output());
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const ok = async (req: request.Test) => {
    const res = await req;
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const ledger = (who: Http, query: Record<string, string>) =>
    who.get(`/documents/${documentId}/ledger`).query(query).buffer(true).parse(binary);
  const xlsx = async (query: Record<string, string>, who: Http = http) => {
    const res = await ledger(who, { format: 'xlsx', ...query });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new Workbook();
    await book.xlsx.load(res.body);
    const ws = book.getWorksheet('任务落实台账')!;
    const headers = (ws.getRow(2).values as string[]).slice(1);
    const rows: string[][] = [];
    for (let r = 3; r <= ws.rowCount; r++) rows.push(headers.map((_h, c) => cellText(ws, r, c + 1)));
    const col = (name: string) => headers.indexOf(name);
    const row = (number: string, agency: string) =>
      rows.find((r) => r[col('措施编号')] === number && r[col('责任单位')] === agency)!;
    return { res, ws, headers, rows, col, row };
  };

  beforeAll(async () => {
    env.PORT = String(await freePort());
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    [worker, api] = await Promise.all([
      startApp('worker', env, /duban worker started/),
      startApp('api', env, /listening on/),
    ]);
    const base = `http://127.0.0.1:${env.PORT}`;
    http = await signedIn(base, 'coordinator');
    leader = await signedIn(base, 'leader');
    for (const agency of ['市民政局', '市教委', '市财政局', '市公安局'])
      liaisons[agency] = await signedIn(base, `liaison.${agency}`);
    const imported = await http.post('/documents').send({ text: text(`台账${randomUUID().slice(0, 6)}`) });
    expect(imported.status).toBe(201);
    documentId = (imported.body as { id: string }).id;
    title = ((await http.get(`/documents/${documentId}`)).body as { title: string }).title;
    expect((await http.post(`/documents/${documentId}/launch`).send({ dueDate })).status).toBe(202);
    await waitFor('every task issued', async () => {
      const all = await tasksOf();
      return all.length === 6 && all.every((t) => t.state === 'issued');
    });
    tasks = await tasksOf();
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db?.end();
  });

  it('records the first round of work, as if done yesterday', async () => {
    const civil = find('（一）', '市民政局');
    const edu = find('（一）', '市教委');
    const finance = find('（二）', '市财政局');
    const police = find('（三）', '市公安局');
    await ok(liaisons.市民政局.post(`/tasks/${civil.id}/acknowledge`).send({}));
    await ok(liaisons.市民政局.post(`/tasks/${civil.id}/progress`).send({ note: '已起草联席会议制度' }));
    await ok(liaisons.市教委.post(`/tasks/${edu.id}/acknowledge`).send({}));
    await ok(liaisons.市教委.post(`/tasks/${edu.id}/submit`).send({ evidence: '联席会议制度已印发' }));
    await ok(http.post(`/tasks/${edu.id}/review`).send({ decision: 'accept' }));
    await ok(liaisons.市财政局.post(`/tasks/${finance.id}/acknowledge`).send({}));
    await ok(
      liaisons.市财政局
        .post(`/tasks/${finance.id}/extension-request`)
        .send({ reason: '需统筹年度预算', proposedDate: addDays(today, 40) }),
    );
    await ok(http.post(`/tasks/${finance.id}/extension-decision`).send({ decision: 'approve' }));
    await ok(leader.post(`/tasks/${police.id}/instructions`).send({ text: '请抓紧推进，按期办结' }));
    // The history is append-only and its instants are what the ledger reads: moved back one day,
    // this round is what the record says happened yesterday (issue included).
    await db.query(
      `UPDATE task_event SET occurred_at = occurred_at - interval '1 day'
       WHERE task_id IN (SELECT id FROM task WHERE document_id = $1)`,
      [documentId],
    );
    tasks = await tasksOf();
  });

  let yesterdays: string[][];

  it('exports the ledger as of today as xlsx: title, headers, merged measures, lights and figures', async () => {
    const { res, ws, headers, rows, col, row } = await xlsx({});
    const name = `${title}任务落实台账（截至${chinese(today)}）.xlsx`;
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(ws.getCell('A1').value).toBe(`《${title}》任务落实台账（截至 ${chinese(today)}）`);
    const months = [
      ...new Set([yesterday, today].map((d) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月报送`)),
    ];
    expect(headers).toEqual([
      ...['序号', '措施编号', '措施', '分工', '责任单位', '下发日期', '办理时限', '剩余/逾期工作日', '状态'],
      ...['灯色', '灯色依据', '已触发节点', '延期', ...months, '最新进展', '领导批示', '办结日期', '佐证材料', '备注'],
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[col('措施编号')])).toEqual(['（一）', '（一）', '（二）', '（二）', '（三）', '（三）']);
    // Each measure's number and title merge over its two rows.
    for (const top of [3, 5, 7]) {
      expect(ws.getCell(top + 1, col('措施') + 1).master.address).toBe(ws.getCell(top, col('措施') + 1).address);
      expect(ws.getCell(top + 1, col('措施编号') + 1).isMerged).toBe(true);
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', printTitlesRow: '1:2' });

    const edu = row('（一）', '市教委');
    expect(edu[col('状态')]).toBe('已办结');
    expect(edu[col('办结日期')]).toBe(yesterday);
    expect(edu[col('灯色')]).toBe('绿灯');
    expect(edu[col('最新进展')]).toBe(`${yesterday}：联席会议制度已印发`);
    const eduRow = 3 + rows.indexOf(edu);
    const fill = ws.getCell(eduRow, col('灯色') + 1).fill as { fgColor?: { argb?: string } };
    expect(fill.fgColor?.argb).toBe('FFC6EFCE');

    const civil = row('（一）', '市民政局');
    expect(civil[col('状态')]).toBe('办理中');
    expect(civil[col('最新进展')]).toBe(`${yesterday}：已起草联席会议制度`);
    expect(civil[col('下发日期')]).toBe(yesterday);
    expect(civil[col('办理时限')]).toBe(dueDate);
    expect(civil[col(months.at(-1)!)] + civil[col(months[0])]).toContain('进展：已起草联席会议制度');

    const finance = row('（二）', '市财政局');
    const extended = find('（二）', '市财政局').dueDate;
    expect(extended > dueDate).toBe(true);
    expect(finance[col('办理时限')]).toBe(extended);
    expect(finance[col('延期')]).toBe(`1 次，延至 ${extended}；依据：需统筹年度预算`);

    expect(row('（三）', '市公安局')[col('领导批示')]).toMatch(/请抓紧推进，按期办结$/);
    expect(row('（三）', '市公安局')[col('状态')]).toBe('待签收');
    // The same figures and roles the task list gives today.
    for (const t of tasks) {
      const r = row(t.measureNumber, t.agency);
      expect(r[col('分工')]).toBe(ROLE_LABELS[t.role]);
      expect([r[col('灯色依据')], r[col('状态')]]).toEqual([t.clock.explanation, t.stateLabel]);
      if (t.clock.workingDaysLeft !== null && t.state !== 'accepted')
        expect(r[col('剩余/逾期工作日')]).toBe(`剩余 ${t.clock.workingDaysLeft} 个工作日`);
    }
  });

  it('exports the same rows as CSV, UTF-8 with a BOM', async () => {
    const { headers, rows } = await xlsx({});
    const res = await ledger(http, { format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('.csv'));
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString('utf8').slice(1));
    expect(csv[0]).toEqual(headers);
    expect(csv.slice(1)).toEqual(rows);
  });

  it('prints as a PDF: A3 landscape, the title and header, every agency and light', async () => {
    const { ws } = await xlsx({});
    const title = cellText(ws, 1, 1);
    const res = await ledger(http, { format: 'pdf' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-pdf-'));
    const file = path.join(dir, 'ledger.pdf');
    writeFileSync(file, res.body as Buffer);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+/);
    const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(words).toContain(title.replace(/\s+/g, ''));
    for (const header of ['措施编号', '责任单位', '办理时限', '灯色']) expect(words).toContain(header);
    for (const agency of ['市民政局', '市教委', '市财政局']) expect(words).toContain(agency);
  });

  it('filters as the task list does, and gives a liaison only their own rows', async () => {
    const { rows, col } = await xlsx({ agencyId: find('（二）', '市财政局').agencyId });
    expect(rows.map((r) => r[col('责任单位')])).toEqual(['市财政局']);
    const accepted = await xlsx({ state: 'accepted' });
    expect(accepted.rows.map((r) => r[accepted.col('责任单位')])).toEqual(['市教委']);
    const green = await xlsx({ colour: 'green', measureId: find('（一）', '市教委').measureId });
    expect(green.rows.length).toBeGreaterThan(0);
    expect(green.rows.every((r) => r[green.col('灯色')] === '绿灯' && r[green.col('措施编号')] === '（一）')).toBe(
      true,
    );
    expect((await xlsx({ overdue: 'true' })).rows).toEqual([]);
    expect((await xlsx({ overdue: 'false' })).rows).toHaveLength(6);
    const shared = await xlsx({ role: find('（二）', '市财政局').role });
    expect(shared.rows.map((r) => r[shared.col('责任单位')])).toContain('市财政局');
    const mine = await xlsx({}, liaisons.市教委);
    const others = mine.rows.filter((r) => r[mine.col('责任单位')] !== '市教委');
    expect(mine.rows.some((r) => r[mine.col('责任单位')] === '市教委')).toBe(true);
    expect(others.every((r) => ['配合', '指导', '属地/有关单位'].includes(r[mine.col('分工')]))).toBe(true);
  });

  it('exports yesterday’s ledger the same after today’s work, and today’s with it', async () => {
    const before = await xlsx({ asOf: yesterday });
    yesterdays = before.rows;
    expect(before.ws.getCell('A1').value).toBe(`《${title}》任务落实台账（截至 ${chinese(yesterday)}）`);
    const civil = find('（一）', '市民政局');
    const police = find('（三）', '市公安局');
    await ok(liaisons.市民政局.post(`/tasks/${civil.id}/submit`).send({ evidence: '制度文本已报送' }));
    await ok(liaisons.市公安局.post(`/tasks/${police.id}/acknowledge`).send({}));
    await ok(leader.post(`/tasks/${police.id}/instructions`).send({ text: '第二次批示' }));
    const after = await xlsx({ asOf: yesterday });
    expect(after.rows).toEqual(yesterdays);
    expect(after.row('（一）', '市民政局')[after.col('状态')]).toBe('办理中');
    const now = await xlsx({ asOf: today });
    expect(now.row('（一）', '市民政局')[now.col('状态')]).toBe('待审核');
    expect(now.row('（三）', '市公安局')[now.col('状态')]).toBe('办理中');
    expect(now.row('（三）', '市公安局')[now.col('领导批示')]).toContain('第二次批示');
    const csvBefore = parseCsv((await ledger(http, { format: 'csv', asOf: yesterday })).body.toString('utf8').slice(1));
    expect(csvBefore.slice(1)).toEqual(yesterdays);
  });

  it('refuses a future day (422) and an impossible one (400)', async () => {
    const future = await http.get(`/documents/${documentId}/ledger`).query({ asOf: addDays(today, 1) });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ code: 'AS_OF_IN_FUTURE' });
    const bad = await http.get(`/documents/${documentId}/ledger`).query({ asOf: '2026-02-30' });
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'INVALID_DATE' });
  });
});
