import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { makeCalendar } from '../../libs/calendar/domain/working-days';
import { addDays, shanghaiDay } from '../../libs/clock';
import { planTask } from '../../libs/clock/domain/firing-plan';
import { DEFAULT_LADDER } from '../../libs/clock/domain/ladder';
import type { createLaunchActivities } from '../../libs/launch/launch.activities';
import {
  documentWorkflowId,
  measureWorkflowId,
  type MeasureLaunch,
  taskWorkflowId,
  taskWorkflowInput,
} from '../../libs/launch/launch.definitions';
import type { TaskCarry } from '../../libs/tasks/task.definitions';
import { createTaskActivities } from '../../libs/tasks/task.activities';
import { documentWorkflow } from '../../workflows/document.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';

const KB = 1024;
const MEASURES = 50;
const AGENCIES = 40;

/**
 * Issue 9: a launch of 2,000 tasks due in two years with monthly reports, on the dev server (it
 * enforces Temporal's payload limits, as production does) with the real workflow code; the
 * activities answer from memory instead of PostgreSQL.
 */
describe('a launch of 2,000 tasks due in two years with monthly reports', () => {
  let env: TestWorkflowEnvironment;
  const issued = new Set<string>();
  const calendar = makeCalendar(prcCalendarWithShiftedYears(3));
  const today = shanghaiDay(new Date());
  const documentId = randomUUID();
  const measureIds = Array.from({ length: MEASURES }, () => randomUUID());
  const agencies = Array.from({ length: AGENCIES }, (_, i) => `测试单位${i + 1}`);
  const launches = new Map<string, MeasureLaunch>(
    measureIds.map((measureId, i) => [
      measureId,
      {
        settings: {
          documentId,
          measureId,
          measureTitle: `（${i + 1}）措施${i + 1}`,
          dueDate: addDays(today, 730),
          dueBasis: '下发时指定日期',
          ladder: DEFAULT_LADDER,
          maxExtensions: 2,
          cadence: { monthlyWorkingDay: 5 },
          issuedOn: today,
        },
        tasks: agencies.map((agencyName) => ({ taskId: randomUUID(), agencyName, role: 'lead' as const })),
      },
    ]),
  );
  const launchActivities: Pick<ReturnType<typeof createLaunchActivities>, 'launchMeasureIds' | 'measureLaunch'> = {
    launchMeasureIds: () => Promise.resolve(measureIds),
    measureLaunch: (_doc, measureId) => Promise.resolve(launches.get(measureId)!),
  };

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('starts every task, and every workflow input (and a task continuing as new) stays under 64 KB', async () => {
    const taskQueue = `launch-scale-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: {
        ...launchActivities,
        ...createTaskActivities({
          events: {
            record: (e) => {
              if (e.type === 'issue') issued.add(e.taskId);
              return Promise.resolve('recorded');
            },
          },
          calendar: { getWorkCalendar: () => Promise.resolve(calendar) },
        }),
      },
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(documentWorkflow, {
        taskQueue,
        workflowId: documentWorkflowId(documentId),
        args: [{ documentId }],
      });
      for (let i = 0; i < 1200 && issued.size < MEASURES * AGENCIES; i++) await new Promise((r) => setTimeout(r, 250));
      expect(issued.size).toBe(MEASURES * AGENCIES);

      // The inputs as the server stored them: the first event of each workflow's history.
      const inputBytes = async (workflowId: string) => {
        const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
        const payloads = history.events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
        return payloads.reduce((n, p) => n + (p.data?.length ?? 0), 0);
      };
      const first = launches.get(measureIds[0])!;
      const sizes = {
        document: await inputBytes(handle.workflowId),
        measure: await inputBytes(measureWorkflowId(measureIds[0])),
        task: await inputBytes(taskWorkflowId(first.tasks[0].taskId)),
      };
      // The largest a task's continue-as-new input gets here: every rung of its plan fired.
      const input = taskWorkflowInput(first, first.tasks[0]);
      const ledger = [
        { kind: 'set' as const, dueDate: input.dueDate, basis: input.dueBasis, by: 'system', at: '', reason: '下发' },
      ];
      const plan = planTask(calendar, { ledger, ladder: input.ladder, cadence: input.cadence, issuedOn: today });
      const carry: TaskCarry = {
        state: 'in_progress',
        seq: plan.rungs.length + 1,
        fired: plan.rungs.map((a) => a.key),
        ledger,
        pending: null,
        plan,
        flaggedGap: '',
      };
      const continued = Buffer.byteLength(JSON.stringify({ ...input, carry }));
      expect(plan.rungs.filter((a) => a.kind === 'report').length).toBeGreaterThanOrEqual(23);
      for (const bytes of [sizes.document, sizes.measure, sizes.task, continued]) {
        expect(bytes).toBeGreaterThan(0);
        expect(bytes).toBeLessThan(64 * KB);
      }
      await handle.terminate('test done');
    });
  });
});
