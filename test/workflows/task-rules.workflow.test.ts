import { WorkflowUpdateStage } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { addWorkingDays, makeCalendar } from '../../libs/calendar/domain/working-days';
import { pausedWorkingDays } from '../../libs/clock/domain/due-date-ledger';
import { firingInstant } from '../../libs/clock';
import type { TaskEventRecord } from '../../libs/tasks/task-events.service';
import { createTaskActivities } from '../../libs/tasks/task.activities';
import * as defs from '../../libs/tasks/task.definitions';
import { taskWorkflow } from '../../workflows/task.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';

const MINUTE = 60_000;
// As in task.workflow.test.ts: due Friday 2027-10-15, reminder (-5) on the make-up Saturday 10-09.
const DUE = '2027-10-15';
const REMINDER = '2027-10-09';

// Issue 9: the rules that keep the clock honest around ledger changes, handovers and final tasks.
describe('task workflow rules (issue 9)', () => {
  let env: TestWorkflowEnvironment;
  const calendar = prcCalendarWithShiftedYears(2);
  const recorded: TaskEventRecord[] = [];
  const activities = createTaskActivities({
    events: {
      record: (e) => {
        if (recorded.some((r) => r.taskId === e.taskId && r.seq === e.seq)) return Promise.resolve('duplicate');
        recorded.push(e);
        return Promise.resolve('recorded');
      },
    },
    calendar: { getWorkCalendar: () => Promise.resolve(makeCalendar(calendar)) },
  });
  const eventsOf = (taskId: string) => recorded.filter((e) => e.taskId === taskId).sort((a, b) => a.seq - b.seq);
  const typesOf = (taskId: string) =>
    eventsOf(taskId).map((e) => (e.type === 'rung' ? `rung:${String(e.detail.rule)}` : e.type));

  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? '' } },
    });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  // A worker whose activity `name` waits for the gate while one is set.
  const gated = (name: 'planTaskDeadline' | 'recordTaskEvent') => {
    const gate: { open: Promise<void> | null; release: () => void } = { open: null, release: () => undefined };
    const hold = async () => {
      if (gate.open) await gate.open;
    };
    const wrapped = {
      ...activities,
      [name]: async (arg: never) => {
        await hold();
        return (activities[name] as (a: never) => Promise<unknown>)(arg);
      },
    };
    const close = () => {
      gate.open = new Promise<void>((r) => (gate.release = r));
    };
    return { wrapped, close, release: () => gate.release() };
  };
  const newWorker = (taskQueue: string, acts: object = activities) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: acts,
    });
  const until = async (what: string, check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };
  const start = async (taskQueue: string, input: defs.TaskWorkflowInput) => {
    const handle = await env.client.workflow.start(taskWorkflow, {
      taskQueue,
      workflowId: `task-${input.taskId}`,
      args: [input],
    });
    await until('the issue event', () => eventsOf(input.taskId).length > 0);
    return handle;
  };
  const sleepUntil = async (iso: string, deltaMs: number) => {
    const ms = Date.parse(iso) + deltaMs - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  };

  it('rule 4: acceptance closes a pending extension request, on the record', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      await handle.executeUpdate(defs.requestExtensionUpdate, {
        args: [{ actor: 'l', reason: '需会签', proposedDate: '2027-10-29' }],
      });
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '材料' }] });
      const accepted = await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      expect(accepted.pendingExtension).toBeNull();
      expect((await handle.result()).pendingExtension).toBeNull();
      const accept = eventsOf(input.taskId).at(-1)!;
      expect(accept.type).toBe('accept');
      expect(accept.detail.extensionClosed).toMatchObject({ proposedDate: '2027-10-29', requestedBy: 'l' });
      // Rule 10: the acceptance records whether the submission came in time.
      expect(accept.detail).toMatchObject({ dueDate: DUE, onTime: true });
      expect(accept.detail).not.toHaveProperty('workingDaysLate');
    });
  });

  it('rule 2: a return after a slow review gives the days back and fires no burst of rungs', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      // Submitted on Monday 2027-09-27, reviewed for five weeks: past the due date (10-15) and the
      // day of 督办 (10-29). Returned on Monday 11-01.
      await sleepUntil(firingInstant('2027-09-27'), MINUTE);
      const submitted = await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '材料' }] });
      expect(submitted).toMatchObject({ dueDate: DUE, pausedSince: '2027-09-27' });
      await sleepUntil(firingInstant('2027-11-01'), MINUTE);
      await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'return', reason: '缺数据' }] });
      // 21 working days under review (3 before National Day, 10-07..10-09 with the make-up
      // Saturday, three full weeks) are given back: due 21 working days after 10-15.
      const cal = makeCalendar(calendar);
      expect(pausedWorkingDays(cal, '2027-09-27', '2027-11-01')).toBe(21);
      const newDue = '2027-11-15';
      expect(addWorkingDays(cal, DUE, 21)).toBe(newDue);
      const returned = eventsOf(input.taskId).at(-1)!;
      expect(returned.type).toBe('return');
      expect(returned.detail.reviewPause).toEqual({ since: '2027-09-27', from: DUE, to: newDue });
      expect(returned.clock).toMatchObject({ dueDate: newDue, pausedSince: null });
      // Nothing fires when the return lands, least of all 督办 to leaders; the reminder comes on
      // its new day, five working days before the new due date.
      await sleepUntil(firingInstant('2027-11-01'), 30 * MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge', 'submit', 'return']);
      await sleepUntil(firingInstant('2027-11-08'), MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge', 'submit', 'return', 'rung:reminder']);
      expect(eventsOf(input.taskId).at(-1)!.detail).toMatchObject({ day: '2027-11-08', dueDate: newDue });
      await handle.terminate('test done');
    });
  });

  it('rule 2: the review pause is not resumed by hand, and acceptance judges timeliness by the due date at submission', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      await sleepUntil(firingInstant('2027-10-14'), MINUTE);
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '材料' }] });
      const resume = await handle
        .executeUpdate(defs.resumeUpdate, { args: [{ actor: 'c', reason: '继续' }] })
        .catch((e: unknown) => e);
      expect(((resume as Error).cause as { type?: string }).type).toBe('INVALID_TRANSITION');
      await sleepUntil(firingInstant('2027-10-25'), MINUTE);
      await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      await handle.result();
      expect(eventsOf(input.taskId).at(-1)!.detail).toMatchObject({
        dueDate: DUE,
        submittedOn: '2027-10-14',
        onTime: true,
      });
    });
  });

  it('rule 10: accepting a late submission records how many working days late it was', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      // Submitted on Monday 10-18, one working day after the due date.
      await sleepUntil(firingInstant('2027-10-18'), MINUTE);
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '材料' }] });
      await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      await handle.result();
      const accept = eventsOf(input.taskId).at(-1)!;
      expect(accept.detail).toMatchObject({
        dueDate: DUE,
        submittedOn: '2027-10-18',
        onTime: false,
        workingDaysLate: 1,
      });
    });
  });

  it('rule 5: a rung whose time comes while a pause is being planned waits for that plan', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const gate = gated('planTaskDeadline');
    const worker = await newWorker(taskQueue, gate.wrapped);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await sleepUntil(firingInstant(REMINDER), -MINUTE);
      gate.close();
      const pause = await handle.startUpdate(defs.pauseUpdate, {
        args: [{ actor: 'c', reason: '等待上级政策' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      // The reminder's instant passes while the pause's plan is still being made.
      await sleepUntil(firingInstant(REMINDER), MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue']);
      gate.release();
      expect((await pause.result()).pausedSince).toBe(REMINDER);
      await sleepUntil(firingInstant(REMINDER), 5 * MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue', 'paused']);
      await handle.terminate('test done');
    });
  });

  it('rule 3: a calendar change that arrives during the handover is applied by the new run', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const gate = gated('recordTaskEvent');
    const worker = await newWorker(taskQueue, gate.wrapped);
    await worker.runUntil(async () => {
      // The history length of an idle, just-issued task: the limit the next update crosses.
      const probe = taskInput(DUE);
      const probed = await start(taskQueue, probe);
      await new Promise((r) => setTimeout(r, 500));
      const idleLength = (await probed.describe()).historyLength;
      await probed.terminate('probe done');

      const input = taskInput(DUE, { historyLimit: idleLength });
      const handle = await start(taskQueue, input);
      await new Promise((r) => setTimeout(r, 500));
      expect((await handle.describe()).runId).toBe(handle.firstExecutionRunId);
      gate.close();
      const ack = await handle.startUpdate(defs.acknowledgeUpdate, {
        args: [{ actor: 'l' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      // The run now waits for the acknowledgement's write before it continues as new.
      await new Promise((r) => setTimeout(r, 300));
      await handle.signal(defs.calendarChangedSignal, { reason: '国务院办公厅通知调整', changedDays: [] });
      await new Promise((r) => setTimeout(r, 300));
      gate.release();
      await ack.result();
      await until('the re-plan in the new run', () => eventsOf(input.taskId).some((e) => e.type === 'replanned'));
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge', 'replanned']);
      expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
      await env.client.workflow.getHandle(handle.workflowId).terminate('test done');
    });
  });
});
