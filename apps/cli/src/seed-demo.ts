import { DataSource } from 'typeorm';
import { UsersService, passwordProblem } from '../../../libs/auth';
import { randomToken } from '../../../libs/auth/password';
import { dataSourceOptions } from '../../../libs/database';
import { AuditService } from '../../../libs/audit';
import { RegistryService } from '../../../libs/documents';

/**
 * Sample accounts for the seed document's agencies: `coordinator` (市民政局), `leader`, and one
 * liaison per registered agency named `liaison.<单位>`. Existing usernames are left alone.
 */
export async function seedDemo(databaseUrl: string, configured: string | null): Promise<string[]> {
  const password = configured ?? `${randomToken(9)}7d`;
  const problem = passwordProblem(password);
  if (problem) throw new Error(`DEMO_PASSWORD: ${problem}`);
  const db = new DataSource(dataSourceOptions(databaseUrl));
  await db.initialize();
  try {
    const users = new UsersService(db);
    const existing = new Set((await users.list()).map((u) => u.username));
    const agencies = await new RegistryService(db, new AuditService(db)).namedAgencies();
    const minzheng = agencies.find((a) => a.name === '市民政局');
    const wanted = [
      {
        username: 'coordinator',
        displayName: '市民政局 协调处室',
        roles: ['coordinator' as const],
        agencyIds: minzheng ? [minzheng.id] : [],
      },
      { username: 'leader', displayName: '市政府 分管领导', roles: ['leader' as const], agencyIds: [] },
      ...agencies.map((a) => ({
        username: `liaison.${a.name}`,
        displayName: `${a.name} 联络员`,
        roles: ['liaison' as const],
        agencyIds: [a.id],
      })),
    ];
    const created: string[] = [];
    for (const u of wanted.filter((w) => !existing.has(w.username))) {
      await users.create({ ...u, password });
      created.push(u.username);
    }
    return configured || created.length === 0 ? created : [...created, `（密码：${password}）`];
  } finally {
    await db.destroy();
  }
}
