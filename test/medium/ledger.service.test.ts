import { Global, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../libs/config';
import { DatabaseModule } from '../../libs/database';
import { LedgerModule, LedgerService, type LedgerSheet } from '../../libs/ledger';
import { TEMPORAL_CLIENT } from '../../libs/temporal';
import { agencyRow, type DocumentRows, importedDocumentRows } from '../factories/rows';

@Global()
@Module({ providers: [{ provide: TEMPORAL_CLIENT, useValue: {} }], exports: [TEMPORAL_CLIENT] })
class NoTemporalModule {}

@Module({ imports: [ConfigModule, DatabaseModule, NoTemporalModule, LedgerModule] })
class LedgerUnderTest {}

/** Medium tier: the ledger service and the tasks context's history reads on the test PostgreSQL. */
describe('the ledger as of a day, from the event history', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let ledger: LedgerService;
  let rows: DocumentRows;
  // Long after the days looked at, so "today" never decides anything.
  const now = new Date('2026-12-10T02:00:00Z');
  const event = (taskId: string, seq: number, type: string, to: string, beijing: string, detail = {}) =>
    db.query(
      `INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
       VALUES ($1, $2, $3, NULL, $4, '测试', $5, $6)`,
      [taskId, seq, type, to, JSON.stringify(detail), `${beijing}+08:00`],
    );
  const cells = (sheet: LedgerSheet, taskId: string) => {
    const headers = sheet.columns.map((c) => c.header);
    const row = sheet.rows.find((r) => r.taskId === taskId)!.cells;
    return Object.fromEntries(headers.map((h, i) => [h, row[i]]));
  };

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(LedgerUnderTest, { logger: false });
    db = app.get(DataSource);
    ledger = app.get(LedgerService);
    rows = await importedDocumentRows(db, { measures: 2, agencies: 2 });
    const [lead, coop, shared] = rows.taskIds;
    await db.query(`UPDATE task SET role = 'lead' WHERE id = $1`, [lead]);
    await db.query(`UPDATE task SET role = 'cooperating' WHERE id = $1`, [coop]);
    const issue = { dueDate: '2026-12-01', basis: '测试', agency: 'x' };
    await event(lead, 1, 'issue', 'issued', '2026-11-02T10:00:00', { ...issue, role: 'lead' });
    await event(lead, 2, 'acknowledge', 'in_progress', '2026-11-03T10:00:00');
    await event(lead, 3, 'progress', 'in_progress', '2026-11-10T10:00:00', { note: '已制定方案' });
    await event(lead, 4, 'rung', 'in_progress', '2026-11-24T09:00:00', {
      rule: 'reminder',
      label: '提醒',
      dueDate: '2026-12-01',
    });
    // The last instant of 11-25 counts for it; midnight belongs to the 26th.
    await event(lead, 5, 'instruction', 'in_progress', '2026-11-25T23:59:59', { text: '抓紧推进' });
    await event(lead, 6, 'progress', 'in_progress', '2026-11-26T00:00:00', { note: '第二次进展' });
    await event(lead, 7, 'submit', 'submitted', '2026-11-28T10:00:00', { evidence: '已完成' });
    await event(coop, 1, 'issue', 'issued', '2026-11-02T10:00:00', { ...issue, role: 'cooperating' });
    await event(shared, 1, 'issue', 'issued', '2026-11-02T10:00:00', { ...issue, role: 'shared' });
    // The mirror says something else entirely: the ledger does not read it.
    await db.query(`UPDATE task SET state = 'accepted', due_date = '2099-01-01' WHERE id = ANY($1::uuid[])`, [
      [lead, coop, shared],
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('rebuilds each issued task as of the end of the day, on that day’s clock', async () => {
    const [lead, coop, shared] = rows.taskIds;
    const sheet = await ledger.sheet(rows.documentId, '2026-11-25', {}, null, now);
    // The fourth task was never issued: no row.
    expect(sheet.rows.map((r) => r.taskId)).toEqual([lead, coop, shared]);
    expect(cells(sheet, lead)).toMatchObject({
      分工: '牵头',
      下发日期: '2026-11-02',
      办理时限: '2026-12-01',
      状态: '办理中',
      灯色: '黄灯',
      灯色依据: '截止 2026-12-01；2026-11-24 起进入「提醒」（截止日前 5 个工作日）',
      '剩余/逾期工作日': '剩余 4 个工作日',
      已触发节点: '提醒 2026-11-24',
      最新进展: '2026-11-10：已制定方案',
      领导批示: '2026-11-25 测试：抓紧推进',
      '2026年11月报送': '2026-11-10 进展：已制定方案',
    });
    expect(cells(sheet, coop)).toMatchObject({ 分工: '配合', 状态: '待签收', 灯色: '黄灯' });
    expect(sheet.measureSpans).toEqual([{ from: 0, to: 1 }]);
    const later = await ledger.sheet(rows.documentId, '2026-11-30', {}, null, now);
    expect(cells(later, lead)).toMatchObject({ 状态: '待审核', 最新进展: '2026-11-28：已完成' });
  });

  it('carries a 转办 predecessor’s fired rungs and extensions on to its successor', async () => {
    const [, , shared] = rows.taskIds;
    const other = await agencyRow(db);
    const [next] = await db.query<{ id: string }[]>(
      `INSERT INTO task (document_id, measure_id, agency_id, role, source, reassigned_from)
       SELECT document_id, measure_id, $2, role, 'reassigned', id FROM task WHERE id = $1 RETURNING id`,
      [shared, other],
    );
    await event(shared, 2, 'extension_approved', 'issued', '2026-11-05T10:00:00', {
      from: '2026-12-01',
      to: '2026-12-15',
      reason: '需协调',
    });
    await event(shared, 3, 'reassign', 'reassigned', '2026-11-06T10:00:00', {
      reason: '职责调整',
      to: { taskId: next.id, agency: '新单位' },
    });
    await event(next.id, 1, 'issue', 'issued', '2026-11-06T10:00:01', {
      dueDate: '2026-12-15',
      role: 'shared',
      reassignedFrom: { taskId: shared, agency: '原单位' },
    });
    const sheet = await ledger.sheet(rows.documentId, '2026-11-25', {}, [other], now);
    expect(sheet.rows.map((r) => r.taskId)).toEqual([next.id]);
    expect(cells(sheet, next.id)).toMatchObject({
      办理时限: '2026-12-15',
      延期: '1 次，延至 2026-12-15；依据：需协调',
      状态: '待签收',
    });
    expect(cells(sheet, next.id).备注).toContain('由原单位转办而来');
    const all = await ledger.sheet(rows.documentId, '2026-11-25', {}, null, now);
    expect(cells(all, shared)).toMatchObject({ 状态: '已转办', 灯色: '灰灯' });
  });

  it('gives a liaison the rows their task list shows: their own, and cooperators on measures they lead', async () => {
    const [lead, coop, shared] = rows.taskIds;
    const [leading, cooperating] = rows.agencyIds;
    const mine = await ledger.sheet(rows.documentId, '2026-11-25', {}, [leading], now);
    expect(mine.rows.map((r) => r.taskId)).toEqual([lead, coop, shared]);
    const theirs = await ledger.sheet(rows.documentId, '2026-11-25', {}, [cooperating], now);
    expect(theirs.rows.map((r) => r.taskId)).toEqual([coop]);
    const filtered = await ledger.sheet(rows.documentId, '2026-11-25', { role: 'lead', colour: 'yellow' }, null, now);
    expect(filtered.rows.map((r) => r.taskId)).toEqual([lead]);
  });

  it('refuses a day to come and an impossible one', async () => {
    await expect(ledger.sheet(rows.documentId, '2026-12-11', {}, null, now)).rejects.toMatchObject({
      code: 'AS_OF_IN_FUTURE',
    });
    await expect(ledger.sheet(rows.documentId, '2026-11-31', {}, null, now)).rejects.toMatchObject({
      code: 'INVALID_DATE',
    });
    const file = await ledger.export(rows.documentId, undefined, 'csv', {}, null, now);
    expect(file.name).toMatch(/^测试文件-.+任务落实台账（截至2026年12月10日）\.csv$/);
  });
});
