import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type Http, signedIn } from '../setup/http';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const shared = path.resolve(__dirname, '../../../shared');
const seed = readFileSync(path.join(shared, 'seed/tianjin-2026-difficult-children-welfare.txt'), 'utf8');
const employment = readFileSync(path.join(shared, 'corpus/guofa-2018-39-cujin-jiuye.txt'), 'utf8');

interface Preview {
  id: string;
  status: string;
  plan: {
    taskCount: number;
    unresolved: { party: string; reason: 'unknown' | 'generic'; measures: number[] }[];
    tasks: { measure: number; party: string; agencyName: string; role: string; source: string }[];
  };
  corrections: { op: string; by: string; reason: string }[];
  diff: { added: unknown[]; removed: unknown[]; changed: { number: string; partiesAdded: string[] }[] } | null;
}

/** Preview, correct and confirm over HTTP, against the real API and PostgreSQL. */
describe('importing a document through the preview', () => {
  let api: AppProcess;
  let http: Http;
  let admin: Http;
  let db: Client;
  const stored = async () =>
    (
      await db.query(`SELECT (SELECT count(*) FROM policy_document)::int AS documents,
                             (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM agency)::int AS agencies`)
    ).rows[0] as Record<string, number>;

  beforeAll(async () => {
    const port = await freePort();
    api = await startApp('api', { PORT: String(port), TEMPORAL_TASK_QUEUE: `imp-${randomUUID()}` }, /listening on/);
    const base = `http://127.0.0.1:${port}`;
    [http, admin] = await Promise.all([signedIn(base, 'coordinator'), signedIn(base, 'admin')]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await api?.stop();
    await db?.end();
  });

  it('refuses a one-step import with unregistered parties, then previews, corrects and confirms it', async () => {
    const before = await stored();
    const oneStep = await http.post('/documents').send({ text: employment });
    expect(oneStep.status).toBe(409);
    expect(oneStep.body.code).toBe('UNRESOLVED_PARTIES');
    expect(await stored()).toEqual(before);

    const created = await http.post('/imports').send({ text: employment, actor: '市政府办公厅 王' });
    expect(created.status).toBe(201);
    const preview = created.body as Preview;
    expect(preview.status).toBe('preview');
    const unresolved = preview.plan.unresolved;
    expect(unresolved.find((u) => u.party === '人力资源社会保障部')).toMatchObject({ reason: 'unknown' });
    expect(unresolved.find((u) => u.party === '有关部门和单位')).toMatchObject({ reason: 'generic' });
    const warnings = (created.body as { parse: { warnings: { code: string; message: string }[] } }).parse.warnings;
    expect(warnings.some((w) => w.code === 'UNKNOWN_AGENCY' && w.message.includes('人力资源社会保障部'))).toBe(true);
    expect(await stored()).toEqual(before);

    const early = await http.post(`/imports/${preview.id}/confirm`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('UNRESOLVED_PARTIES');
    expect(await stored()).toEqual(before);

    // One ministry is mapped to an agency an admin registers first; the rest are created; generics dropped.
    const mohrss = await admin.post('/agencies').send({ name: '人社部', kind: 'central_ministry', aliases: [] });
    expect(mohrss.status).toBe(201);
    const edits = unresolved.map((u) =>
      u.reason === 'generic'
        ? { op: 'dropParty', party: u.party }
        : u.party === '人力资源社会保障部'
          ? { op: 'mapParty', party: u.party, agencyId: mohrss.body.id as string }
          : { op: 'createAgency', party: u.party, kind: 'central_ministry' },
    );
    const corrected = await http
      .post(`/imports/${preview.id}/corrections`)
      .send({ actor: '协调处室 李', reason: '国务院部委按全称登记，泛指单位不单列', edits });
    expect(corrected.status).toBe(200);
    const fixed = corrected.body as Preview;
    expect(fixed.plan.unresolved).toEqual([]);
    expect(fixed.corrections).toHaveLength(edits.length);
    expect(fixed.corrections[0]).toMatchObject({ by: '协调处室 李', reason: '国务院部委按全称登记，泛指单位不单列' });
    expect(fixed.plan.tasks.find((t) => t.party === '人力资源社会保障部')).toMatchObject({
      agencyName: '人社部',
      source: 'correction',
    });

    const badEdit = await http
      .post(`/imports/${preview.id}/corrections`)
      .send({ reason: 'x', edits: [{ op: 'setRole', measure: 99, party: '财政部', role: 'lead' }] });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body.code).toBe('INVALID_CORRECTION');

    const confirmed = await http.post(`/imports/${preview.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ taskCount: fixed.plan.taskCount, alreadyConfirmed: false });
    const again = await http.post(`/imports/${preview.id}/confirm`);
    expect(again.body).toMatchObject({ documentId: confirmed.body.documentId, alreadyConfirmed: true });
    const after = await stored();
    expect(after.documents).toBe(before.documents + 1);
    expect(after.tasks).toBe(before.tasks + fixed.plan.taskCount);
    const late = await http
      .post(`/imports/${preview.id}/corrections`)
      .send({ reason: 'x', edits: [{ op: 'dropMeasure', measure: 1 }] });
    expect(late.body.code).toBe('IMPORT_CONFIRMED');

    // Every task keeps its provenance: the party as written and the attribution quoted from the text.
    const tasks = await http.get('/tasks').query({ documentId: confirmed.body.documentId, pageSize: 500 });
    const one = (tasks.body.items as { id: string; measureNumber: string; agency: string }[]).find(
      (t) => t.measureNumber === '（一）' && t.agency === '人社部',
    );
    const detail = (await http.get(`/tasks/${one!.id}`)).body;
    expect(detail.provenance).toMatchObject({ source: 'correction', partyAsWritten: '人力资源社会保障部' });
    expect(detail.provenance.attributionText).toMatch(/^（人力资源社会保障部、财政部负责/);
  });

  it('shows what a revised document changes before anything changes', async () => {
    const original = await http.post('/documents').send({ text: seed });
    expect(original.status).toBe(201);
    const revised = seed.replace('（市民政局负责）', '（市民政局、市财政局按职责分工负责）');
    const before = await stored();
    const preview = await http.post('/imports').send({ text: revised, revisesDocumentId: original.body.id });
    expect(preview.status).toBe(201);
    const diff = (preview.body as Preview).diff;
    expect(diff?.added).toEqual([]);
    expect(diff?.removed).toEqual([]);
    expect(diff?.changed).toEqual([expect.objectContaining({ number: '（二）', partiesAdded: ['市财政局'] })]);
    expect(await stored()).toEqual(before);
  });

  it('takes plain-text uploads and refuses non-UTF-8, binary and oversized ones, storing nothing', async () => {
    const before = await stored();
    const gbk = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xd4, 0xf2, 0x0a]);
    const notUtf8 = await http.post('/imports/text').set('content-type', 'text/plain').send(gbk);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.code).toBe('NOT_UTF8');
    const binary = await http
      .post('/imports/text')
      .set('content-type', 'text/plain')
      .send(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    expect(binary.body.code).toBe('NOT_TEXT');
    const huge = await http
      .post('/imports/text')
      .set('content-type', 'text/plain')
      .send(Buffer.alloc(50 * 1024 * 1024, 0x61));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const empty = await http.post('/imports/text').set('content-type', 'text/plain').send(Buffer.from(''));
    expect(empty.status).toBe(400);
    const noItems = await http
      .post('/imports/text')
      .set('content-type', 'text/plain; charset=utf-8')
      .send(Buffer.from('只有一段话。', 'utf8'));
    expect(noItems.status).toBe(422);
    expect(noItems.body.code).toBe('NO_MEASURES');
    expect(await stored()).toEqual(before);
    const ok = await http
      .post('/imports/text')
      .set('content-type', 'text/plain; charset=utf-8')
      .send(Buffer.from(seed, 'utf8'));
    expect(ok.status).toBe(201);
    expect((ok.body as Preview).plan.taskCount).toBe(443);
  });

  it('previews a pasted task table, and refuses one without a lead column with 422', async () => {
    const post = (text: string) =>
      http.post('/imports/text').set('content-type', 'text/plain; charset=utf-8').send(Buffer.from(text, 'utf8'));
    const before = await stored();
    const refused = await post('序号\t工作任务\t单位\t完成时限\n1\t建立台账\t市民政局\t2026年底前\n');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('TABLE_WITHOUT_LEAD_COLUMN');
    expect(refused.body.message).toMatch(/没有“牵头单位”或“责任单位”列/);
    expect(await stored()).toEqual(before);
    const table = await post(
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t建立困境儿童信息台账\t市民政局\t市教委\t2026年底前\n',
    );
    expect(table.status).toBe(201);
    const body = table.body as Preview & {
      parse: { table: { columns: { readAs: string }[] }; measures: { timeLimit: { due: string } | null }[] };
    };
    expect(body.parse.table.columns.map((c) => c.readAs)).toEqual([
      'number',
      'task',
      'lead',
      'cooperating',
      'timeLimit',
    ]);
    expect(body.parse.measures[0].timeLimit?.due).toBe('2026-12-31');
    expect(body.plan.tasks.map((t) => [t.party, t.role])).toEqual([
      ['市民政局', 'lead'],
      ['市教委', 'cooperating'],
    ]);
  });

  it('edits the registry: kinds, aliases and groups, with clear conflicts', async () => {
    const groups = (await http.get('/agency-groups')).body as { name: string; members: unknown[] }[];
    expect(groups.find((g) => g.name === '各区人民政府')?.members).toHaveLength(16);
    const dup = await admin.post('/agencies').send({ name: '市民政局', kind: 'municipal_department' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('AGENCY_EXISTS');
    const created = await admin
      .post('/agencies')
      .send({ name: '市商务局', kind: 'municipal_department', aliases: ['市商委'] });
    expect(created.body).toMatchObject({ name: '市商务局', aliases: ['市商委'] });
    const taken = await admin.patch(`/agencies/${created.body.id}`).send({ addAliases: ['市住建委'] });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ALIAS_TAKEN');
    const found = await http.get('/agencies').query({ q: '市商委' });
    expect((found.body as { name: string }[]).map((a) => a.name)).toEqual(['市商务局']);
    const missing = await admin.put('/agency-groups/各开发区').send({ memberIds: [randomUUID()] });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('AGENCY_NOT_FOUND');
    const group = await admin
      .put('/agency-groups/各开发区')
      .send({ description: '测试', memberIds: [created.body.id] });
    expect(group.body.members).toEqual([{ id: created.body.id, name: '市商务局' }]);
  });
});
