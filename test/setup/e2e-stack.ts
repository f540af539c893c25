import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type AppProcess, freePort, startApp } from './processes';

/** What an end-to-end suite runs against: the built API and worker as processes on their own task queue. */
export interface E2eStack {
  base: string;
  /** The suite's own Temporal task queue. */
  queue: string;
  api: AppProcess;
  worker: AppProcess;
  /** PostgreSQL, for checks the API does not answer. */
  db: Client;
  /** Polls until `check` holds (60 s by default); E2E_DEBUG=1 prints both processes' output on a timeout. */
  waitFor(what: string, check: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
}

/**
 * Starts the stack before the suite's tests and stops it after them. The fields are set once
 * `beforeAll` has run, so read them inside hooks and tests.
 */
export function useE2eStack(name: string, env: Record<string, string> = {}): E2eStack {
  const stack = {
    waitFor: async (what: string, check: () => Promise<boolean>, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) {
          if (process.env.E2E_DEBUG) console.log(stack.api.output(), stack.worker.output());
          throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  } as E2eStack;
  beforeAll(async () => {
    const port = String(await freePort());
    stack.queue = env.TEMPORAL_TASK_QUEUE ?? `${name}-${randomUUID()}`;
    const all = { ...env, TEMPORAL_TASK_QUEUE: stack.queue, PORT: port };
    stack.db = new Client({ connectionString: process.env.DATABASE_URL });
    await stack.db.connect();
    [stack.worker, stack.api] = await Promise.all([
      startApp('worker', all, /duban worker started/),
      startApp('api', all, /listening on/),
    ]);
    stack.base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await Promise.all([stack.api?.stop(), stack.worker?.stop()]);
    await stack.db?.end();
  });
  return stack;
}
