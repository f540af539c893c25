import type { MigrationInterface, QueryRunner } from 'typeorm';

const MUNICIPAL = [
  '市民政局',
  '市教委',
  '市住房城乡建设委',
  '市医保局',
  '市卫生健康委',
  '市人社局',
  '市公安局',
  '市司法局',
  '市市场监管委',
  '市文化和旅游局',
  '市委网信办',
  '市应急管理局',
  '市发展改革委',
  '市财政局',
  '市数据局',
  '市疾控局',
  '市妇儿工委办',
];
const PEOPLES_ORGANISATIONS = ['团市委', '市妇联', '市残联'];
// Tianjin's 16 districts: 各区人民政府 expands to their governments, one task each.
const DISTRICTS = [
  '和平区',
  '河东区',
  '河西区',
  '南开区',
  '河北区',
  '红桥区',
  '东丽区',
  '西青区',
  '津南区',
  '北辰区',
  '武清区',
  '宝坻区',
  '宁河区',
  '静海区',
  '蓟州区',
  '滨海新区',
];
const GENERIC = ['有关部门', '各有关部门', '有关单位', '各有关单位', '各有关部门和单位', '有关部门和单位'];
// Short forms seen in Tianjin documents for the canonical names above.
const ALIASES: [string, string][] = [
  ['市住建委', '市住房城乡建设委'],
  ['市卫健委', '市卫生健康委'],
  ['市人力社保局', '市人社局'],
  ['市发改委', '市发展改革委'],
  ['市市场监管局', '市市场监管委'],
  ['市网信办', '市委网信办'],
  ['市文旅局', '市文化和旅游局'],
  ['市高院', '市高级人民法院'],
  ['市检察院', '市人民检察院'],
  ['市医疗保障局', '市医保局'],
  ['市疾病预防控制局', '市疾控局'],
];

/** The agency registry: kinds, aliases and groups that expand, seeded with Tianjin's bodies. */
export class Registry1764700000000 implements MigrationInterface {
  name = 'Registry1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency
        ADD COLUMN kind text NOT NULL DEFAULT 'unknown' CHECK (kind IN ('municipal_department',
          'district_government', 'court', 'procuratorate', 'peoples_organisation', 'central_ministry',
          'generic', 'unknown')),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE agency_alias (
        alias text PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agency_group (
        name text PRIMARY KEY,
        description text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agency_group_member (
        group_name text NOT NULL REFERENCES agency_group (name) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
        PRIMARY KEY (group_name, agency_id)
      )`);
    const upsert = async (names: string[], kind: string) => {
      await q.query(
        `INSERT INTO agency (name, kind) SELECT unnest($1::text[]), $2
         ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind`,
        [names, kind],
      );
    };
    await upsert(MUNICIPAL, 'municipal_department');
    await upsert(PEOPLES_ORGANISATIONS, 'peoples_organisation');
    await upsert(['市高级人民法院'], 'court');
    await upsert(['市人民检察院'], 'procuratorate');
    await upsert(['天津金融监管局'], 'central_ministry');
    await upsert(GENERIC, 'generic');
    await upsert(
      DISTRICTS.map((d) => `${d}人民政府`),
      'district_government',
    );
    for (const [alias, name] of ALIASES) {
      await q.query(`INSERT INTO agency_alias (alias, agency_id) SELECT $1, id FROM agency WHERE name = $2`, [
        alias,
        name,
      ]);
    }
    await q.query(`INSERT INTO agency_group (name, description) VALUES ('各区人民政府', '天津市16个区人民政府')`);
    await q.query(
      `INSERT INTO agency_group_member (group_name, agency_id)
       SELECT '各区人民政府', id FROM agency WHERE name = ANY($1::text[])`,
      [DISTRICTS.map((d) => `${d}人民政府`)],
    );
    // Tasks remember where they came from: the party as written and the attribution's span.
    await q.query(`
      ALTER TABLE task
        ADD COLUMN source text NOT NULL DEFAULT 'explicit'
          CHECK (source IN ('explicit', 'alias', 'group', 'implied', 'correction')),
        ADD COLUMN party_as_written text,
        ADD COLUMN attribution_start int,
        ADD COLUMN attribution_end int`);
    await q.query(`
      CREATE TABLE import_draft (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_text text NOT NULL,
        parse jsonb NOT NULL,
        corrections jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'preview' CHECK (status IN ('preview', 'confirmed')),
        revises_document_id uuid REFERENCES policy_document (id) ON DELETE RESTRICT,
        document_id uuid REFERENCES policy_document (id) ON DELETE RESTRICT,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE policy_document ADD COLUMN supersedes_id uuid REFERENCES policy_document (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE policy_document DROP COLUMN supersedes_id');
    await q.query('DROP TABLE import_draft');
    await q.query(`ALTER TABLE task DROP COLUMN source, DROP COLUMN party_as_written,
      DROP COLUMN attribution_start, DROP COLUMN attribution_end`);
    await q.query('DROP TABLE agency_group_member');
    await q.query('DROP TABLE agency_group');
    await q.query('DROP TABLE agency_alias');
    await q.query('ALTER TABLE agency DROP COLUMN kind, DROP COLUMN updated_at');
  }
}
