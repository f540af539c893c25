import 'reflect-metadata';
import { ensureFirstAdmin, UsersService } from '../../../libs/auth';
import { apiConfig } from '../../../libs/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = apiConfig();
  const app = await createApi();
  const admin = await ensureFirstAdmin(app.get(UsersService), config.auth.initialAdminPassword);
  if (admin.generatedPassword) {
    console.log(`首次启动：已创建管理员 admin，一次性密码 ${admin.generatedPassword}（请登录后立即修改）`);
  }
  await app.listen(config.http.port, config.http.host);
  console.log(`duban api listening on http://${config.http.host}:${config.http.port} (web app: /, OpenAPI: /api/docs)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
