import Table from 'cli-table3';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiClient, DEFAULT_API, loadCredentials, login, saveCredentials } from '../api/client';

/** The commands a coordinator runs against the API with their token (never against the database). */

const COLOUR: Record<string, string> = { green: '绿', yellow: '黄', red: '红', grey: '灰' };
const ROLE: Record<string, string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '属地',
};

interface TaskView {
  id: string;
  documentId: string;
  measureNumber: string;
  measureTitle: string;
  agency: string;
  role: string;
  stateLabel: string;
  dueDate: string | null;
  colour: string;
  clock: { workingDaysLeft: number | null; overdue: boolean };
}

const daysLeft = (t: TaskView) => {
  const left = t.clock.workingDaysLeft;
  if (left === null) return '—';
  return left < 0 ? `逾期 ${-left}` : String(left);
};

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function tasksTable(tasks: TaskView[], withMeasureTitle: boolean): string {
  const head = [
    '措施',
    ...(withMeasureTitle ? ['措施名称'] : []),
    '责任单位',
    '分工',
    '状态',
    '灯色',
    '办理时限',
    '剩余工作日',
  ];
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const t of tasks) {
    table.push([
      t.measureNumber,
      ...(withMeasureTitle ? [cut(t.measureTitle, 16)] : []),
      t.agency,
      ROLE[t.role] ?? t.role,
      t.stateLabel,
      COLOUR[t.colour] ?? t.colour,
      t.dueDate ?? '—',
      daysLeft(t),
    ]);
  }
  return table.toString();
}

/** Progress of long work on stderr, so stdout stays the result (pipes and --json). */
function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text}`);
}
function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}

const client = () => new ApiClient(loadCredentials());

async function readPassword(): Promise<string> {
  const fromEnv = process.env.DUBAN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    process.stderr.write('密码：');
    process.stdin.setRawMode(true);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    const text = Buffer.from(chunk as Buffer).toString('utf8');
    // Enter ends the password; so does Ctrl-D (EOT) in raw mode.
    const eot = text.indexOf(String.fromCharCode(4));
    const line = text.search(/[\r\n]/);
    const end = eot >= 0 && (line < 0 || eot < line) ? eot : line;
    chunks.push(Buffer.from(end >= 0 ? text.slice(0, end) : text));
    if (end >= 0) break;
  }
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(false);
    process.stderr.write('\n');
  }
  process.stdin.pause();
  return Buffer.concat(chunks).toString('utf8');
}

export async function loginCommand(args: { api?: string; username: string }): Promise<string> {
  const api = args.api ?? process.env.DUBAN_API ?? DEFAULT_API;
  const password = await readPassword();
  if (!password) throw new Error('未输入密码');
  const credentials = await login(api, args.username, password);
  saveCredentials(credentials);
  return `已登录 ${api}（${args.username}）`;
}

interface DocumentStatus {
  title: string | null;
  status: string;
  dueDate: string | null;
  today: string;
  colour: string;
  measuresDone: number;
  taskCounts: Record<string, number>;
  measures: { number: string; title: string; colour: string; done: boolean; tasks: TaskView[] }[];
}

export async function statusCommand(args: { document: string; json: boolean }): Promise<string> {
  const status = await client().json<DocumentStatus>(`/documents/${encodeURIComponent(args.document)}/status`);
  if (args.json) return JSON.stringify(status, null, 2);
  const tasks = status.measures.flatMap((m) => m.tasks);
  const open = tasks.filter((t) => t.clock.overdue).length;
  const lines = [
    `《${status.title ?? '（无标题）'}》  截至 ${status.today}  总体 ${COLOUR[status.colour] ?? status.colour}灯`,
    `措施 ${status.measures.length} 项，已办结 ${status.measuresDone} 项；任务 ${tasks.length} 项，逾期 ${open} 项`,
  ];
  return [...lines, tasksTable(tasks, true)].join('\n');
}

export async function tasksCommand(args: {
  document?: string;
  agency?: string;
  state?: string;
  overdue?: boolean;
  json: boolean;
}): Promise<string> {
  const api = client();
  const query = new URLSearchParams({ pageSize: '100', sort: 'dueDate' });
  if (args.document) query.set('documentId', args.document);
  if (args.state) query.set('state', args.state);
  if (args.overdue !== undefined) query.set('overdue', String(args.overdue));
  if (args.agency) query.set('agencyId', await agencyId(api, args.agency));
  const tasks: TaskView[] = [];
  for (let page = 1; ; page++) {
    query.set('page', String(page));
    const res = await api.json<{ items: TaskView[]; total: number }>(`/tasks?${query.toString()}`);
    tasks.push(...res.items);
    progress(`已读取 ${tasks.length}/${res.total} 项任务`);
    if (res.items.length === 0 || tasks.length >= res.total) break;
  }
  progressDone();
  if (args.json) return JSON.stringify(tasks, null, 2);
  if (tasks.length === 0) return '没有符合条件的任务';
  return `${tasksTable(tasks, true)}\n共 ${tasks.length} 项`;
}

/** An agency named as the registry writes it (or by an alias, or its id). */
async function agencyId(api: ApiClient, name: string): Promise<string> {
  const agencies = await api.json<{ id: string; name: string; aliases?: string[] }[]>('/agencies');
  const found = agencies.find((a) => a.id === name || a.name === name || a.aliases?.includes(name));
  if (!found) throw new Error(`单位库中没有「${name}」：请用单位全称或简称`);
  return found.id;
}

/** Downloads a document's ledger (督办台账) as of a day; answers where it was written. */
export async function exportCommand(args: {
  document: string;
  asOf?: string;
  format: 'xlsx' | 'csv' | 'pdf';
  out?: string;
}): Promise<string> {
  const query = new URLSearchParams({ format: args.format });
  if (args.asOf) query.set('asOf', args.asOf);
  const res = await client().get(`/documents/${encodeURIComponent(args.document)}/ledger?${query.toString()}`);
  const file = args.out ?? fileNameOf(res.headers.get('content-disposition')) ?? `台账.${args.format}`;
  const total = Number(res.headers.get('content-length') ?? 0);
  let received = 0;
  const body = Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    progress(total ? `已下载 ${Math.round((received / total) * 100)}%` : `已下载 ${received} 字节`);
  });
  await pipeline(body, createWriteStream(file));
  progressDone();
  return `已保存 ${path.resolve(file)}`;
}

/** The file name of an attachment: RFC 5987's filename* (UTF-8) first, then the plain one. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) return path.basename(decodeURIComponent(extended[1]));
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? path.basename(plain[1]) : null;
}

interface CircularAsOf {
  title: string | null;
  kind: 'weekly' | 'monthly';
  asOf: string;
  from: string;
  to: string;
  figures: {
    total: number;
    done: { count: number; percent: number };
    onTime: { count: number; percent: number };
    overdue: { count: number; percent: number };
    lagging: { measure: string; agency: string; daysOverdue: number | null }[];
    completed: { measure: string; agency: string; day: string }[];
    instructions: { measure: string; day: string; actor: string | null; text: string }[];
    byAgency: { agency: string; total: number; done: number }[];
  };
}

/** A 情况通报 as of a past day, regenerated from the record (the same figures whenever asked). */
export async function circularCommand(args: {
  document: string;
  asOf: string;
  kind: 'weekly' | 'monthly';
  json: boolean;
}): Promise<string> {
  const query = new URLSearchParams({ kind: args.kind, asOf: args.asOf });
  const c = await client().json<CircularAsOf>(
    `/documents/${encodeURIComponent(args.document)}/circular?${query.toString()}`,
  );
  if (args.json) return JSON.stringify(c, null, 2);
  const f = c.figures;
  const lines = [
    `《${c.title ?? '（无标题）'}》情况通报（${c.kind === 'weekly' ? '周报' : '月报'}，截至 ${c.asOf}，本期 ${c.from} 至 ${c.to}）`,
    `一、总体情况：任务 ${f.total} 项，已办结 ${f.done.count} 项（${f.done.percent}%），按时办结 ${f.onTime.count} 项（${f.onTime.percent}%），逾期 ${f.overdue.count} 项（${f.overdue.percent}%）。`,
    `二、进展滞后：${f.lagging.length ? f.lagging.map((l) => `${l.agency}（${l.measure}${l.daysOverdue ? `，逾期 ${l.daysOverdue} 个工作日` : ''}）`).join('；') : '无'}。`,
    `三、本期办结：${f.completed.length ? f.completed.map((d) => `${d.agency}（${d.measure}，${d.day}）`).join('；') : '无'}。`,
    `四、领导批示：${f.instructions.length ? f.instructions.map((i) => `${i.day} ${i.actor ?? ''}：${i.text}（${i.measure}）`).join('；') : '无'}。`,
  ];
  const table = new Table({ head: ['责任单位', '任务', '已办结'], style: { head: [], border: [] } });
  for (const a of f.byAgency) table.push([a.agency, a.total, a.done]);
  return [...lines, table.toString()].join('\n');
}
