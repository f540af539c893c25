import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  for (const stop of globalThis.__dubanStop ?? []) await stop();
  if (process.env.DUBAN_TEST_DATA_DIR) rmSync(process.env.DUBAN_TEST_DATA_DIR, { recursive: true, force: true });
}
