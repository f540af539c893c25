import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { makeCalendar, type CalendarData } from '../../libs/calendar/domain/working-days';
import type { TaskEventRecord } from '../../libs/tasks/task-events.service';
import { createTaskActivities, type TaskActivityDeps } from '../../libs/tasks/task.activities';
import * as defs from '../../libs/tasks/task.definitions';
import { taskWorkflow } from '../../workflows/task.workflow';

/**
 * What the task-workflow tests share: a time-skipping server per test (skipped time is global to
 * a server), the real workflow code, and activities that record events in memory as the store
 * does (by task and seq; a retry writes nothing twice). `calendar()` is read at each planning.
 */
export function taskHarness(calendar: () => CalendarData, deps: Partial<TaskActivityDeps> = {}) {
  let env: TestWorkflowEnvironment | undefined;
  const recorded: TaskEventRecord[] = [];
  const activities = createTaskActivities({
    events: {
      record: (e) => {
        if (recorded.some((r) => r.taskId === e.taskId && r.seq === e.seq)) return Promise.resolve('duplicate');
        recorded.push(e);
        return Promise.resolve('recorded');
      },
    },
    calendar: { getWorkCalendar: () => Promise.resolve(makeCalendar(calendar())) },
    ...deps,
  });
  const server = () => {
    if (!env) throw new Error('the test server is started in beforeEach');
    return env;
  };
  // The store orders a task's history by seq; overlapping updates may deliver out of order.
  const eventsOf = (taskId: string) => recorded.filter((e) => e.taskId === taskId).sort((a, b) => a.seq - b.seq);
  const typesOf = (taskId: string) =>
    eventsOf(taskId).map((e) => (e.type === 'rung' ? `rung:${String(e.detail.rule)}` : e.type));
  // Waits in real time for the worker: skipping time while an activity runs would time it out.
  const until = async (what: string, check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };
  return {
    activities,
    recorded,
    eventsOf,
    typesOf,
    until,
    env: server,
    setUp: async () => {
      env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? '' } },
      });
    },
    tearDown: async () => {
      await env?.teardown();
      env = undefined;
    },
    newWorker: (taskQueue: string, acts: object = activities) =>
      Worker.create({
        connection: server().nativeConnection,
        taskQueue,
        workflowsPath: require.resolve('../../workflows'),
        activities: acts,
      }),
    /** Starts a task workflow and waits for its issue event. */
    start: async (taskQueue: string, input: defs.TaskWorkflowInput) => {
      const handle = await server().client.workflow.start(taskWorkflow, {
        taskQueue,
        workflowId: defs.taskWorkflowId(input.taskId),
        args: [input],
      });
      await until('the issue event', () => eventsOf(input.taskId).length > 0);
      return handle;
    },
    /** Skips the server's time to `deltaMs` around an instant. */
    sleepUntil: async (iso: string, deltaMs: number) => {
      const ms = Date.parse(iso) + deltaMs - (await server().currentTimeMs());
      if (ms > 0) await server().sleep(ms);
    },
  };
}
