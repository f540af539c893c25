// One real PostgreSQL (fresh, migrated up from empty) and one Temporal dev server per test run.
// Their addresses reach the tests through process.env; the time-skipping server is started
// per workflow test file from the binary path given here.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, root, startPostgres, startTemporal, toolsBin } from '../../scripts/stack.mjs';

export default async function globalSetup() {
  if (!existsSync(path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js'))) {
    throw new Error('dist/ is missing: the e2e tests run the built apps; use `npm test` (it builds first)');
  }
  const testServer = path.join(toolsBin, 'temporal-test-server');
  if (!existsSync(testServer)) throw new Error('no time-skipping server in .tools/bin: run `npm run tools`');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'duban-test-'));
  // PostgreSQL runs as its own user when we are root: it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const pg = await startPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort() });
  globalThis.__dubanStop = [pg.stop];

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const temporal = await startTemporal({ port: await freePort(), headless: true, logLevel: 'never' });
    globalThis.__dubanStop.unshift(temporal.stop);
    temporalAddress = temporal.address;
  }

  process.env.DATABASE_URL = pg.url;
  process.env.TEMPORAL_ADDRESS = temporalAddress;
  process.env.TEMPORAL_TEST_SERVER_PATH = testServer;
  process.env.TEMPORAL_VERSION_CHECK_DISABLED = '1';
  process.env.DUBAN_TEST_DATA_DIR = dataDir;
  // Sign-in for the tests: a fresh key per run, and known passwords for admin and the demo users.
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  process.env.ADMIN_PASSWORD = 'admin-test-2026';
  process.env.DEMO_PASSWORD = 'demo-test-2026';
  // Every test API signs in many users from 127.0.0.1; the sign-in limit has its own test.
  process.env.RATE_LIMIT_AUTH ??= '10000';

  const duban = (command) =>
    execFileSync(process.execPath, [path.join(root, 'bin', 'duban.js'), command], {
      env: process.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  duban('migrate');
  duban('seed-demo');
}
