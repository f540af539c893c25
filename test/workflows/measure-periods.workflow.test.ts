import { randomUUID } from 'node:crypto';
import { makeCalendar, nextWorkingDay } from '../../libs/calendar/domain/working-days';
import { shanghaiDay } from '../../libs/clock';
import { DEFAULT_LADDER } from '../../libs/clock/domain/ladder';
import type { MeasureRow, PolicyDocumentRow } from '../../libs/documents/documents.repository';
import type { ParsedMeasure, RecurringTimeLimit } from '../../libs/documents/parse/parse-result.types';
import { measurePeriod, periodBasis } from '../../libs/launch/domain/measure-periods';
import { createLaunchActivities, type LaunchActivityDeps } from '../../libs/launch/launch.activities';
import { measureWorkflowId, taskWorkflowId } from '../../libs/launch/launch.definitions';
import type { TaskRole } from '../../libs/tasks/domain/task-state';
import type { TaskViewRow } from '../../libs/tasks/task.repository';
import * as defs from '../../libs/tasks/task.definitions';
import { measureWorkflow } from '../../workflows/document.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskHarness } from '../setup/task-harness';

const MINUTE = 60_000;
const MONTHLY: RecurringTimeLimit = {
  kind: 'recurring',
  every: 'month',
  by: { month: null, day: 'end' },
  raw: '每月底前',
  span: [0, 4],
  source: 'text',
};

// A recurring measure (每月底前) gets one due date per period: its workflow issues each period's tasks.
describe('a recurring measure issues each period its tasks', () => {
  const calendarData = prcCalendarWithShiftedYears(2);
  const calendar = makeCalendar(calendarData);
  const h = taskHarness(() => calendarData);
  const { activities, eventsOf, until, sleepUntil } = h;
  beforeEach(() => h.setUp());
  afterEach(() => h.tearDown());

  // The stores, in memory: a launched document of one measure with a lead and a cooperating task.
  const store = (launchedAt: Date) => {
    const documentId = randomUUID();
    const measure: MeasureRow = {
      id: randomUUID(),
      documentId,
      seq: 1,
      number: '（一）',
      section: null,
      title: '按月报送进展',
      text: '按月报送进展，每月底前报送。',
      spanStart: 0,
      spanEnd: 14,
      withdrawnAt: null,
      withdrawReason: null,
      dueDate: measurePeriod(MONTHLY, shanghaiDay(launchedAt), 1, calendar).due,
      dueBasis: periodBasis(MONTHLY, measurePeriod(MONTHLY, shanghaiDay(launchedAt), 1, calendar)),
      reportCadence: null,
    };
    const parsed: ParsedMeasure = {
      number: measure.number,
      section: null,
      title: measure.title,
      text: measure.text,
      span: [0, 14],
      attributions: [],
      impliedCooperating: [],
      timeLimit: MONTHLY,
    };
    const doc: PolicyDocumentRow = {
      id: documentId,
      title: '测试文件',
      issuer: null,
      docNumber: null,
      issuedOn: null,
      coordinator: null,
      sourceText: measure.text,
      parse: {
        title: null,
        issuer: null,
        docNumber: null,
        issuedOn: null,
        coordinator: null,
        conventions: [],
        measures: [parsed],
        warnings: [],
      },
      status: 'launched',
      dueDate: measure.dueDate,
      dueBasis: '各项措施分别确定截止日期（以最晚者为准）',
      ladder: DEFAULT_LADDER,
      maxExtensions: 2,
      reportCadence: null,
      launchedAt,
      createdAt: launchedAt,
      withdrawnAt: null,
      withdrawReason: null,
      revision: 1,
    };
    const row = (agencyName: string, role: TaskRole, period: number, dueDate: string): TaskViewRow => ({
      id: randomUUID(),
      documentId,
      measureId: measure.id,
      agencyId: randomUUID(),
      role,
      state: 'draft',
      dueDate,
      period,
      pausedSince: null,
      calendarGapYear: null,
      extensionCount: 0,
      source: 'explicit',
      partyAsWritten: agencyName,
      attributionStart: null,
      attributionEnd: null,
      roleAsWritten: null,
      workflowId: null,
      lastEventSeq: 0,
      createdAt: launchedAt,
      updatedAt: launchedAt,
      measureSeq: 1,
      measureNumber: measure.number,
      measureTitle: measure.title,
      measureText: measure.text,
      agencyName,
      submittedOn: null,
      acceptance: null,
    });
    const periods = new Map<number, TaskViewRow[]>([
      [1, [row('市民政局', 'lead', 1, doc.dueDate!), row('市教委', 'cooperating', 1, doc.dueDate!)]],
    ]);
    const written: number[] = [];
    const deps: LaunchActivityDeps = {
      documents: { getDocument: () => Promise.resolve(doc), measures: () => Promise.resolve([measure]) },
      tasks: {
        measureIdsWithTasks: () => Promise.resolve([measure.id]),
        tasksOfMeasure: (_id, period = 1) => Promise.resolve(periods.get(period) ?? []),
        cancelNotStarted: () => Promise.resolve(0),
        // Repeat-safe, as the repository is: the agencies and roles of the period before.
        createPeriodTasks: (_id, period, dueDate) => {
          if (!periods.has(period)) {
            written.push(period);
            const before = periods.get(period - 1) ?? [];
            periods.set(
              period,
              before.map((t) => row(t.agencyName, t.role, period, dueDate)),
            );
          }
          return Promise.resolve(periods.get(period)!);
        },
      },
      calendar: { getWorkCalendar: () => Promise.resolve(calendar) },
    };
    return { doc, measure, periods, written, deps };
  };
  const handle = (taskId: string) => h.env().client.workflow.getHandle(taskWorkflowId(taskId));

  it("issues period 2's tasks as period 2 starts, due on period 2's date, and stops once withdrawn", async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const launchedAt = new Date(await h.env().currentTimeMs());
    const launchDay = shanghaiDay(launchedAt);
    const s = store(launchedAt);
    const worker = await h.newWorker(taskQueue, { ...activities, ...createLaunchActivities(s.deps) });
    await worker.runUntil(async () => {
      const measure = await h.env().client.workflow.start(measureWorkflow, {
        taskQueue,
        workflowId: measureWorkflowId(s.measure.id),
        args: [{ documentId: s.doc.id, measureId: s.measure.id }],
      });
      const [lead, coop] = s.periods.get(1)!;
      await until('period 1 issued', () => [lead, coop].every((t) => eventsOf(t.id).length > 0));
      expect(eventsOf(lead.id)[0].detail).toMatchObject({ dueDate: s.measure.dueDate, basis: s.measure.dueBasis });
      expect(s.written).toEqual([]);
      // Period 1 done: its lead accepted, its cooperating task closes with it.
      await handle(lead.id).executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l1' }] });
      await handle(lead.id).executeUpdate(defs.submitUpdate, { args: [{ actor: 'l1', evidence: '材料' }] });
      await handle(lead.id).executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      expect((await handle(coop.id).result()).state).toBe('closed');

      // Period 2 starts: a task per agency, same roles, due on period 2's date by the same rule.
      const second = measurePeriod(MONTHLY, launchDay, 2, calendar);
      expect(second.due > s.measure.dueDate!).toBe(true);
      await sleepUntil(second.issueAt, -MINUTE);
      expect(s.written).toEqual([]);
      await sleepUntil(second.issueAt, MINUTE);
      await until('period 2 written', () => s.written.length === 1);
      const [lead2, coop2] = s.periods.get(2)!;
      await until('period 2 issued', () => [lead2, coop2].every((t) => eventsOf(t.id).length > 0));
      expect([lead2, coop2].map((t) => [t.agencyName, t.role, t.dueDate])).toEqual([
        ['市民政局', 'lead', second.due],
        ['市教委', 'cooperating', second.due],
      ]);
      // The task plans its clock on the working-day calendar: a due date on a rest day moves to the next working day.
      const planned = nextWorkingDay(calendar, second.due, true);
      const issue = eventsOf(lead2.id)[0];
      expect(issue).toMatchObject({ type: 'issue', detail: { dueDate: planned, agency: '市民政局', role: 'lead' } });
      expect(issue.detail.basis).toBe(`文件规定：每月底前（每月一期，${second.label}（第2期），截止 ${second.due}）`);
      expect((await handle(lead2.id).query(defs.snapshotQuery)).dueDate).toBe(planned);

      // Withdrawn: the fan-out ends period 2's tasks, and period 3 is never issued.
      s.measure.withdrawnAt = new Date();
      s.measure.withdrawReason = '政策调整';
      for (const t of [lead2, coop2]) {
        await handle(t.id).signal(defs.withdrawSignal, { reason: '政策调整', by: 'c', scope: 'measure' });
      }
      const third = measurePeriod(MONTHLY, launchDay, 3, calendar);
      await sleepUntil(third.issueAt, MINUTE);
      expect(await measure.result()).toBe(0);
      expect(s.written).toEqual([2]);
      expect((await handle(coop2.id).result()).state).toBe('cancelled');
    });
  });
});
