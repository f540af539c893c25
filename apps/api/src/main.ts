import 'reflect-metadata';
import { loadConfig } from '../../../libs/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi();
  await app.listen(config.http.port, config.http.host);
  console.log(`duban api listening on http://${config.http.host}:${config.http.port} (OpenAPI: /docs)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
