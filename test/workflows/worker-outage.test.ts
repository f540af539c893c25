import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { makeCalendar } from '../../libs/calendar/domain/working-days';
import type { TaskPlan } from '../../libs/clock/domain/firing-plan';
import type { TaskEventRecord } from '../../libs/tasks/task-events.service';
import { createTaskActivities } from '../../libs/tasks/task.activities';
import * as defs from '../../libs/tasks/task.definitions';
import { taskWorkflow } from '../../workflows/task.workflow';
import { prcCalendarData } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';

/**
 * Exactly once across an outage, on the real dev server in real time: the time-skipping server
 * cannot move its clock while a workflow task waits for a worker, so there the outage cannot be
 * staged. The planner is replaced by one whose rungs fall seconds apart; the working-day
 * arithmetic that normally places them is tested in the clock tests.
 */
describe('task workflow across a worker outage', () => {
  let env: TestWorkflowEnvironment;
  const recorded: TaskEventRecord[] = [];
  let plan: TaskPlan;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const activities = {
    ...createTaskActivities({
      events: {
        record: (e) => {
          if (recorded.some((r) => r.taskId === e.taskId && r.seq === e.seq)) return Promise.resolve('duplicate');
          recorded.push(e);
          return Promise.resolve('recorded');
        },
      },
      calendar: { getWorkCalendar: () => Promise.resolve(makeCalendar(prcCalendarData())) },
    }),
    planTaskDeadline: () => Promise.resolve(plan),
  };
  const worker = (taskQueue: string) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
      // Without a sticky cache the next worker gets the history at once instead of after a timeout.
      maxCachedWorkflows: 0,
    });

  it('fires the three rungs that came due while no worker ran, once each, in ladder order', async () => {
    const base = Date.now() + 6000;
    const at = (ms: number) => new Date(base + ms).toISOString();
    plan = {
      dueDate: '2026-12-15',
      pausedSince: null,
      extensions: 0,
      gapYears: [],
      rungs: [
        {
          key: 'reminder',
          kind: 'rung',
          day: '2026-12-08',
          at: at(0),
          offset: -5,
          audience: ['liaison'],
          colour: 'yellow',
          label: '提醒',
        },
        {
          key: 'due',
          kind: 'rung',
          day: '2026-12-15',
          at: at(500),
          offset: 0,
          audience: ['liaison'],
          colour: 'yellow',
          label: '到期提醒',
        },
        {
          key: 'urge',
          kind: 'rung',
          day: '2026-12-18',
          at: at(1000),
          offset: 3,
          audience: ['liaison'],
          colour: 'red',
          label: '催办',
        },
        {
          key: 'supervise',
          kind: 'rung',
          day: '2026-12-29',
          at: at(3_600_000),
          offset: 10,
          audience: ['leader'],
          colour: 'red',
          label: '督办',
        },
      ],
    };
    const taskQueue = `outage-${randomUUID()}`;
    const input = taskInput('2026-12-15');
    const types = () =>
      recorded
        .filter((e) => e.taskId === input.taskId)
        .sort((a, b) => a.seq - b.seq)
        .map((e) => (e.type === 'rung' ? `rung:${String(e.detail.rule)}` : e.type));

    const first = await worker(taskQueue);
    const handle = await first.runUntil(async () => {
      const h = await env.client.workflow.start(taskWorkflow, {
        taskQueue,
        workflowId: `task-${input.taskId}`,
        args: [input],
      });
      while (types().length === 0) await new Promise((r) => setTimeout(r, 50));
      return h;
    });
    expect(types()).toEqual(['issue']);
    expect(Date.now()).toBeLessThan(base);

    // The worker is down while all three rung times pass.
    while (Date.now() < base + 2500) await new Promise((r) => setTimeout(r, 100));
    expect(types()).toEqual(['issue']);

    const second = await worker(taskQueue);
    await second.runUntil(async () => {
      while (types().length < 4) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 1000));
      expect(types()).toEqual(['issue', 'rung:reminder', 'rung:due', 'rung:urge']);
      expect((await handle.query(defs.snapshotQuery)).firedRungs).toEqual(['reminder', 'due', 'urge']);
      const fired = recorded.filter((e) => e.taskId === input.taskId && e.type === 'rung');
      // Each fired after the outage, in order, planned for its own instant.
      expect(fired.map((e) => e.detail.plannedAt)).toEqual([at(0), at(500), at(1000)]);
      expect(fired.every((e) => Date.parse(e.occurredAt) >= base + 2500)).toBe(true);
      await handle.terminate('test done');
    });
  });
});
