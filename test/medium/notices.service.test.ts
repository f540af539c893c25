import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import PizZip from 'pizzip';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../libs/config';
import { DatabaseModule } from '../../libs/database';
import { NoticesModule, NoticesService } from '../../libs/notices';
import { agencyRow, importedDocumentRows } from '../factories/rows';

@Module({ imports: [ConfigModule, DatabaseModule, NoticesModule] })
class NoticesUnderTest {}

const LAUNCHED_AT = '2026-03-02T02:00:00Z'; // 10:00 Beijing, a Monday
const docxText = (bytes: Buffer) =>
  new PizZip(bytes)
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');

/** Medium tier: the notices service and its repository on the test PostgreSQL, rows written by hand. */
describe('numbered notices', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let notices: NoticesService;

  /** A document launched on LAUNCHED_AT: every task has a workflow id. */
  const launched = async (measures: number, agencies: number) => {
    const rows = await importedDocumentRows(db, { measures, agencies });
    await db.query(
      `UPDATE policy_document SET status = 'launched', launched_at = $2, due_date = '2026-03-31' WHERE id = $1`,
      [rows.documentId, LAUNCHED_AT],
    );
    await db.query(
      `UPDATE task SET state = 'issued', workflow_id = 'task-' || id, due_date = '2026-03-31'
      WHERE document_id = $1`,
      [rows.documentId],
    );
    return rows;
  };
  const urge = (taskId: string, seq: number, at: string, offset = 3) =>
    db.query(
      `INSERT INTO task_event (task_id, seq, type, to_state, actor, detail, occurred_at)
       VALUES ($1, $2, 'rung', 'issued', 'system', $3, $4)`,
      [
        taskId,
        seq,
        JSON.stringify({ rule: 'urge', label: '催办', offset, dueDate: '2026-03-31', day: at.slice(0, 10) }),
        at,
      ],
    );

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(NoticesUnderTest, { logger: false });
    db = app.get(DataSource);
    notices = app.get(NoticesService);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives concurrent callers the same numbers, each once', async () => {
    const rows = await launched(2, 5);
    const lists = await Promise.all(Array.from({ length: 8 }, () => notices.list(rows.documentId, null)));
    for (const l of lists) expect(l).toEqual(lists[0]);
    expect(lists[0].map((n) => n.number).sort()).toEqual(
      ['督〔2026〕1号', '督〔2026〕2号', '督〔2026〕3号', '督〔2026〕4号', '督〔2026〕5号'].sort(),
    );
    expect(new Set(lists[0].map((n) => n.agencyId))).toEqual(new Set(rows.agencyIds));
    expect(lists[0].every((n) => n.day === '2026-03-02')).toBe(true);
  });

  it('refuses a second number for a notice, and one number twice, in the database', async () => {
    const rows = await launched(1, 2);
    await notices.list(rows.documentId, null);
    const insert = (agencyId: string, seq: number) =>
      db.query(
        `INSERT INTO notice (document_id, agency_id, kind, day, year, seq, number)
         VALUES ($1, $2, 'supervision', '2026-03-02', 2026, $3::int, '督〔2026〕' || $3::text || '号')`,
        [rows.documentId, agencyId, seq],
      );
    await expect(insert(rows.agencyIds[0], 9)).rejects.toMatchObject({ code: '23505' });
    await expect(insert(await agencyRow(db), 1)).rejects.toMatchObject({ code: '23505' });
  });

  it('adds a 催办通知书 per agency and firing day, numbered after those given, listing working days overdue', async () => {
    const rows = await launched(2, 2);
    const before = await notices.list(rows.documentId, null);
    expect(before.map((n) => n.kind)).toEqual(['supervision', 'supervision']);
    // Both tasks of the first agency urged on 3 April (Beijing), one of the second's the day after.
    const [a1, b1, a2] = rows.taskIds;
    await urge(a1, 1, '2026-04-03T01:00:00Z');
    await urge(a2, 1, '2026-04-03T01:00:00Z');
    await urge(b1, 1, '2026-04-06T01:00:00Z', 5);
    const after = await notices.list(rows.documentId, null);
    expect(after.slice(0, 2)).toEqual(before);
    const urges = after.filter((n) => n.kind === 'urge');
    expect(urges.map((n) => [n.agencyId, n.day, n.number])).toEqual([
      [rows.agencyIds[0], '2026-04-03', '催〔2026〕1号'],
      [rows.agencyIds[1], '2026-04-06', '催〔2026〕2号'],
    ]);
    const text = docxText((await notices.file(rows.documentId, urges[0].id, 'docx', null)).bytes);
    expect(text).toContain('（1）措施1');
    expect(text).toContain('（2）措施2');
    expect(text).toContain('3个工作日');
    expect(text).toContain('2026年3月31日');
    // Scoped: the other agency's liaison finds neither its list entry nor the file.
    expect(await notices.list(rows.documentId, [rows.agencyIds[1]])).toHaveLength(2);
    await expect(notices.file(rows.documentId, urges[0].id, 'pdf', [rows.agencyIds[1]])).rejects.toMatchObject({
      code: 'NOTICE_NOT_FOUND',
    });
  });

  it('leaves out the successor of a 转办 and documents not launched', async () => {
    const rows = await launched(1, 1);
    const successor = await agencyRow(db);
    await db.query(
      `INSERT INTO task (document_id, measure_id, agency_id, role, state, workflow_id, reassigned_from, source)
       VALUES ($1, $2, $3, 'shared', 'issued', 'task-successor-' || gen_random_uuid(), $4, 'reassigned')`,
      [rows.documentId, rows.measureIds[0], successor, rows.taskIds[0]],
    );
    expect((await notices.list(rows.documentId, null)).map((n) => n.agencyId)).toEqual([rows.agencyIds[0]]);
    const draft = await importedDocumentRows(db, { measures: 1, agencies: 1 });
    expect(await notices.list(draft.documentId, null)).toEqual([]);
  });
});
