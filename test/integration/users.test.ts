import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit';
import { UsersService } from '../../libs/auth';
import { dataSourceOptions } from '../../libs/database';
import { RegistryService } from '../../libs/documents/registry/registry.service';

/** Real PostgreSQL: the leaders who supervise (分管) an agency, as notifications will ask for them. */
describe('leaders for an agency', () => {
  let db: DataSource;
  let users: UsersService;
  let registry: RegistryService;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
    const audit = new AuditService(db);
    users = new UsersService(db, audit);
    registry = new RegistryService(db, audit);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const leader = (name: string) =>
    users.create({
      username: `${name}.${tag}`,
      displayName: name,
      password: `Leaders-${tag}-2026`,
      roles: ['leader'],
      agencyIds: [],
    });

  it('answers the supervising leaders, or every active leader where the agency has none', async () => {
    const agency = await registry.createAgency({ name: `分管测试单位${tag}`, kind: 'unknown', aliases: [] });
    const [a, b] = [await leader('分管领导甲'), await leader('分管领导乙')];
    const ids = async () => (await users.leadersFor(agency.id)).map((r) => r.userId);

    expect(await ids()).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids()).toEqual((await users.withRole('leader')).map((r) => r.userId));

    const updated = await users.update(a.id, { supervisedAgencyIds: [agency.id] });
    expect(updated.supervisedAgencies).toEqual([{ id: agency.id, name: agency.name }]);
    expect(await users.leadersFor(agency.id)).toEqual([{ userId: a.id, email: null }]);

    // A disabled leader supervises nobody: the agency falls back to all active leaders.
    await users.update(a.id, { disabled: true });
    const fallback = await ids();
    expect(fallback).toContain(b.id);
    expect(fallback).not.toContain(a.id);
  });

  it('refuses an agency id that names no agency, changing nothing', async () => {
    const a = await leader('分管领导丙');
    await expect(
      users.update(a.id, { supervisedAgencyIds: [randomUUID()], displayName: '改名' }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_AGENCY',
    });
    expect((await users.get(a.id)).displayName).toBe('分管领导丙');
  });
});
