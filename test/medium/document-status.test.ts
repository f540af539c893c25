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
});
