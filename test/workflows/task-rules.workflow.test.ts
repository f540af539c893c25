import { WorkflowUpdateStage } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { addWorkingDays, makeCalendar } from '../../libs/calendar/domain/working-days';
import { pausedWorkingDays } from '../../libs/clock/domain/due-date-ledger';
import { firingInstant } from '../../libs/clock';
import * as defs from '../../libs/tasks/task.definitions';
import { type MeasureLaunch, measureWorkflowId, taskWorkflowId } from '../../libs/launch/launch.definitions';
import { measureWorkflow } from '../../workflows/document.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';
import { taskHarness } from '../setup/task-harness';

const MINUTE = 60_000;
// As in task.workflow.test.ts: due Friday 2027-10-15, reminder (-5) on the make-up Saturday 10-09.
const DUE = '2027-10-15';
const REMINDER = '2027-10-09';
const RUNG_DAYS_SUPERVISE = '2027-10-29';

// Issue 9: the rules that keep the clock honest around ledger changes, handovers and final tasks.
describe('task workflow rules (issue 9)', () => {
  const calendar = prcCalendarWithShiftedYears(2);
  const h = taskHarness(() => calendar);
  const { activities, eventsOf, typesOf, until, newWorker, start, sleepUntil } = h;
  beforeEach(() => h.setUp());
  afterEach(() => h.tearDown());

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
      // Skipping stops while the gated activity runs, so these waits pass in real time: keep them short.
      await sleepUntil(firingInstant(REMINDER), -3_000);
      gate.close();
      const pause = await handle.startUpdate(defs.pauseUpdate, {
        args: [{ actor: 'c', reason: '等待上级政策' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      // The reminder's instant passes while the pause's plan is still being made.
      await sleepUntil(firingInstant(REMINDER), 3_000);
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
      await h.env().client.workflow.getHandle(handle.workflowId).terminate('test done');
    });
  });

  const failureType = (err: unknown) => ((err as Error).cause as { type?: string } | undefined)?.type;

  it('rule 1: an approval is checked against the due date as it stands at approval, pauses included', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      // Monday 10-11: asks for 10-18; the coordinator pauses the clock the same day.
      await sleepUntil(firingInstant('2027-10-11'), MINUTE);
      await handle.executeUpdate(defs.requestExtensionUpdate, {
        args: [{ actor: 'l', reason: '需会签', proposedDate: '2027-10-18' }],
      });
      await handle.executeUpdate(defs.pauseUpdate, { args: [{ actor: 'c', reason: '等待上级答复' }] });
      // Resumed Monday 10-18: five working days given back, due Friday 10-22, past the request.
      await sleepUntil(firingInstant('2027-10-18'), MINUTE);
      const resumed = await handle.executeUpdate(defs.resumeUpdate, { args: [{ actor: 'c', reason: '已答复' }] });
      expect(resumed.dueDate).toBe('2027-10-22');
      const asRequested = await handle
        .executeUpdate(defs.decideExtensionUpdate, { args: [{ actor: 'c', decision: 'approve' }] })
        .catch((e: unknown) => e);
      expect(failureType(asRequested)).toBe('INVALID_DATE');
      const earlier = await handle
        .executeUpdate(defs.decideExtensionUpdate, {
          args: [{ actor: 'c', decision: 'approve', dueDate: '2027-10-19' }],
        })
        .catch((e: unknown) => e);
      expect(failureType(earlier)).toBe('INVALID_DATE');
      expect((await handle.query(defs.snapshotQuery)).dueDate).toBe('2027-10-22');
      const approved = await handle.executeUpdate(defs.decideExtensionUpdate, {
        args: [{ actor: 'c', decision: 'approve', dueDate: '2027-10-29' }],
      });
      expect(approved).toMatchObject({ dueDate: '2027-10-29', extensionsUsed: 1, pendingExtension: null });
      await handle.terminate('test done');
    });
  });

  it('rule 6: a paused task may ask for an extension after the calendar passed its due date; a running one may not', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const paused = taskInput(DUE);
    const running = taskInput(DUE);
    await worker.runUntil(async () => {
      const p = await start(taskQueue, paused);
      const r = await start(taskQueue, running);
      await sleepUntil(firingInstant('2027-10-14'), MINUTE);
      await p.executeUpdate(defs.pauseUpdate, { args: [{ actor: 'c', reason: '等待上级答复' }] });
      // Wednesday 10-20: past the due date (10-15) for the running task, not for the paused one.
      await sleepUntil(firingInstant('2027-10-20'), -2 * MINUTE);
      const request = { actor: 'l', reason: '需会签', proposedDate: '2027-10-29' };
      const late = await r.executeUpdate(defs.requestExtensionUpdate, { args: [request] }).catch((e: unknown) => e);
      expect(failureType(late)).toBe('EXTENSION_TOO_LATE');
      const asked = await p.executeUpdate(defs.requestExtensionUpdate, { args: [request] });
      expect(asked).toMatchObject({ pausedSince: '2027-10-14', pendingExtension: { proposedDate: '2027-10-29' } });
      await p.terminate('test done');
      await r.terminate('test done');
    });
  });

  it("rule 9: accepting the lead closes the measure's cooperating and guiding tasks, which stop escalating", async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const documentId = randomUUID();
    const measureId = randomUUID();
    const base = taskInput(DUE, { documentId, measureId });
    const parties = [
      { taskId: randomUUID(), agencyName: '市民政局', role: 'lead' as const },
      { taskId: randomUUID(), agencyName: '市教委', role: 'cooperating' as const },
      { taskId: randomUUID(), agencyName: '市财政局', role: 'guiding' as const },
    ];
    const settings = {
      documentId,
      measureId,
      measureTitle: base.measureTitle,
      dueDate: DUE,
      dueBasis: base.dueBasis,
      ladder: base.ladder,
      maxExtensions: base.maxExtensions,
      cadence: null,
      issuedOn: base.issuedOn,
    };
    const launch: MeasureLaunch = { settings, tasks: parties };
    const worker = await newWorker(taskQueue, {
      ...activities,
      launchMeasureIds: () => Promise.resolve([measureId]),
      measureLaunch: () => Promise.resolve(launch),
    });
    await worker.runUntil(async () => {
      const measure = await h.env().client.workflow.start(measureWorkflow, {
        taskQueue,
        workflowId: measureWorkflowId(measureId),
        args: [{ documentId, measureId }],
      });
      await until('three issued tasks', () => parties.every((t) => eventsOf(t.taskId).length > 0));
      const [lead, cooperating, guiding] = parties.map((t) =>
        h.env().client.workflow.getHandle(taskWorkflowId(t.taskId)),
      );
      await cooperating.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l2' }] });
      await lead.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l1' }] });
      await lead.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l1', evidence: '材料' }] });
      await lead.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      expect(await measure.result()).toBe(3);
      expect((await cooperating.result()).state).toBe('closed');
      expect((await guiding.result()).state).toBe('closed');
      const close = eventsOf(parties[1].taskId).at(-1)!;
      expect(close).toMatchObject({
        type: 'close',
        fromState: 'in_progress',
        toState: 'closed',
        detail: { doneBy: ['市民政局'] },
      });
      expect(close.notify?.map((n) => n.audience)).toEqual(['liaison']);
      // Past the day of 督办: nothing more fires for the closed tasks.
      await sleepUntil(firingInstant(RUNG_DAYS_SUPERVISE), MINUTE);
      expect(typesOf(parties[1].taskId)).toEqual(['issue', 'acknowledge', 'close']);
      expect(typesOf(parties[2].taskId)).toEqual(['issue', 'close']);
    });
  });
});
