// `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), Temporal (dev server unless
// TEMPORAL_ADDRESS is set), migrations, the worker and the API. Ctrl-C stops all of it.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, root, startPostgres, startTemporal, waitForPort } from './stack.mjs';

const stops = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nduban: stopping…');
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (err) {
      console.error(`duban: ${err.message}`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function runApp(name, env) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    env,
    stdio: 'inherit',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then((code) => {
    if (!stopping) {
      console.error(`duban: ${name} exited (${code}); stopping the rest`);
      void shutdown(1);
    }
  });
  stops.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  return child;
}

async function portIsFree(port) {
  try {
    await waitForPort(port, 200, 'probe');
    return false;
  } catch {
    return true;
  }
}

// The PDF notices (督办通知单, 催办通知书) need these; the same paths as CJK_FONTS in libs/notices/pdf-render.ts.
const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
];
const missingFonts = CJK_FONTS.filter((f) => !existsSync(f));
if (missingFonts.length) {
  console.warn(
    `duban: warning: Chinese fonts missing (${missingFonts.join(', ')}): PDF notices will answer 503 ` +
      `NOTICE_FONT_MISSING until you install them: sudo apt-get install fonts-noto-cjk (Word notices still work)`,
  );
}

try {
  const env = { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' };
  if (!env.JWT_SECRET) {
    // A signing key made once and kept with the local data, so sessions survive a restart.
    const keyFile = path.join(root, '.data', 'jwt-secret');
    if (!existsSync(keyFile)) {
      mkdirSync(path.dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    env.JWT_SECRET = readFileSync(keyFile, 'utf8').trim();
  }
  if (!env.DATABASE_URL) {
    const pg = await startPostgres({ dataDir: path.join(root, '.data', 'pg'), port: await freePort() });
    stops.push(pg.stop);
    env.DATABASE_URL = pg.url;
  }
  let temporalUi = null;
  if (!env.TEMPORAL_ADDRESS) {
    const port = (await portIsFree(7233)) ? 7233 : await freePort();
    const uiPort = (await portIsFree(8233)) ? 8233 : await freePort();
    const temporal = await startTemporal({ port, uiPort, dbFile: path.join(root, '.data', 'temporal.db') });
    stops.push(temporal.stop);
    env.TEMPORAL_ADDRESS = temporal.address;
    temporalUi = `http://127.0.0.1:${uiPort}`;
  }
  execFileSync(process.execPath, [path.join(root, 'bin', 'duban.js'), 'migrate'], { env, stdio: 'inherit' });

  const apiPort = Number(env.PORT ?? 3000);
  runApp('worker', env);
  runApp('api', { ...env, PORT: String(apiPort) });
  await waitForPort(apiPort, 60000, 'API');

  console.log(`
督办 Duban is running
  Web app      http://127.0.0.1:${apiPort}/
  API          http://127.0.0.1:${apiPort}/api
  OpenAPI      http://127.0.0.1:${apiPort}/api/docs
  Temporal UI  ${temporalUi ?? `(external Temporal at ${env.TEMPORAL_ADDRESS})`}
  PostgreSQL   ${env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}
Ctrl-C stops everything.`);
} catch (err) {
  console.error(`duban: ${err.message}`);
  await shutdown(1);
}
