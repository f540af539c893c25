// `npm run bench:launch [-- N]`: imports and launches the seed N times into fresh documents on a
// fresh PostgreSQL and Temporal dev server, and prints task workflows started per second next to
// a baseline measured in the same run on the same server: bare client.workflow.start of an
// empty workflow, the same number of times.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { createRequire } from 'node:module';
import { freePort, root, startPostgres, startTemporal, waitForPort } from './stack.mjs';

const require = createRequire(import.meta.url);

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 5);
if (!Number.isInteger(N) || N < 1 || N > 100) {
  console.error('bench:launch: N must be an integer from 1 to 100');
  process.exit(2);
}
const seed = readFileSync(
  path.join(root, '..', 'shared', 'seed', 'tianjin-2026-difficult-children-welfare.txt'),
  'utf8',
);
const CONCURRENCY = 32;
const stops = [];

function app(name, env) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stops.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
}

const tokens = {};
async function signIn(base, who, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: who, password }),
  });
  if (!res.ok) throw new Error(`login ${who}: ${res.status}`);
  tokens[who] = (await res.json()).accessToken;
}

async function send(method, base, url, body, who = 'coordinator') {
  const res = await fetch(`${base}/api${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${json.code} ${json.message}`);
  return json;
}
const post = (base, url, body) => send('POST', base, url, body);

/** Deadlines reach past the seeded data (2026): add provisional years as an admin would. */
async function provideFutureYears(base) {
  const { repeatYearPattern } = require(path.join(root, 'dist/libs/calendar/domain/provisional-year.js'));
  const json = require('chinese-days/dist/chinese-days.json');
  const data = { years: [2026], holidays: Object.keys(json.holidays), workdays: Object.keys(json.workdays) };
  for (let year = 2027; year <= new Date().getUTCFullYear() + 2; year++) {
    const y = repeatYearPattern(data, 2026, year);
    const day = (d) => ({ day: d });
    await send(
      'PUT',
      base,
      `/calendar/years/${year}`,
      { holidays: y.holidays.map(day), workdays: y.workdays.map(day), reason: '基准测试：按2026年规律暂定' },
      'admin',
    );
  }
}

async function pool(count, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-bench-'));
chmodSync(dir, 0o755);
try {
  const db = await startPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  stops.push(db.stop);
  const temporal = await startTemporal({ port: await freePort(), headless: true, logLevel: 'never' });
  stops.push(temporal.stop);
  const apiPort = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'bench',
    PORT: String(apiPort),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: 'bench-admin-2026',
    DEMO_PASSWORD: 'bench-demo-2026',
  };
  execFileSync(process.execPath, [path.join(root, 'bin', 'duban.js'), 'migrate'], { env, stdio: 'ignore' });
  execFileSync(process.execPath, [path.join(root, 'bin', 'duban.js'), 'seed-demo'], { env, stdio: 'ignore' });
  app('worker', env);
  app('api', env);
  await waitForPort(apiPort, 60000, 'API');
  await new Promise((r) => setTimeout(r, 1000)); // let the worker start polling
  const base = `http://127.0.0.1:${apiPort}`;
  await signIn(base, 'admin', env.ADMIN_PASSWORD);
  await signIn(base, 'coordinator', env.DEMO_PASSWORD);
  await provideFutureYears(base);
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  stops.push(() => sql.end());

  // Ours: import N fresh documents, then launch them all and wait until every task is issued.
  let t = performance.now();
  const docs = [];
  for (let i = 0; i < N; i++) docs.push(await post(base, '/documents', { text: seed }));
  const importMs = performance.now() - t;
  const total = docs.reduce((n, d) => n + d.taskCount, 0);
  const dueDate = new Date(Date.now() + 60 * 86400e3).toISOString().slice(0, 10);

  t = performance.now();
  await Promise.all(docs.map((d) => post(base, `/documents/${d.id}/launch`, { dueDate })));
  for (;;) {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM task_event WHERE type = 'issue'`);
    if (rows[0].n >= total) break;
    if (performance.now() - t > 600_000) throw new Error(`only ${rows[0].n} of ${total} tasks issued after 10 min`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const oursMs = performance.now() - t;

  // Baseline: the same number of bare starts on the same server. A start only asks the server to
  // record the workflow, so no worker is needed: the queue has none, and nothing runs them.
  const connection = await Connection.connect({ address: temporal.address });
  stops.push(() => connection.close());
  const client = new Client({ connection });
  t = performance.now();
  await pool(total, (i) =>
    client.workflow.start('emptyWorkflow', { taskQueue: 'bench-baseline', workflowId: `baseline-${i}`, args: [] }),
  );
  const baseMs = performance.now() - t;

  const ours = total / (oursMs / 1000);
  const baseline = total / (baseMs / 1000);
  console.log(`
launch benchmark: ${N} × seed = ${total} task workflows (plus ${N} document and ${N * 21} measure workflows)
  import (${N} documents, sequential)           ${(importMs / 1000).toFixed(2)} s
  ours: launch → every task issued in PostgreSQL ${(oursMs / 1000).toFixed(2)} s   ${ours.toFixed(1)} tasks/s
  baseline: bare client.workflow.start × ${total}  ${(baseMs / 1000).toFixed(2)} s   ${baseline.toFixed(1)} starts/s (${CONCURRENCY} in flight)
  ratio ours / baseline                         ${(ours / baseline).toFixed(2)}`);
} catch (err) {
  console.error(`bench:launch: ${err.message}`);
  process.exitCode = 1;
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
