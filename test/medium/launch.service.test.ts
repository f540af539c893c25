import { Global, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceError, WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDay } from '../../libs/clock';
import { ConfigModule } from '../../libs/config';
import { DatabaseModule } from '../../libs/database';
import { LaunchModule, LaunchService } from '../../libs/launch';
import type { DocumentWorkflowInput } from '../../libs/launch/launch.definitions';
import { TEMPORAL_CLIENT } from '../../libs/temporal';
import { importedDocumentRows } from '../factories/rows';

/** Records workflow starts and answers as the server would: a taken workflow id is refused. */
class FakeTemporalClient {
  readonly starts: { workflowType: string; options: WorkflowStartOptions }[] = [];
  refuseWith: Error | null = null;
  readonly workflow = {
    start: (workflowType: string, options: WorkflowStartOptions) => {
      if (this.refuseWith) return Promise.reject(this.refuseWith);
      if (this.starts.some((s) => s.options.workflowId === options.workflowId)) {
        return Promise.reject(
          new WorkflowExecutionAlreadyStartedError('already started', options.workflowId, workflowType),
        );
      }
      this.starts.push({ workflowType, options });
      return Promise.resolve({ workflowId: options.workflowId });
    },
  };
}

const temporal = new FakeTemporalClient();

@Global()
@Module({ providers: [{ provide: TEMPORAL_CLIENT, useValue: temporal }], exports: [TEMPORAL_CLIENT] })
class FakeTemporalModule {}

@Module({ imports: [ConfigModule, DatabaseModule, FakeTemporalModule, LaunchModule] })
class LaunchUnderTest {}

/** Medium tier: the real launch service and its SQL on the test PostgreSQL, Temporal faked. */
describe('LaunchService on PostgreSQL with a fake Temporal client', () => {
  let app: INestApplicationContext;
  let launches: LaunchService;
  let db: DataSource;
  const dueDate = addDays(shanghaiDay(new Date()), 20);
  const docState = async (id: string) =>
    (await db.query<{ status: string }[]>('SELECT status FROM policy_document WHERE id = $1', [id]))[0].status;
  const taskRows = (documentId: string) =>
    db.query<{ id: string; due_date: string | null; workflow_id: string | null }[]>(
      'SELECT id, due_date::text, workflow_id FROM task WHERE document_id = $1 ORDER BY id',
      [documentId],
    );

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(LaunchUnderTest, { logger: false });
    launches = app.get(LaunchService);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(() => {
    temporal.refuseWith = null;
  });

  it('marks the document launched, sets every task, and starts one document workflow by its business key', async () => {
    const rows = await importedDocumentRows(db, { measures: 2, agencies: 3 });
    const result = await launches.launch(rows.documentId, { dueDate });
    expect(result).toMatchObject({ documentId: rows.documentId, dueDate, tasks: 6, alreadyLaunched: false });
    expect(await docState(rows.documentId)).toBe('launched');
    for (const t of await taskRows(rows.documentId))
      expect(t).toEqual({ id: t.id, due_date: dueDate, workflow_id: `task-${t.id}` });
    const start = temporal.starts.find((s) => s.options.workflowId === `document-${rows.documentId}`);
    // Ids only: the workflows load the settings and tasks (launch-by-id), so the input never grows.
    expect(start?.options.args).toEqual([{ documentId: rows.documentId } satisfies DocumentWorkflowInput]);
  });

  it('refuses a document without tasks with NO_TASKS, storing nothing', async () => {
    const rows = await importedDocumentRows(db, { measures: 2, agencies: 0 });
    await expect(launches.launch(rows.documentId, { dueDate })).rejects.toMatchObject({ code: 'NO_TASKS' });
    expect(await docState(rows.documentId)).toBe('imported');
    expect(temporal.starts.some((s) => s.options.workflowId === `document-${rows.documentId}`)).toBe(false);
  });

  it('reports a start the server refused on its merits as WORKFLOW_REFUSED, not as an outage to retry', async () => {
    const rows = await importedDocumentRows(db);
    const grpc = Object.assign(new Error('3 INVALID_ARGUMENT: Blob data size exceeds limit.'), {
      code: 3,
      details: 'Blob data size exceeds limit.',
      metadata: {},
    });
    temporal.refuseWith = new ServiceError('Failed to start Workflow', { cause: grpc });
    await expect(launches.launch(rows.documentId, { dueDate })).rejects.toMatchObject({ code: 'WORKFLOW_REFUSED' });
    expect(await docState(rows.documentId)).toBe('imported');
    temporal.refuseWith = new ServiceError('Failed to start Workflow', {
      cause: Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'No connection', metadata: {} }),
    });
    await expect(launches.launch(rows.documentId, { dueDate })).rejects.toMatchObject({ code: 'WORKFLOW_UNAVAILABLE' });
  });

  it('starts nothing new when launched again with the same date, and refuses another date', async () => {
    const rows = await importedDocumentRows(db);
    await launches.launch(rows.documentId, { dueDate });
    const before = temporal.starts.length;
    await expect(launches.launch(rows.documentId, { dueDate })).resolves.toMatchObject({ alreadyLaunched: true });
    expect(temporal.starts.length).toBe(before);
    await expect(launches.launch(rows.documentId, { dueDate: addDays(dueDate, 1) })).rejects.toMatchObject({
      code: 'ALREADY_LAUNCHED',
    });
  });

  it('leaves the document unlaunched when Temporal refuses the start', async () => {
    const rows = await importedDocumentRows(db);
    temporal.refuseWith = new Error('connection refused');
    await expect(launches.launch(rows.documentId, { dueDate })).rejects.toMatchObject({ code: 'WORKFLOW_UNAVAILABLE' });
    expect(await docState(rows.documentId)).toBe('imported');
    for (const t of await taskRows(rows.documentId)) expect(t.workflow_id).toBeNull();
  });

  it('refuses a due date that is not after today, storing nothing', async () => {
    const rows = await importedDocumentRows(db);
    await expect(launches.launch(rows.documentId, { dueDate: shanghaiDay(new Date()) })).rejects.toMatchObject({
      code: 'DUE_DATE_IN_PAST',
    });
    expect(await docState(rows.documentId)).toBe('imported');
  });
});
