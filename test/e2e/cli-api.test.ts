import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { useE2eStack } from '../setup/e2e-stack';

const root = path.resolve(__dirname, '..', '..');
const text = (tag: string) => `天津市关于加强${tag}工作的实施方案
一、重点任务
（一）健全工作机制。建立联席会议制度。（市民政局、市教委按职责分工负责）
（二）加强资金保障。统筹安排所需经费。（市财政局负责）
`;

/** The coordinators' command line against the real API (issue 12): login, status, tasks; errors in one line. */
describe('duban CLI over the API', () => {
  const stack = useE2eStack('cli');
  const config = mkdtempSync(path.join(os.tmpdir(), 'duban-cli-config-'));
  let base: string;
  let coordinator: Http;
  let documentId: string;

  const duban = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'duban.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DUBAN_CONFIG_DIR: config, ...extra },
    });

  beforeAll(async () => {
    base = stack.base;
    coordinator = await signedIn(base, 'coordinator');
    const imported = await coordinator.post('/documents').send({ text: text(`命令行${randomUUID().slice(0, 6)}`) });
    documentId = (imported.body as { id: string }).id;
    const dueDate = addDays(shanghaiDay(new Date()), 20);
    expect((await coordinator.post(`/documents/${documentId}/launch`).send({ dueDate })).status).toBe(202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await coordinator.get('/tasks').query({ documentId });
      const items = (res.body as { items: { state: string }[] }).items;
      if (items.length === 3 && items.every((t) => t.state === 'issued')) break;
      if (Date.now() > deadline) throw new Error('tasks never issued');
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('refuses a wrong password and an unreachable API in one line, before anything is saved', () => {
    const wrong = duban(['login', '--api', base, '-u', 'coordinator'], { DUBAN_PASSWORD: 'not-the-password' });
    expect([wrong.status, wrong.stdout]).toEqual([1, '']);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toContain('INVALID_CREDENTIALS');
    const nowhere = duban(['login', '--api', 'http://127.0.0.1:9', '-u', 'coordinator'], {
      DUBAN_PASSWORD: 'x',
    });
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/无法连接督办服务/);
    const before = duban(['status', documentId]);
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/尚未登录/);
  });

  it('signs in, then shows a document’s status and its tasks as aligned tables or JSON', () => {
    const login = duban(['login', '--api', base, '-u', 'coordinator'], {
      DUBAN_PASSWORD: process.env.DEMO_PASSWORD ?? '',
    });
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
    expect(login.stdout).toContain('已登录');
    const saved = JSON.parse(readFileSync(path.join(config, 'credentials.json'), 'utf8')) as { api: string };
    expect(saved.api).toBe(base);

    const status = duban(['status', documentId]);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/措施 2 项，已办结 0 项；任务 3 项，逾期 0 项/);
    for (const agency of ['市民政局', '市教委', '市财政局']) expect(status.stdout).toContain(agency);
    // Chinese text is two columns wide: every row of the table is as wide as the header.
    const rows = status.stdout.split('\n').filter((l) => l.startsWith('│'));
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
    expect(new Set(rows.map(width)).size).toBe(1);

    const mine = duban(['tasks', '--document', documentId, '--agency', '市教委', '--json']);
    expect(mine.status).toBe(0);
    const tasks = JSON.parse(mine.stdout) as { agency: string; measureNumber: string }[];
    expect(tasks).toEqual([expect.objectContaining({ agency: '市教委', measureNumber: '（一）' })]);
    const overdue = duban(['tasks', '--document', documentId, '--overdue']);
    expect(overdue.stdout.trim()).toBe('没有符合条件的任务');
    const all = duban(['tasks', '--document', documentId]);
    expect(all.stdout).toContain('共 3 项');
  });

  it('downloads the ledger and prints a circular as of a past day', () => {
    const out = path.join(config, '台账.xlsx');
    const xlsx = duban(['export', documentId, '--format', 'xlsx', '-o', out]);
    expect(xlsx.stderr).toBe('');
    expect(xlsx.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const csv = duban(['export', documentId, '--format', 'csv', '-o', path.join(config, 'l.csv')]);
    expect(csv.status).toBe(0);
    const body = readFileSync(path.join(config, 'l.csv'), 'utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body).toContain('市财政局');
    const pdf = duban(['export', documentId, '--format', 'pdf', '-o', path.join(config, 'l.pdf')]);
    expect(pdf.status).toBe(0);
    expect(readFileSync(path.join(config, 'l.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Launched today: as of yesterday it had no tasks yet, and says so in its figures.
    const yesterday = addDays(shanghaiDay(new Date()), -1);
    const circular = duban(['circular', documentId, '--as-of', yesterday]);
    expect(circular.stderr).toBe('');
    expect(circular.stdout).toContain(`截至 ${yesterday}`);
    expect(circular.stdout).toContain('一、总体情况：任务 0 项');
    const today = duban(['circular', documentId, '--as-of', shanghaiDay(new Date())]);
    expect(today.status).toBe(1);
    expect(today.stderr).toContain('AS_OF_NOT_CLOSED');
  });

  it('renews an expired token by itself, and says what the API refused', () => {
    const file = path.join(config, 'credentials.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string };
    writeFileSync(file, JSON.stringify({ ...saved, accessToken: 'expired' }));
    const renewed = duban(['tasks', '--document', documentId, '--json']);
    expect(renewed.status).toBe(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string }).accessToken).not.toBe('expired');

    const missing = duban(['status', randomUUID()]);
    expect([missing.status, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('DOCUMENT_NOT_FOUND');
    const agency = duban(['tasks', '--agency', '不存在的单位']);
    expect(agency.stderr).toMatch(/单位库中没有「不存在的单位」/);
    const state = duban(['tasks', '--state', 'nonsense']);
    expect(state.status).toBe(1);
    expect(state.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a shell completion script', () => {
    const run = duban(['completion']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('duban');
    expect(run.stdout).toContain('complete');
  });
});
