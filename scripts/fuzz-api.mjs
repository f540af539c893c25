// `npm run fuzz:api`: schemathesis against the API's own OpenAPI document (GET /api/docs/openapi.json).
// Starts a fresh embedded PostgreSQL, a Temporal dev server, the worker and the API (dist/) on free
// ports, imports and launches the seed document so real ids exist, then runs a bounded, seeded
// schemathesis run and fails on any 5xx and on any response the document does not describe.
// Everything it started is stopped on exit, on Ctrl-C and on SIGTERM.
//
// Sign-in: without FUZZ_TOKEN, if the served document has POST /auth/login, the script signs in as
// the first-run admin (ADMIN_PASSWORD, random unless set), creates a user `fuzz` holding every role
// and every agency, and fuzzes with that user's token; POST /auth/logout and /auth/password are then
// left out (they would revoke the token mid-run). Without /auth/login it sends no token.
//
// Settings (environment):
//   FUZZ_MAX_EXAMPLES  cases per operation and phase (default 10)
//   FUZZ_SEED          schemathesis seed (default 20260101): same seed, same cases
//   FUZZ_TIMEOUT       seconds before the schemathesis run is stopped and counted a failure (default 600)
//   FUZZ_WORKERS       schemathesis workers (default 2)
//   FUZZ_CHECKS        comma-separated checks (default below)
//   FUZZ_PHASES        comma-separated phases (default examples,coverage,fuzzing,stateful)
//   FUZZ_TOKEN         bearer token sent as `Authorization: Bearer …` on every request (optional;
//                      it must be signed with the JWT_SECRET you pass, as the API is started here)
//   FUZZ_REPORT_DIR    where the JUnit report and the HAR of every exchange go (default .data/fuzz)
//   FUZZ_ARGS          extra schemathesis `run` arguments, split on spaces (e.g. "--include-path-regex ^/tasks")
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { freePort, root, startPostgres, startTemporal, waitForPort } from './stack.mjs';

const require = createRequire(import.meta.url);

function intEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`fuzz: ${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    process.exit(2);
  }
  return n;
}
const MAX_EXAMPLES = intEnv('FUZZ_MAX_EXAMPLES', 10, 1, 10000);
const SEED = intEnv('FUZZ_SEED', 20260101, 0, 2 ** 31 - 1);
const TIMEOUT_S = intEnv('FUZZ_TIMEOUT', 600, 10, 86400);
const WORKERS = intEnv('FUZZ_WORKERS', 2, 1, 64);
// Checks on by default:
//   not_a_server_error                 any 5xx is a bug;
//   status_code_conformance            every status must be one the document declares for the operation;
//   content_type_conformance, response_headers_conformance, response_schema_conformance
//                                      every answer in its declared media type, headers and shape;
//   negative_data_rejection            a request the document calls invalid must not get a 2xx;
//   ignored_auth                       an operation the document says needs a token must refuse none.
// Left out (opt in with FUZZ_CHECKS=all or a list): positive_data_acceptance (fires on every
// validation rule the document does not state, e.g. forbidden extra properties),
// missing_required_header and unsupported_method (TRACE → 404 rather than 405 is Express's default).
const CHECKS =
  process.env.FUZZ_CHECKS ||
  [
    'not_a_server_error',
    'status_code_conformance',
    'content_type_conformance',
    'response_headers_conformance',
    'response_schema_conformance',
    'negative_data_rejection',
    'ignored_auth',
  ].join(',');
const PHASES = process.env.FUZZ_PHASES || 'examples,coverage,fuzzing,stateful';
const TOKEN = process.env.FUZZ_TOKEN || '';
const REPORT_DIR = path.resolve(process.env.FUZZ_REPORT_DIR || path.join(root, '.data', 'fuzz'));
const EXTRA_ARGS = (process.env.FUZZ_ARGS || '').split(/\s+/).filter(Boolean);

const schemathesis = path.join(root, '.tools', 'fuzz-venv', 'bin', 'schemathesis');
const seedText = readFileSync(
  path.join(root, '..', 'shared', 'seed', 'tianjin-2026-difficult-children-welfare.txt'),
  'utf8',
);

const stops = [];
let stopping = false;
let fuzzChild = null;
const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-fuzz-'));
chmodSync(dir, 0o755); // embedded PostgreSQL runs as 'postgres' when we are root

async function stopAll() {
  if (stopping) return;
  stopping = true;
  if (fuzzChild && fuzzChild.exitCode === null) fuzzChild.kill('SIGTERM');
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (err) {
      console.error(`fuzz: while stopping: ${err.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\nfuzz: ${signal}, stopping everything`);
    void stopAll().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

/** Runs dist/apps/<name>; resolves once `ready` appears on stdout (or at once without it). */
function startApp(name, env, ready) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stops.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  const tail = () => output.split('\n').slice(-30).join('\n');
  const started = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output = (output + chunk).slice(-200_000);
      if (ready?.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    if (!ready) resolve();
    exited.then((code) => {
      if (!stopping) reject(new Error(`${name} exited with code ${code}:\n${tail()}`));
    });
  });
  exited.then((code) => {
    if (!stopping && code !== null) console.error(`fuzz: ${name} exited with code ${code} during the run:\n${tail()}`);
  });
  return { started, output: () => output };
}

// The API's routes are under /api (the document's paths carry the prefix); the root is the web app.
const API = '/api';

function client(base, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return async (method, url, body) => {
    const res = await fetch(base + API + url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 500)}`);
    return json;
  };
}

/** Launch plans deadlines past the seeded calendar (2026): add provisional years as an admin would. */
async function provideFutureYears(send) {
  const { repeatYearPattern } = require(path.join(root, 'dist/libs/calendar/domain/provisional-year.js'));
  const json = require('chinese-days/dist/chinese-days.json');
  const data = { years: [2026], holidays: Object.keys(json.holidays), workdays: Object.keys(json.workdays) };
  for (let year = 2027; year <= new Date().getUTCFullYear() + 2; year++) {
    const y = repeatYearPattern(data, 2026, year);
    const day = (d) => ({ day: d });
    await send('PUT', `/calendar/years/${year}`, {
      holidays: y.holidays.map(day),
      workdays: y.workdays.map(day),
      reason: '模糊测试：按2026年规律暂定',
    });
  }
}

/** Imports (and launches) the seed, and a preview, so that path parameters can name real rows. */
async function seedData(send) {
  await provideFutureYears(send);
  const doc = await send('POST', '/documents', { text: seedText });
  await send('POST', `/documents/${doc.id}/launch`, { dueInWorkingDays: 20 });
  const preview = await send('POST', '/imports', { text: seedText });
  const deadline = Date.now() + 120_000;
  let tasks;
  for (;;) {
    tasks = await send('GET', `/tasks?documentId=${doc.id}&state=issued&pageSize=500`);
    if (tasks.total >= doc.taskCount || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (tasks.total < doc.taskCount)
    console.error(`fuzz: only ${tasks.total} of ${doc.taskCount} tasks issued; fuzzing anyway`);
  const agencies = await send('GET', '/agencies');
  const groups = await send('GET', '/agency-groups');
  const list = (x) => (Array.isArray(x) ? x : (x.items ?? []));
  return {
    documentIds: [doc.id],
    importIds: [preview.id],
    taskIds: list(tasks).map((t) => t.id),
    agencyIds: list(agencies).map((a) => a.id),
    groupNames: list(groups).map((g) => g.name),
    taskCount: doc.taskCount,
  };
}

/**
 * The token to fuzz with: FUZZ_TOKEN; else, once sign-in exists, a `fuzz` user with every role
 * and every agency, created by the first-run admin; else none.
 */
async function fuzzToken(base, openApi, adminPassword) {
  if (TOKEN) return { token: TOKEN, how: 'FUZZ_TOKEN' };
  if (!openApi.paths?.[`${API}/auth/login`]) return { token: '', how: 'none (the API has no sign-in)' };
  const login = async (username, password) =>
    (await client(base)('POST', '/auth/login', { username, password })).accessToken;
  const admin = await login('admin', adminPassword);
  const as = client(base, admin);
  const agencies = await as('GET', '/agencies');
  const roles = openApi.components?.schemas?.CreateUserDto?.properties?.roles?.items?.enum ?? [
    'admin',
    'coordinator',
    'liaison',
    'leader',
  ];
  const password = `Fuzz${randomBytes(12).toString('hex')}`;
  try {
    await as('POST', '/users', {
      username: 'fuzz',
      displayName: '模糊测试',
      password,
      roles,
      agencyIds: (Array.isArray(agencies) ? agencies : (agencies.items ?? [])).map((a) => a.id),
    });
    return { token: await login('fuzz', password), how: `user fuzz (${roles.join(', ')}; every agency)` };
  } catch (err) {
    console.error(`fuzz: could not create the fuzz user (${err.message}); fuzzing as admin`);
    return { token: admin, how: 'admin' };
  }
}

const tomlString = (s) => JSON.stringify(String(s));
const tomlArray = (xs) => `[${xs.map(tomlString).join(', ')}]`;

/**
 * schemathesis.toml: real ids offered for path and query parameters half of the time (the other
 * half stays generated, so unknown and malformed ids are still tried).
 */
function fuzzConfig(ids) {
  const dicts = {
    documents: ids.documentIds,
    imports: ids.importIds,
    tasks: ids.taskIds.slice(0, 50),
    agencies: ids.agencyIds.slice(0, 50),
    groups: ids.groupNames.slice(0, 20),
  };
  // No crash cache: ids differ on every fresh stack, and replaying old crashes first would make
  // the run depend on earlier runs.
  const lines = ['[cache]', 'enabled = false', ''];
  for (const [name, values] of Object.entries(dicts)) {
    if (values.length) lines.push(`[dictionaries.${name}]`, `values = ${tomlArray(values)}`, '');
  }
  const bind = (pathRegex, params) => {
    const usable = Object.entries(params).filter(([, dict]) => dicts[dict]?.length);
    if (!usable.length) return;
    lines.push('[[operations]]', `include-path-regex = ${tomlString(pathRegex)}`);
    lines.push(
      `parameters = { ${usable.map(([key, dict]) => `${tomlString(key)} = { dictionary = ${tomlString(dict)}, probability = 0.5 }`).join(', ')} }`,
      '',
    );
  };
  bind('^/api/documents/\\{id\\}', { 'path.id': 'documents' });
  bind('^/api/imports/\\{id\\}', { 'path.id': 'imports' });
  bind('^/api/tasks/\\{id\\}', { 'path.id': 'tasks' });
  bind('^/api/tasks$', { 'query.documentId': 'documents', 'query.agencyId': 'agencies' });
  bind('^/api/agencies/\\{id\\}', { 'path.id': 'agencies' });
  bind('^/api/agency-groups/\\{name\\}', { 'path.name': 'groups' });
  return lines.join('\n');
}

function runSchemathesis(args, env) {
  return new Promise((resolve) => {
    // cwd: the run's temporary folder, so Hypothesis and schemathesis state stays out of the repo.
    fuzzChild = spawn(schemathesis, args, { env, cwd: dir, stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`fuzz: schemathesis still running after ${TIMEOUT_S} s (FUZZ_TIMEOUT); stopping it`);
      fuzzChild.kill('SIGTERM');
      setTimeout(() => fuzzChild.exitCode === null && fuzzChild.kill('SIGKILL'), 10_000).unref();
    }, TIMEOUT_S * 1000);
    fuzzChild.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 124 : 1));
    });
  });
}

const started = performance.now();
try {
  if (!existsSync(schemathesis))
    throw new Error('no schemathesis in .tools/fuzz-venv: run `bash scripts/install-fuzz.sh`');
  if (!existsSync(path.join(root, 'dist', 'apps', 'api', 'src', 'main.js')))
    throw new Error('no dist/: run `npm run build`');

  const db = await startPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  stops.push(db.stop);
  const temporal = await startTemporal({ port: await freePort(), headless: true, logLevel: 'never' });
  stops.push(temporal.stop);
  const apiPort = await freePort();
  const adminPassword = process.env.ADMIN_PASSWORD || `Adm${randomBytes(12).toString('hex')}`;
  const env = {
    // Sign-in (once it exists) and rate limits: a private secret and admin password, and limits
    // far above what a fuzz run sends, unless the caller sets them.
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_SECONDS: String(TIMEOUT_S + 600),
    RATE_LIMIT_READ: '1000000',
    RATE_LIMIT_WRITE: '1000000',
    RATE_LIMIT_AUTH: '1000000',
    LOG_LEVEL: 'warn',
    ...process.env,
    ADMIN_PASSWORD: adminPassword,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'fuzz',
    TEMPORAL_VERSION_CHECK_DISABLED: '1',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
  };
  execFileSync(process.execPath, [path.join(root, 'bin', 'duban.js'), 'migrate'], { env, stdio: 'ignore' });
  const worker = startApp('worker', env, /duban worker started/);
  const api = startApp('api', env, /duban api listening/);
  await Promise.all([worker.started, api.started, waitForPort(apiPort, 60000, 'API')]);

  const base = `http://127.0.0.1:${apiPort}`;
  const openApiText = await (await fetch(`${base}${API}/docs/openapi.json`)).text();
  const openApi = JSON.parse(openApiText);
  const auth = await fuzzToken(base, openApi, adminPassword);
  const ids = await seedData(client(base, auth.token));
  console.log(
    `fuzz: stack up in ${((performance.now() - started) / 1000).toFixed(1)} s; seeded 1 document (${ids.taskCount} tasks, launched), 1 import preview, ${ids.agencyIds.length} agencies; token: ${auth.how}`,
  );

  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(path.join(REPORT_DIR, 'openapi.json'), openApiText);
  // Operations that would revoke the token the run depends on.
  const revoking = auth.token ? [`${API}/auth/logout`, `${API}/auth/password`].filter((p) => openApi.paths?.[p]) : [];
  const configFile = path.join(dir, 'schemathesis.toml');
  writeFileSync(configFile, fuzzConfig(ids));

  const args = [
    '--config-file',
    configFile,
    'run',
    `${base}${API}/docs/openapi.json`,
    '--url',
    base,
    '--checks',
    CHECKS,
    '--phases',
    PHASES,
    '--max-examples',
    String(MAX_EXAMPLES),
    '--seed',
    String(SEED),
    '--workers',
    String(WORKERS),
    '--request-timeout',
    // Workflow Updates answer after the worker has applied them; on two busy cores that can take a while.
    '120',
    '--suppress-health-check',
    'all',
    '--generation-database',
    'none',
    '--continue-on-failure',
    '--report',
    'junit,har',
    '--report-dir',
    REPORT_DIR,
    '--no-color',
    ...(auth.token ? ['--header', `Authorization: Bearer ${auth.token}`] : []),
    ...revoking.flatMap((p) => ['--exclude-path', p]),
    ...EXTRA_ARGS,
  ];
  console.log(
    `fuzz: schemathesis ${args
      .slice(2)
      .join(' ')
      .replace(auth.token || '\0', '***')}`,
  );
  const t = performance.now();
  const code = await runSchemathesis(args, process.env);
  console.log(
    `fuzz: schemathesis exited ${code} after ${((performance.now() - t) / 1000).toFixed(1)} s (whole run ${((performance.now() - started) / 1000).toFixed(1)} s); reports in ${path.relative(root, REPORT_DIR) || REPORT_DIR}`,
  );
  process.exitCode = code === 0 ? 0 : 1;
} catch (err) {
  console.error(`fuzz: ${err.message}`);
  process.exitCode = 1;
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
  // Exit with the outcome explicitly: exit hooks of the packages used here must not turn a failed
  // run into a pass (a run with errors once ended 0).
  process.exit(process.exitCode ?? 0);
}
