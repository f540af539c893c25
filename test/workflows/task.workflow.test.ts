import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { CalendarData } from '../../libs/calendar/domain/working-days';
import { firingInstant } from '../../libs/clock';
import * as defs from '../../libs/tasks/task.definitions';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';
import { taskHarness } from '../setup/task-harness';

const MINUTE = 60_000;
// In the test calendar 2027 repeats 2026's holidays 52 weeks on: National Day 2027-09-30..10-06,
// make-up Saturday 2027-10-09. Due Friday 2027-10-15: reminder (-5) on Saturday 10-09, due
// notice on 10-15, urging (+3) on Wednesday 10-20, supervision (+10) on Friday 10-29.
const DUE = '2027-10-15';
const RUNG_DAYS = { reminder: '2027-10-09', due: '2027-10-15', urge: '2027-10-20', supervise: '2027-10-29' };

describe('task workflow clock on the time-skipping server', () => {
  let calendar: CalendarData = prcCalendarWithShiftedYears(2);
  const h = taskHarness(() => calendar);
  const { activities, eventsOf, typesOf, until, newWorker, start, sleepUntil } = h;
  const failureType = (err: unknown) =>
    ((err as WorkflowUpdateFailedError).cause as ApplicationFailure | undefined)?.type;

  // A server per test: skipped time is global to a server, and each test starts before 2027-10.
  beforeEach(async () => {
    calendar = prcCalendarWithShiftedYears(2);
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  it('fires every rung once at 09:00 Beijing time on its working day, across National Day and a make-up Saturday', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      const seen: string[] = ['issue'];
      for (const [key, day] of Object.entries(RUNG_DAYS)) {
        await sleepUntil(firingInstant(day), -MINUTE);
        expect(typesOf(input.taskId)).toEqual(seen);
        await sleepUntil(firingInstant(day), MINUTE);
        seen.push(`rung:${key}`);
        expect(typesOf(input.taskId)).toEqual(seen);
        const event = eventsOf(input.taskId).at(-1)!;
        expect(event.detail).toMatchObject({ rule: key, day, plannedAt: firingInstant(day), dueDate: DUE });
        expect(Date.parse(event.occurredAt) - Date.parse(firingInstant(day))).toBeLessThan(MINUTE);
      }
      const supervise = eventsOf(input.taskId).at(-1)!;
      expect(supervise.notify?.map((n) => n.audience)).toEqual(['leader', 'coordinator']);
      expect(supervise.notify?.[0].message).toContain('督办');
      expect(supervise.clock).toMatchObject({ dueDate: DUE, pausedSince: null, calendarGapYear: null });
      await handle.terminate('test done');
    });
  });

  it('approves an extension: the ledger moves the due date and the unfired rungs follow it', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await sleepUntil(firingInstant(RUNG_DAYS.reminder), MINUTE);
      const request = { actor: '联络员', reason: '需会签', proposedDate: '2027-10-29' };
      const asked = await handle.executeUpdate(defs.requestExtensionUpdate, { args: [request] });
      expect(asked.pendingExtension).toMatchObject({
        requestedBy: '联络员',
        reason: '需会签',
        proposedDate: '2027-10-29',
      });
      const second = await handle
        .executeUpdate(defs.requestExtensionUpdate, { args: [request] })
        .catch((e: unknown) => e);
      expect(failureType(second)).toBe('EXTENSION_PENDING');

      const approved = await handle.executeUpdate(defs.decideExtensionUpdate, {
        args: [{ actor: '协调处室', decision: 'approve', dueDate: '2027-10-22', reason: '同意延至22日' }],
      });
      expect(approved).toMatchObject({ dueDate: '2027-10-22', extensionsUsed: 1, pendingExtension: null });
      const event = eventsOf(input.taskId).at(-1)!;
      expect(event.type).toBe('extension_approved');
      expect(event.actor).toBe('协调处室');
      expect(event.detail).toMatchObject({ from: DUE, to: '2027-10-22', reason: '同意延至22日' });

      // The reminder already fired and stays fired; the due notice moves to the new date.
      await sleepUntil(firingInstant(RUNG_DAYS.due), MINUTE);
      expect(typesOf(input.taskId).filter((t) => t.startsWith('rung'))).toEqual(['rung:reminder']);
      await sleepUntil(firingInstant('2027-10-22'), MINUTE);
      expect(typesOf(input.taskId).filter((t) => t.startsWith('rung'))).toEqual(['rung:reminder', 'rung:due']);
      await handle.terminate('test done');
    });
  });

  it('denies with a reason, refuses requests after the deadline and beyond the limit', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE, { maxExtensions: 1 });
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      const ask = (proposedDate: string) =>
        handle.executeUpdate(defs.requestExtensionUpdate, { args: [{ actor: 'l', reason: '原因', proposedDate }] });
      await ask('2027-10-29');
      const noReason = await handle
        .executeUpdate(defs.decideExtensionUpdate, { args: [{ actor: 'c', decision: 'deny' }] })
        .catch((e: unknown) => e);
      expect(failureType(noReason)).toBe('REASON_REQUIRED');
      await handle.executeUpdate(defs.decideExtensionUpdate, {
        args: [{ actor: 'c', decision: 'deny', reason: '不符合条件' }],
      });
      expect(typesOf(input.taskId).slice(-2)).toEqual(['extension_requested', 'extension_denied']);
      expect(failureType(await ask('2027-10-01').catch((e: unknown) => e))).toBe('INVALID_DATE');

      await ask('2027-10-29');
      await handle.executeUpdate(defs.decideExtensionUpdate, { args: [{ actor: 'c', decision: 'approve' }] });
      expect(failureType(await ask('2027-11-30').catch((e: unknown) => e))).toBe('EXTENSION_LIMIT');
      await handle.terminate('test done');
    });

    const late = taskInput(DUE);
    await (
      await newWorker(taskQueue)
    ).runUntil(async () => {
      const handle = await start(taskQueue, late);
      await sleepUntil(firingInstant('2027-10-18'), 0);
      const refused = await handle
        .executeUpdate(defs.requestExtensionUpdate, {
          args: [{ actor: 'l', reason: '晚了', proposedDate: '2027-11-30' }],
        })
        .catch((e: unknown) => e);
      expect(failureType(refused)).toBe('EXTENSION_TOO_LATE');
      await handle.terminate('test done');
    });
  });

  it('stops the clock while paused and moves the due date by the working days paused', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      // Pause on Wednesday 2027-09-29, over the holiday, past the reminder day.
      await sleepUntil(firingInstant('2027-09-29'), 0);
      const paused = await handle.executeUpdate(defs.pauseUpdate, { args: [{ actor: 'c', reason: '等待上级政策' }] });
      expect(paused.pausedSince).toBe('2027-09-29');
      expect(
        failureType(
          await handle
            .executeUpdate(defs.pauseUpdate, { args: [{ actor: 'c', reason: 'x' }] })
            .catch((e: unknown) => e),
        ),
      ).toBe('ALREADY_PAUSED');
      await sleepUntil(firingInstant('2027-10-12'), 0);
      expect(typesOf(input.taskId)).toEqual(['issue', 'paused']);

      // Working days in (09-29, 10-12]: 09-30? no (holiday); 10-07, 10-08, 10-09 (make-up), 10-11, 10-12 = 5.
      const resumed = await handle.executeUpdate(defs.resumeUpdate, { args: [{ actor: 'c', reason: '政策已明确' }] });
      expect(resumed).toMatchObject({ pausedSince: null, dueDate: '2027-10-22' });
      expect(eventsOf(input.taskId).at(-1)?.detail).toMatchObject({
        from: DUE,
        to: '2027-10-22',
        pausedSince: '2027-09-29',
      });
      // The reminder is now due on 10-22 minus 5 working days = 10-15; it has not come yet.
      await sleepUntil(firingInstant('2027-10-15'), MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue', 'paused', 'resumed', 'rung:reminder']);
      await handle.terminate('test done');
    });
  });

  it('re-plans when the calendar is corrected mid-flight, recording why', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await sleepUntil(firingInstant('2027-10-11'), 0);
      // Say the State Council adds 2027-10-15 as a day off: the due date rolls to Monday 10-18.
      calendar = { ...calendar, holidays: [...calendar.holidays, '2027-10-15'] };
      await handle.signal(defs.calendarChangedSignal, { reason: '国务院办公厅通知调整', changedDays: ['2027-10-15'] });
      await until('the re-plan', () => eventsOf(input.taskId).some((e) => e.type === 'replanned'));
      const replanned = eventsOf(input.taskId).find((e) => e.type === 'replanned');
      expect(replanned?.detail).toMatchObject({ reason: '国务院办公厅通知调整', from: DUE, to: '2027-10-18' });
      await sleepUntil(firingInstant('2027-10-18'), MINUTE);
      expect(eventsOf(input.taskId).at(-1)?.detail).toMatchObject({ rule: 'due', day: '2027-10-18' });
      await handle.terminate('test done');
    });
  });

  it('flags a year the calendar lacks, then plans it once an admin adds the year', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    calendar = prcCalendarWithShiftedYears(1); // 2004–2027
    // Due Friday 2027-12-24: the supervision rung (+10 working days) falls in 2028.
    const input = taskInput('2027-12-24');
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await until('the gap flag', () => eventsOf(input.taskId).some((e) => e.type === 'calendar_gap'));
      const gap = eventsOf(input.taskId).find((e) => e.type === 'calendar_gap');
      expect(gap?.detail).toEqual({ years: [2028] });
      expect(gap?.notify?.[0]).toMatchObject({ audience: 'coordinator' });
      expect(gap?.clock?.calendarGapYear).toBe(2028);

      calendar = prcCalendarWithShiftedYears(2);
      await handle.signal(defs.calendarChangedSignal, { reason: '维护2028年日历', changedDays: [] });
      await until('the re-plan', () => eventsOf(input.taskId).some((e) => e.type === 'replanned'));
      await sleepUntil(firingInstant('2028-01-10'), MINUTE);
      const rungs = typesOf(input.taskId).filter((t) => t.startsWith('rung'));
      expect(rungs).toEqual(['rung:reminder', 'rung:due', 'rung:urge', 'rung:supervise']);
      await handle.terminate('test done');
    });
  });

  it('returns a submission with reasons; the days under review are given back, so the rung due meanwhile does not fire on return', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '材料' }] });
      await sleepUntil(firingInstant(RUNG_DAYS.reminder), MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge', 'submit']);
      const noReason = await handle
        .executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'return' }] })
        .catch((e: unknown) => e);
      expect(failureType(noReason)).toBe('REASON_REQUIRED');
      await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'return', reason: '缺少数据' }] });
      // Issue 9 rule 2 (this test once expected the held reminder to fire the moment the return landed).
      const returned = await handle.query(defs.snapshotQuery);
      expect(returned.dueDate > DUE).toBe(true);
      expect(returned.pausedSince).toBeNull();
      await sleepUntil(firingInstant(RUNG_DAYS.reminder), 2 * MINUTE);
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge', 'submit', 'return']);
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '已补充数据' }] });
      await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      expect((await handle.result()).state).toBe('accepted');
      expect(eventsOf(input.taskId).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  it('rejects bad updates without changing state', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      const before = await handle.query(defs.snapshotQuery);
      const failure = await handle
        .executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '   ' }] })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(failureType(failure)).toBe('EVIDENCE_REQUIRED');
      const wrongState = await handle
        .executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] })
        .catch((e: unknown) => e);
      expect(failureType(wrongState)).toBe('INVALID_TRANSITION');
      expect(
        failureType(
          await handle
            .executeUpdate(defs.resumeUpdate, { args: [{ actor: 'c', reason: 'x' }] })
            .catch((e: unknown) => e),
        ),
      ).toBe('NOT_PAUSED');
      expect(await handle.query(defs.snapshotQuery)).toEqual(before);
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge']);
      await handle.terminate('test done');
    });
  });

  it('continues as new with its whole clock when the history grows long', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE, { historyLimit: 30 });
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      for (let i = 0; i < 6; i++) {
        await handle.executeUpdate(defs.progressUpdate, { args: [{ actor: 'l', note: `第${i + 1}次进展` }] });
      }
      await handle.executeUpdate(defs.pauseUpdate, { args: [{ actor: 'c', reason: '等待' }] });
      let runs = await handle.describe();
      for (let i = 0; i < 100 && runs.runId === handle.firstExecutionRunId; i++) {
        await new Promise((r) => setTimeout(r, 50));
        runs = await handle.describe();
      }
      expect(runs.runId).not.toBe(handle.firstExecutionRunId);
      // The new run carries state, seq, the ledger (still paused) and the fired rungs.
      const snap = await h.env().client.workflow.getHandle(handle.workflowId).query(defs.snapshotQuery);
      expect(snap).toMatchObject({ state: 'in_progress', seq: 9, pausedSince: expect.any(String) as string });
      await h
        .env()
        .client.workflow.getHandle(handle.workflowId)
        .executeUpdate(defs.resumeUpdate, { args: [{ actor: 'c', reason: '继续' }] });
      expect(eventsOf(input.taskId).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await h.env().client.workflow.getHandle(handle.workflowId).terminate('test done');
    });
  });

  it('refuses a review by the submitter, also after continuing as new, and 阅知 before any 督办', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE, { historyLimit: 30 });
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      const unread = await handle
        .executeUpdate(defs.supervisionReadUpdate, { args: [{ actor: '领导', actorId: 'u9' }] })
        .catch((err: unknown) => err);
      expect(failureType(unread)).toBe('NOT_SUPERVISED');
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l', actorId: 'u1' }] });
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', actorId: 'u1', evidence: '已印发' }] });
      // Instructions are taken while under review: they grow the history past its limit.
      let runs = await handle.describe();
      for (let i = 0; i < 20 && runs.runId === handle.firstExecutionRunId; i++) {
        await h
          .env()
          .client.workflow.getHandle(handle.workflowId)
          .executeUpdate(defs.instructUpdate, { args: [{ actor: '领导', text: `第${i + 1}次批示` }] });
        runs = await handle.describe();
      }
      expect(runs.runId).not.toBe(handle.firstExecutionRunId);
      const latest = h.env().client.workflow.getHandle(handle.workflowId);
      const self = await latest
        .executeUpdate(defs.reviewUpdate, { args: [{ actor: 'l', actorId: 'u1', decision: 'accept' }] })
        .catch((err: unknown) => err);
      expect(failureType(self)).toBe('SELF_REVIEW');
      const accepted = await latest.executeUpdate(defs.reviewUpdate, {
        args: [{ actor: 'c', actorId: 'u2', decision: 'accept' }],
      });
      expect(accepted.state).toBe('accepted');
    });
  });

  it('serialises ledger changes: updates sent while a pause is being planned are checked against its plan', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    let gate: Promise<void> | null = null;
    let release = () => undefined as void;
    const worker = await newWorker(taskQueue, {
      ...activities,
      planTaskDeadline: async (plan: Parameters<typeof activities.planTaskDeadline>[0]) => {
        if (gate) await gate;
        return activities.planTaskDeadline(plan);
      },
    });
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await sleepUntil(firingInstant('2027-09-29'), 0);
      gate = new Promise<void>((r) => (release = r));
      const send = (update: typeof defs.pauseUpdate, reason: string) =>
        handle.startUpdate(update, { args: [{ actor: 'c', reason }], waitForStage: WorkflowUpdateStage.ACCEPTED });
      // Without the lock both would read the plan from before the pause: a second pause, a refused resume.
      const pause = await send(defs.pauseUpdate, '等待上级政策');
      const again = await send(defs.pauseUpdate, '再次暂停');
      const resume = await send(defs.resumeUpdate, '政策已明确');
      release();
      expect((await pause.result()).pausedSince).toBe('2027-09-29');
      expect(failureType(await again.result().catch((e: unknown) => e))).toBe('ALREADY_PAUSED');
      expect(await resume.result()).toMatchObject({ pausedSince: null });
      expect(typesOf(input.taskId)).toEqual(['issue', 'paused', 'resumed']);
      expect(eventsOf(input.taskId).at(-1)?.detail).toMatchObject({ pausedSince: '2027-09-29' });
      await handle.terminate('test done');
    });
  });

  it('answers an update to a finished task with WorkflowNotFoundError, which the API reads as final', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE);
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await handle.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      await handle.executeUpdate(defs.submitUpdate, { args: [{ actor: 'l', evidence: '材料' }] });
      await handle.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
      await handle.result();
      const late = await handle
        .executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'return', reason: '再看看' }] })
        .catch((e: unknown) => e);
      expect(late).toBeInstanceOf(WorkflowNotFoundError);
    });
  });

  it('reminds the liaison of the monthly progress report on the N-th working day', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    // October 2027 in the test calendar: 10-07, 10-08, 10-09 (make-up Saturday), 10-11, 10-12.
    const input = taskInput(DUE, { cadence: { monthlyWorkingDay: 5 }, issuedOn: '2027-09-15' });
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, input);
      await sleepUntil(firingInstant('2027-10-12'), MINUTE);
      const reports = eventsOf(input.taskId).filter((e) => e.type === 'report_due');
      expect(reports.map((e) => e.detail.day)).toEqual(['2027-10-12']);
      expect(reports[0].notify).toEqual([{ audience: 'liaison', message: expect.stringContaining('进展') as string }]);
      await handle.terminate('test done');
    });
  });
});
