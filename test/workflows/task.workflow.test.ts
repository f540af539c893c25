import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { TaskEventRecord } from '../../libs/tasks/task-events.service';
import { createTaskActivities } from '../../libs/tasks/task.activities';
import { taskWorkflow } from '../../workflows/task.workflow';
import { acknowledgeUpdate, reviewUpdate, snapshotQuery, submitUpdate } from '../../workflows/task.definitions';
import { taskInput } from '../factories/task-input';

const DAY_MS = 24 * 3600 * 1000;

describe('task workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  const recorded: TaskEventRecord[] = [];
  const activities = createTaskActivities({
    events: {
      record: (e) => {
        if (recorded.some((r) => r.taskId === e.taskId && r.seq === e.seq)) return Promise.resolve('duplicate');
        recorded.push(e);
        return Promise.resolve('recorded');
      },
    },
  });
  // The store orders a task's history by seq; overlapping updates may deliver out of order.
  const eventsOf = (taskId: string) => recorded.filter((e) => e.taskId === taskId).sort((a, b) => a.seq - b.seq);

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? '' } },
    });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const newWorker = async (taskQueue: string) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });

  it('fires the reminder 5 days before and the escalation 3 days after the due day, at 09:00 Beijing time', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(await env.currentTimeMs(), 20);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(taskWorkflow, {
        taskQueue,
        workflowId: `task-${input.taskId}`,
        args: [input],
      });
      // Skip to just before the reminder: nothing but the issue event yet.
      const reminderAt = Date.parse(input.rungs[0].at);
      await env.sleep(reminderAt - (await env.currentTimeMs()) - 60_000);
      expect(eventsOf(input.taskId).map((e) => e.type)).toEqual(['issue']);

      await env.sleep(2 * 60_000);
      expect(eventsOf(input.taskId).map((e) => e.type)).toEqual(['issue', 'reminder']);

      const overdueAt = Date.parse(input.rungs[1].at);
      await env.sleep(overdueAt - (await env.currentTimeMs()) + 60_000);
      const events = eventsOf(input.taskId);
      expect(events.map((e) => e.type)).toEqual(['issue', 'reminder', 'overdue']);
      // Each rung fired at its planned instant (workflow time), not before.
      expect(Date.parse(events[1].occurredAt)).toBeGreaterThanOrEqual(reminderAt);
      expect(Date.parse(events[1].occurredAt) - reminderAt).toBeLessThan(60_000);
      expect(Date.parse(events[2].occurredAt)).toBeGreaterThanOrEqual(overdueAt);
      expect(Date.parse(events[2].occurredAt) - overdueAt).toBeLessThan(60_000);
      expect(events[2].detail).toMatchObject({
        rule: 'overdue',
        day: input.rungs[1].day,
        audience: ['liaison', 'coordinator'],
      });
      expect(await handle.query(snapshotQuery)).toMatchObject({ state: 'issued', firedRungs: ['reminder', 'overdue'] });
      await handle.terminate('test done');
    });
  });

  it('fires no rung for a task accepted before its due day', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(await env.currentTimeMs(), 30);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(taskWorkflow, {
        taskQueue,
        workflowId: `task-${input.taskId}`,
        args: [input],
      });
      await handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
      await handle.executeUpdate(submitUpdate, { args: [{ actor: 'liaison', evidence: '已印发实施细则' }] });
      await handle.executeUpdate(reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] });
      const result = await handle.result();
      expect(result.state).toBe('accepted');
      expect(eventsOf(input.taskId).map((e) => e.type)).toEqual(['issue', 'acknowledge', 'submit', 'accept']);
    });
  });

  it('rejects a completion without evidence and leaves the state unchanged', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(await env.currentTimeMs(), 30);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(taskWorkflow, {
        taskQueue,
        workflowId: `task-${input.taskId}`,
        args: [input],
      });
      await handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
      const before = await handle.query(snapshotQuery);

      const failure = await handle.executeUpdate(submitUpdate, { args: [{ actor: 'liaison', evidence: '   ' }] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (failure as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe('EVIDENCE_REQUIRED');

      // Wrong state: a review before any submission.
      const wrongState = await handle
        .executeUpdate(reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(((wrongState as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('INVALID_TRANSITION');

      expect(await handle.query(snapshotQuery)).toEqual(before);
      expect(eventsOf(input.taskId).map((e) => e.type)).toEqual(['issue', 'acknowledge']);
      await handle.terminate('test done');
    });
  });

  it('holds a rung while the submission awaits review and fires it after a return', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(await env.currentTimeMs(), 10);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(taskWorkflow, {
        taskQueue,
        workflowId: `task-${input.taskId}`,
        args: [input],
      });
      await handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
      await handle.executeUpdate(submitUpdate, { args: [{ actor: 'liaison', evidence: '材料' }] });
      await env.sleep(Date.parse(input.rungs[0].at) - (await env.currentTimeMs()) + DAY_MS);
      expect(eventsOf(input.taskId).map((e) => e.type)).toEqual(['issue', 'acknowledge', 'submit']);

      await handle.executeUpdate(reviewUpdate, {
        args: [{ actor: 'coordinator', decision: 'return', reason: '缺少数据' }],
      });
      await env.sleep(60_000);
      const types = eventsOf(input.taskId).map((e) => e.type);
      expect(types).toEqual(['issue', 'acknowledge', 'submit', 'return', 'reminder']);
      expect(eventsOf(input.taskId).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      await handle.terminate('test done');
    });
  });
});
