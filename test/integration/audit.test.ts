import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, runWithAuditContext } from '../../libs/audit';
import { dataSourceOptions } from '../../libs/database';
import { RegistryService } from '../../libs/documents/registry/registry.service';

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  request_id: string | null;
  before: unknown;
  after: unknown;
}

/** Real PostgreSQL, migrated up from empty by the global setup. */
describe('audit log', () => {
  let db: DataSource;
  let audit: AuditService;
  let registry: RegistryService;
  const actor = { actorId: randomUUID(), actorName: '审计测试员', requestId: `it-${randomUUID()}` };
  const entriesFor = async (targetId: string) =>
    db.query<AuditRow[]>('SELECT * FROM audit_log WHERE target_id = $1 ORDER BY id', [targetId]);

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
    await db.initialize();
    audit = new AuditService(db);
    registry = new RegistryService(db, audit);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const targetId = randomUUID();
    await db.transaction((tx) => audit.record(tx, { action: 'test.write', targetType: 'test', targetId }));
    const [row] = await entriesFor(targetId);
    expect(row).toMatchObject({ actor_name: 'system', actor_id: null, request_id: null });
    await expect(db.query(`UPDATE audit_log SET action = 'forged' WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE id = $1', [row.id])).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await entriesFor(targetId)).toEqual([row]);
  });

  it('leaves no entry when the write it records rolls back', async () => {
    // Fails at COMMIT, after every statement of the service's transaction (the audit insert included) ran.
    const marker = `审计回滚-${randomUUID()}`;
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name LIKE '审计回滚-%' THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER audit_test_refuse_commit AFTER INSERT ON agency
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_test_refuse_commit()`);
    try {
      await expect(
        runWithAuditContext(actor, () => registry.createAgency({ name: marker, kind: 'unknown', aliases: [] })),
      ).rejects.toThrow(/refused at commit/);
      expect(await db.query('SELECT 1 FROM agency WHERE name = $1', [marker])).toHaveLength(0);
      const leftovers = await db.query<unknown[]>(`SELECT 1 FROM audit_log WHERE after->>'name' = $1`, [marker]);
      expect(leftovers).toHaveLength(0);
    } finally {
      await db.query('DROP TRIGGER audit_test_refuse_commit ON agency');
      await db.query('DROP FUNCTION audit_test_refuse_commit');
    }
  });

  it('leaves exactly one entry, with before and after, for a committed write', async () => {
    const name = `审计单位-${randomUUID()}`;
    const alias = `审计简称-${randomUUID()}`;
    const created = await runWithAuditContext(actor, () =>
      registry.createAgency({ name, kind: 'unknown', aliases: [] }),
    );
    const updated = await runWithAuditContext(actor, () =>
      registry.updateAgency(created.id, { kind: 'municipal_department', addAliases: [alias] }),
    );
    expect(updated).toMatchObject({ kind: 'municipal_department', aliases: [alias] });

    const rows = await entriesFor(created.id);
    expect(rows.map((r) => r.action)).toEqual(['agency.create', 'agency.update']);
    for (const r of rows) {
      expect(r).toMatchObject({
        actor_id: actor.actorId,
        actor_name: actor.actorName,
        request_id: actor.requestId,
        target_type: 'agency',
      });
    }
    expect(rows[0].before).toBeNull();
    expect(rows[0].after).toEqual({ name, kind: 'unknown', aliases: [] });
    expect(rows[1].before).toEqual({ name, kind: 'unknown', aliases: [] });
    expect(rows[1].after).toEqual({ name, kind: 'municipal_department', aliases: [alias] });
  });
});
