import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { makeCalendar } from '../../libs/calendar/domain/working-days';
import { createCalendarReplanActivities } from '../../libs/tasks/calendar-replan.activities';
import { calendarReplanWorkflowId, REPLAN_PAGE_SIZE } from '../../libs/tasks/calendar-replan.definitions';
import type { TaskEventRecord } from '../../libs/tasks/task-events.service';
import { createTaskActivities } from '../../libs/tasks/task.activities';
import { calendarReplanWorkflow } from '../../workflows/calendar-replan.workflow';
import { taskWorkflow } from '../../workflows/task.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';

describe('calendar re-plan fan-out on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  const recorded: TaskEventRecord[] = [];
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? '' } },
    });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (
    openTasks: { taskId: string; workflowId: string }[],
    committed: Set<string>,
    body: (taskQueue: string) => Promise<void>,
  ) => {
    const taskQueue = `replan-${randomUUID()}`;
    const calendar = makeCalendar(prcCalendarWithShiftedYears(2));
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: {
        ...createTaskActivities({
          events: { record: (e) => (recorded.push(e), Promise.resolve('recorded')) },
          calendar: { getWorkCalendar: () => Promise.resolve(calendar) },
        }),
        ...createCalendarReplanActivities({
          openTasks: {
            openTaskWorkflows: (after, limit) =>
              Promise.resolve(openTasks.filter((t) => after === null || t.taskId > after).slice(0, limit)),
          },
          changes: { changeExists: (id) => Promise.resolve(committed.has(id)) },
        }),
      },
    });
    await worker.runUntil(body(taskQueue));
  };

  it('signals every open task once, page by page, counting the ones whose workflow is gone', async () => {
    const live = [taskInput('2027-10-15'), taskInput('2027-10-15')];
    // More ids than one page, sorted as the repository returns them; only two have a workflow.
    const gone = Array.from({ length: REPLAN_PAGE_SIZE + 5 }, () => randomUUID());
    const open = [...live.map((t) => t.taskId), ...gone]
      .sort()
      .map((taskId) => ({ taskId, workflowId: `task-${taskId}` }));
    const changeId = randomUUID();
    await run(open, new Set([changeId]), async (taskQueue) => {
      for (const t of live) {
        await env.client.workflow.start(taskWorkflow, { taskQueue, workflowId: `task-${t.taskId}`, args: [t] });
      }
      const result = await env.client.workflow.execute(calendarReplanWorkflow, {
        taskQueue,
        workflowId: calendarReplanWorkflowId(changeId),
        args: [{ changeId, reason: '国务院办公厅通知', changedDays: ['2027-10-08'] }],
      });
      expect(result).toEqual({ signalled: 2, missing: gone.length, committed: true });
      for (let i = 0; i < 100; i++) {
        if (live.every((t) => recorded.some((e) => e.taskId === t.taskId && e.type === 'replanned'))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const t of live) {
        const replans = recorded.filter((e) => e.taskId === t.taskId && e.type === 'replanned');
        expect(replans.map((e) => e.detail.reason)).toEqual(['国务院办公厅通知']);
      }
    });
  });

  it('signals nobody when the change never committed (its transaction rolled back)', async () => {
    const t = taskInput('2027-10-15');
    const changeId = randomUUID();
    await run([{ taskId: t.taskId, workflowId: `task-${t.taskId}` }], new Set(), async (taskQueue) => {
      await env.client.workflow.start(taskWorkflow, { taskQueue, workflowId: `task-${t.taskId}`, args: [t] });
      const result = await env.client.workflow.execute(calendarReplanWorkflow, {
        taskQueue,
        workflowId: calendarReplanWorkflowId(changeId),
        args: [{ changeId, reason: '回滚的修改', changedDays: [] }],
      });
      expect(result).toEqual({ signalled: 0, missing: 0, committed: false });
      expect(recorded.filter((e) => e.taskId === t.taskId && e.type === 'replanned')).toEqual([]);
    });
  });
});
