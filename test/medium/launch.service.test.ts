import { randomUUID } from 'node:crypto';
import { Global, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceError, WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CalendarService } from '../../libs/calendar/calendar.service';
import { addDays, shanghaiDay } from '../../libs/clock';
import { ConfigModule } from '../../libs/config';
import { DatabaseModule } from '../../libs/database';
import { DocumentsService } from '../../libs/documents';
import { createLaunchActivities, LaunchModule, LaunchService } from '../../libs/launch';
import { ONGOING_BASIS, yearEndAfter } from '../../libs/launch/domain/measure-due';
import { measurePeriod } from '../../libs/launch/domain/measure-periods';
import type { RecurringTimeLimit } from '../../libs/documents/parse/parse-result.types';
import { TasksService } from '../../libs/tasks/tasks.service';
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

  describe('per-measure due dates', () => {
    const today = shanghaiDay(new Date());
    const span = [0, 1];
    // Three measures: the text gives (1) a date ahead, (2) a date already past, (3) 长期坚持.
    const withTimeLimits = async () => {
      const rows = await importedDocumentRows(db, { measures: 3, agencies: 2 });
      const ahead = addDays(today, 40);
      const parse = {
        title: 't',
        measures: [
          { number: '（1）', timeLimit: { kind: 'date', due: ahead, raw: '限期完成', span, source: 'attribution' } },
          {
            number: '（2）',
            timeLimit: { kind: 'date', due: addDays(today, -30), raw: '上月底前', span, source: 'text' },
          },
          { number: '（3）', timeLimit: { kind: 'ongoing', raw: '长期坚持', span, source: 'attribution' } },
        ],
      };
      await db.query('UPDATE policy_document SET parse = $2 WHERE id = $1', [rows.documentId, JSON.stringify(parse)]);
      return { ...rows, ahead };
    };
    const auditCount = async (documentId: string) =>
      (
        await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log WHERE document_id = $1', [documentId])
      )[0].n;
    const taskDues = async (documentId: string) =>
      new Map(
        (
          await db.query<{ measure_id: string; due_date: string }[]>(
            'SELECT measure_id, due_date::text FROM task WHERE document_id = $1',
            [documentId],
          )
        ).map((t) => [t.measure_id, t.due_date]),
      );

    it('previews each measure: the text date, a past limit that needs a date, the ongoing year end; writes nothing', async () => {
      const rows = await withTimeLimits();
      const preview = await launches.preview(rows.documentId, {});
      expect(preview).toMatchObject({ dueDate: null, launchable: false, alreadyLaunched: false });
      expect(preview.measures.map((m) => [m.number, m.dueDate, m.dueBasis, m.problem?.code ?? null])).toEqual([
        ['（1）', rows.ahead, '文件规定：限期完成', null],
        ['（2）', null, null, 'TIME_LIMIT_PASSED'],
        ['（3）', yearEndAfter(today), ONGOING_BASIS, null],
      ]);
      expect(preview.measures[2]).toMatchObject({ reportsMonthly: true, reportCadence: { monthlyWorkingDay: 5 } });
      expect(preview.measures[0].timeLimit).toMatchObject({ kind: 'date', due: rows.ahead });

      // With a document-wide date the past limit falls back to it and says so; the others keep theirs.
      const withDate = await launches.preview(rows.documentId, { dueDate });
      expect(withDate.launchable).toBe(true);
      expect(withDate.measures[1]).toMatchObject({
        dueDate,
        source: 'document',
        problem: { code: 'TIME_LIMIT_PASSED', blocking: false },
      });
      expect(withDate.measures[0].dueDate).toBe(rows.ahead);
      expect(await docState(rows.documentId)).toBe('imported');
      expect(await auditCount(rows.documentId)).toBe(0);
    });

    it('refuses to launch while a measure has no date (DUE_REQUIRED), then stores each measure its own', async () => {
      const rows = await withTimeLimits();
      await expect(launches.launch(rows.documentId, {})).rejects.toMatchObject({
        code: 'DUE_REQUIRED',
        details: { measures: [{ measureId: rows.measureIds[1], number: '（2）', problem: 'TIME_LIMIT_PASSED' }] },
      });
      expect(await docState(rows.documentId)).toBe('imported');

      const picked = addDays(today, 10);
      const req = { measures: [{ measureId: rows.measureIds[1], dueDate: picked }] };
      expect((await launches.preview(rows.documentId, req)).launchable).toBe(true);
      // An upper-case UUID names the same measure.
      const upper = { measures: [{ measureId: rows.measureIds[1].toUpperCase(), dueDate: picked }] };
      expect((await launches.preview(rows.documentId, upper)).measures[1]).toMatchObject({ dueDate: picked });
      const result = await launches.launch(rows.documentId, req);
      const yearEnd = yearEndAfter(today);
      const latest = [rows.ahead, picked, yearEnd].sort().at(-1);
      expect(result).toMatchObject({ dueDate: latest, tasks: 6, alreadyLaunched: false });

      const dues = await taskDues(rows.documentId);
      expect([0, 1, 2].map((i) => dues.get(rows.measureIds[i]))).toEqual([rows.ahead, picked, yearEnd]);
      const measures = await db.query<{ due_date: string; due_basis: string; report_cadence: unknown }[]>(
        'SELECT due_date::text, due_basis, report_cadence FROM measure WHERE document_id = $1 ORDER BY seq',
        [rows.documentId],
      );
      expect(measures).toEqual([
        { due_date: rows.ahead, due_basis: '文件规定：限期完成', report_cadence: null },
        { due_date: picked, due_basis: '协调处室逐项指定', report_cadence: null },
        { due_date: yearEnd, due_basis: ONGOING_BASIS, report_cadence: { monthlyWorkingDay: 5 } },
      ]);

      // The measure workflow's activity hands each task its measure's date, basis and cadence.
      const activities = createLaunchActivities({
        documents: app.get(DocumentsService),
        tasks: app.get(TasksService),
        calendar: app.get(CalendarService),
      });
      const second = await activities.measureLaunch(rows.documentId, rows.measureIds[1]);
      expect(second.settings).toMatchObject({ dueDate: picked, dueBasis: '协调处室逐项指定', cadence: null });
      expect(second.tasks).toHaveLength(2);
      const third = await activities.measureLaunch(rows.documentId, rows.measureIds[2]);
      expect(third.settings).toMatchObject({ dueDate: yearEnd, cadence: { monthlyWorkingDay: 5 } });

      // Repeat-safe with the same dates; another date for a measure is a conflict.
      await expect(launches.launch(rows.documentId, req)).resolves.toMatchObject({ alreadyLaunched: true });
      await expect(
        launches.launch(rows.documentId, {
          measures: [{ measureId: rows.measureIds[1], dueDate: addDays(picked, 1) }],
        }),
      ).rejects.toMatchObject({
        code: 'ALREADY_LAUNCHED',
        details: { measureId: rows.measureIds[1], dueDate: picked },
      });
    });

    it("refuses a text date in a year the calendar lacks until the measure is given one; a recurring limit's first period", async () => {
      const rows = await importedDocumentRows(db, { measures: 2, agencies: 1 });
      const parse = {
        title: 't',
        measures: [
          { number: '（1）', timeLimit: { kind: 'date', due: '2150-12-31', raw: '到2150年', span, source: 'text' } },
          {
            number: '（2）',
            timeLimit: { kind: 'recurring', every: 'year', by: null, raw: '每年年底前', span, source: 'text' },
          },
        ],
      };
      await db.query('UPDATE policy_document SET parse = $2 WHERE id = $1', [rows.documentId, JSON.stringify(parse)]);
      const preview = await launches.preview(rows.documentId, { dueDate });
      expect(preview.launchable).toBe(false);
      expect(preview.measures[0].problem).toMatchObject({ code: 'CALENDAR_NOT_COVERED', blocking: true });
      expect(preview.measures[1]).toMatchObject({ dueDate: yearEndAfter(today), source: 'timeLimit', problem: null });
      expect(preview.measures[1].dueBasis).toContain('（第1期）');
      await expect(launches.launch(rows.documentId, { dueDate })).rejects.toMatchObject({
        code: 'CALENDAR_NOT_COVERED',
        details: { measures: [{ measureId: rows.measureIds[0], dueDate: '2150-12-31' }] },
      });
      const req = { dueDate, measures: [{ measureId: rows.measureIds[0], dueDate }] };
      await expect(launches.launch(rows.documentId, req)).resolves.toMatchObject({ alreadyLaunched: false, dueDate });
      const stored = await taskDues(rows.documentId);
      expect([stored.get(rows.measureIds[0]), stored.get(rows.measureIds[1])]).toEqual([dueDate, yearEndAfter(today)]);

      // The recurring measure's later periods: the measure workflow's activities write each period's tasks once.
      const calendar = app.get(CalendarService);
      const activities = createLaunchActivities({
        documents: app.get(DocumentsService),
        tasks: app.get(TasksService),
        calendar,
      });
      const yearly = parse.measures[1].timeLimit as RecurringTimeLimit;
      const second = measurePeriod(yearly, today, 2, await calendar.getWorkCalendar());
      const first = await activities.measureLaunch(rows.documentId, rows.measureIds[1]);
      expect(first.next).toEqual({ period: 2, issueAt: second.issueAt });
      expect((await activities.measureLaunch(rows.documentId, rows.measureIds[0])).next).toBeNull();
      const input = { documentId: rows.documentId, measureId: rows.measureIds[1], period: 2 };
      const issued = await activities.issuePeriod(input);
      expect(issued?.settings).toMatchObject({
        dueDate: second.due,
        dueBasis: `文件规定：每年年底前（每年一期，${second.label}（第2期），截止 ${second.due}）`,
        issuedOn: second.issueOn,
        period: 2,
      });
      expect(issued?.tasks.map((t) => [t.agencyName, t.role])).toEqual(first.tasks.map((t) => [t.agencyName, t.role]));
      expect(issued?.next).toMatchObject({ period: 3 });
      const again = await activities.issuePeriod(input);
      expect(again?.tasks.map((t) => t.taskId)).toEqual(issued?.tasks.map((t) => t.taskId));
      const periods = await db.query<{ period: number; due_date: string; workflow_id: string; id: string }[]>(
        'SELECT period, due_date::text, workflow_id, id FROM task WHERE measure_id = $1 ORDER BY period',
        [rows.measureIds[1]],
      );
      expect(periods.map((t) => [t.period, t.due_date, t.workflow_id])).toEqual([
        [1, yearEndAfter(today), `task-${periods[0].id}`],
        [2, second.due, `task-${periods[1].id}`],
      ]);
      // Withdrawn: no period follows.
      await db.query("UPDATE measure SET withdrawn_at = now(), withdraw_reason = '政策调整' WHERE id = $1", [
        rows.measureIds[1],
      ]);
      await expect(activities.issuePeriod({ ...input, period: 3 })).resolves.toBeNull();
    });

    it('keeps the document-wide date on every task and measure when the text gives no limits', async () => {
      const rows = await importedDocumentRows(db, { measures: 2, agencies: 1 });
      await launches.launch(rows.documentId, { dueDate });
      expect([...(await taskDues(rows.documentId)).values()]).toEqual([dueDate, dueDate]);
      const activities = createLaunchActivities({
        documents: app.get(DocumentsService),
        tasks: app.get(TasksService),
        calendar: app.get(CalendarService),
      });
      const launch = await activities.measureLaunch(rows.documentId, rows.measureIds[0]);
      expect(launch.settings).toMatchObject({ dueDate, dueBasis: '下发时指定日期', cadence: null });
    });

    it.each([
      [
        'a duplicate measure',
        (ids: string[]) => [ids[0], ids[0]].map((measureId) => ({ measureId, dueDate })),
        'DUPLICATE_MEASURE',
      ],
      ['a measure of another document', () => [{ measureId: randomUUID(), dueDate }], 'MEASURE_NOT_IN_DOCUMENT'],
      ['an impossible date', (ids: string[]) => [{ measureId: ids[0], dueDate: '2027-02-30' }], 'INVALID_DATE'],
      [
        'a date not after today',
        (ids: string[]) => [{ measureId: ids[0], dueDate: shanghaiDay(new Date()) }],
        'DUE_DATE_IN_PAST',
      ],
      [
        'a year the calendar lacks',
        (ids: string[]) => [{ measureId: ids[0], dueDate: '2150-06-30' }],
        'CALENDAR_NOT_COVERED',
      ],
    ])('refuses %s in preview and launch alike, storing nothing', async (_name, measures, code) => {
      const rows = await importedDocumentRows(db, { measures: 2, agencies: 1 });
      const req = { dueDate, measures: measures(rows.measureIds) };
      await expect(launches.preview(rows.documentId, req)).rejects.toMatchObject({ code });
      await expect(launches.launch(rows.documentId, req)).rejects.toMatchObject({ code });
      expect(await docState(rows.documentId)).toBe('imported');
    });
  });
});
