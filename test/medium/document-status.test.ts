import { Global, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDay } from '../../libs/clock';
import { ConfigModule } from '../../libs/config';
import { DatabaseModule } from '../../libs/database';
import { TaskQueryService, TasksModule } from '../../libs/tasks';
import { TEMPORAL_CLIENT } from '../../libs/temporal';
import { importedDocumentRows } from '../factories/rows';

@Global()
@Module({ providers: [{ provide: TEMPORAL_CLIENT, useValue: {} }], exports: [TEMPORAL_CLIENT] })
class NoTemporalModule {}

@Module({ imports: [ConfigModule, DatabaseModule, NoTemporalModule, TasksModule] })
class StatusUnderTest {}

/** Medium tier: the document roll-up on the test PostgreSQL, one "measure done" rule for every role. */
describe('document status roll-up', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let status: TaskQueryService;
  // Long overdue: an open task due three weeks ago reads red.
  const overdue = addDays(shanghaiDay(new Date()), -21);
  const setTask = (id: string, role: string, state: string) =>
    db.query(`UPDATE task SET role = $2, state = $3, due_date = $4 WHERE id = $1`, [id, role, state, overdue]);

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(StatusUnderTest, { logger: false });
    db = app.get(DataSource);
    status = app.get(TaskQueryService);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('never colours a done measure red because of an open cooperating task', async () => {
    const rows = await importedDocumentRows(db, { measures: 1, agencies: 2 });
    await setTask(rows.taskIds[0], 'lead', 'accepted');
    await setTask(rows.taskIds[1], 'cooperating', 'in_progress');
    const doc = await status.documentStatus(rows.documentId);
    expect(doc.measures[0].tasks.find((t) => t.role === 'cooperating')?.colour).toBe('red');
    expect(doc.measures[0]).toMatchObject({ done: true, colour: 'green' });
    expect(doc).toMatchObject({ done: true, measuresDone: 1, colour: 'green' });
  });

  it('counts a measure with only guiding or implied parties done once the coordinator closed them', async () => {
    const rows = await importedDocumentRows(db, { measures: 1, agencies: 2 });
    await setTask(rows.taskIds[0], 'guiding', 'accepted');
    await setTask(rows.taskIds[1], 'implied', 'cancelled');
    expect((await status.documentStatus(rows.documentId)).measures[0]).toMatchObject({ done: true, colour: 'green' });
    await setTask(rows.taskIds[1], 'implied', 'in_progress');
    expect((await status.documentStatus(rows.documentId)).measures[0]).toMatchObject({ done: false, colour: 'red' });
  });

  // Issue 9 rules 2 and 10 in SQL: the overdue filter and the clock of tasks under review.
  it('lists late submissions as overdue though their clock stands still under review, and on-time ones not', async () => {
    const rows = await importedDocumentRows(db, { measures: 1, agencies: 5 });
    const today = shanghaiDay(new Date());
    const due = addDays(today, -10);
    const [open, lateUnderReview, onTimeUnderReview, paused, acceptedLate] = rows.taskIds;
    const set = (id: string, state: string, pausedSince: string | null) =>
      db.query(`UPDATE task SET state = $2, due_date = $3, paused_since = $4 WHERE id = $1`, [
        id,
        state,
        due,
        pausedSince,
      ]);
    const submitted = (id: string, day: string) =>
      db.query(
        `INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
         VALUES ($1, 1, 'submit', 'in_progress', 'submitted', 'l', '{}', ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai')`,
        [id, day],
      );
    await set(open, 'in_progress', null);
    await set(lateUnderReview, 'submitted', addDays(due, 3));
    await submitted(lateUnderReview, addDays(due, 3));
    await set(onTimeUnderReview, 'submitted', addDays(due, -2));
    await submitted(onTimeUnderReview, addDays(due, -2));
    await set(paused, 'in_progress', addDays(due, -1));
    await set(acceptedLate, 'accepted', null);
    await db.query(
      `INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
       VALUES ($1, 1, 'accept', 'submitted', 'accepted', 'c', $2, now())`,
      [acceptedLate, JSON.stringify({ onTime: false, dueDate: due, submittedOn: addDays(due, 1), workingDaysLate: 1 })],
    );

    const list = await status.listTasks({
      documentId: rows.documentId,
      overdue: true,
      sort: 'dueDate',
      page: 1,
      pageSize: 50,
    });
    expect(list.items.map((t) => t.id).sort()).toEqual([open, lateUnderReview].sort());
    const byId = new Map(
      (await status.listTasks({ documentId: rows.documentId, sort: 'dueDate', page: 1, pageSize: 50 })).items.map(
        (t) => [t.id, t],
      ),
    );
    expect(byId.get(lateUnderReview)?.clock).toMatchObject({ colour: 'red', overdue: true });
    expect(byId.get(onTimeUnderReview)?.clock).toMatchObject({
      colour: 'green',
      overdue: false,
      explanation: '已提交，待审核',
    });
    expect(byId.get(paused)?.colour).toBe('grey');
    expect(byId.get(acceptedLate)?.clock.explanation).toContain('逾期办结');
  });
});
