import { randomUUID } from 'node:crypto';
import { firingInstant } from '../../libs/clock';
import * as defs from '../../libs/tasks/task.definitions';
import { TaskError } from '../../libs/tasks/tasks.errors';
import { createWithdrawalActivities } from '../../libs/withdrawal/withdrawal.activities';
import { withdrawalWorkflowId } from '../../libs/withdrawal/withdrawal.definitions';
import { withdrawalWorkflow } from '../../workflows/withdrawal.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';
import { taskHarness } from '../setup/task-harness';

const MINUTE = 60_000;
// As in task.workflow.test.ts: due Friday 2027-10-15; reminder on the make-up Saturday 10-09,
// due notice 10-15, urging (+3) Wednesday 10-20, supervision (+10) Friday 10-29.
const DUE = '2027-10-15';

// Issue 11, control of running work: reassign (转办) and withdraw (撤销) on the time-skipping server.
describe('reassigning and withdrawing running tasks', () => {
  const calendar = prcCalendarWithShiftedYears(2);
  const reassigned = new Map<string, { taskId: string; agencyName: string }>();
  const h = taskHarness(() => calendar, {
    reassignments: {
      createReassigned: (fromTaskId, toAgencyId) => {
        if (toAgencyId === 'taken')
          return Promise.reject(new TaskError('INVALID_REASSIGNMENT', '承接单位在该措施下已有任务'));
        // Repeat-safe, as the repository is.
        const made = reassigned.get(fromTaskId) ?? { taskId: randomUUID(), agencyName: `单位-${toAgencyId}` };
        reassigned.set(fromTaskId, made);
        return Promise.resolve(made);
      },
    },
  });
  const { activities, eventsOf, typesOf, until, start, sleepUntil } = h;
  const newWorker = (taskQueue: string, extra: object = {}) => h.newWorker(taskQueue, { ...activities, ...extra });
  const failureType = (err: unknown) => ((err as Error).cause as { type?: string } | undefined)?.type;
  beforeEach(() => h.setUp());
  afterEach(() => h.tearDown());

  it('reassigns a task: the old one closes as 已转办, the new one carries its clock and fired rungs on', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await newWorker(taskQueue);
    const input = taskInput(DUE, { agencyName: '市民政局' });
    await worker.runUntil(async () => {
      const old = await start(taskQueue, input);
      await old.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      // Paused Monday 10-11 and resumed Monday 10-18: due 10-22. The reminder (10-09) had fired.
      await sleepUntil(firingInstant('2027-10-11'), MINUTE);
      await old.executeUpdate(defs.pauseUpdate, { args: [{ actor: 'c', reason: '等待答复' }] });
      await sleepUntil(firingInstant('2027-10-18'), MINUTE);
      await old.executeUpdate(defs.resumeUpdate, { args: [{ actor: 'c', reason: '已答复' }] });
      expect(typesOf(input.taskId)).toEqual(['issue', 'acknowledge', 'rung:reminder', 'paused', 'resumed']);

      const noReason = await old
        .executeUpdate(defs.reassignUpdate, { args: [{ actor: 'c', reason: ' ', toAgencyId: 'a2' }] })
        .catch((e: unknown) => e);
      expect(failureType(noReason)).toBe('REASON_REQUIRED');
      const taken = await old
        .executeUpdate(defs.reassignUpdate, { args: [{ actor: 'c', reason: '职责调整', toAgencyId: 'taken' }] })
        .catch((e: unknown) => e);
      expect(failureType(taken)).toBe('INVALID_REASSIGNMENT');
      expect((await old.query(defs.snapshotQuery)).state).toBe('in_progress');

      const done = await old.executeUpdate(defs.reassignUpdate, {
        args: [{ actor: 'c', reason: '职责调整', toAgencyId: 'a2' }],
      });
      const successor = reassigned.get(input.taskId)!;
      expect(done).toMatchObject({
        state: 'reassigned',
        reassignedTo: { taskId: successor.taskId, agency: '单位-a2' },
      });
      expect((await old.result()).state).toBe('reassigned');
      expect(eventsOf(input.taskId).at(-1)).toMatchObject({
        type: 'reassign',
        toState: 'reassigned',
        detail: { reason: '职责调整', to: { taskId: successor.taskId, agency: '单位-a2' } },
      });

      await until('the new task issued', () => eventsOf(successor.taskId).length > 0);
      const issue = eventsOf(successor.taskId)[0];
      expect(issue).toMatchObject({
        type: 'issue',
        detail: {
          dueDate: '2027-10-22',
          agency: '单位-a2',
          reassignedFrom: { taskId: input.taskId, agency: '市民政局' },
        },
      });
      expect(issue.notify?.map((n) => n.audience)).toEqual(['liaison']);
      const next = h.env().client.workflow.getHandle(defs.taskWorkflowId(successor.taskId));
      // (Waiting for the old run's result let the server skip time: the new task's timers may have run.)
      const snap = await next.query(defs.snapshotQuery);
      expect(snap).toMatchObject({ state: 'issued', dueDate: '2027-10-22' });
      expect(snap.firedRungs).toContain('reminder');
      // The reminder is not fired again; the due notice comes on the carried due date.
      await sleepUntil(firingInstant('2027-10-22'), MINUTE);
      expect(typesOf(successor.taskId)).toEqual(['issue', 'rung:due']);
      expect(eventsOf(successor.taskId)[1].detail).toMatchObject({ day: '2027-10-22', dueDate: '2027-10-22' });
      await next.terminate('test done');
    });
  });

  it('withdraws a measure: its running tasks end as 已撤销 with the reason, and no rung fires after', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const measureId = randomUUID();
    const inputs = [taskInput(DUE, { measureId }), taskInput(DUE, { measureId, agencyName: '市教委' })];
    const running = inputs.map((i) => ({ taskId: i.taskId, workflowId: defs.taskWorkflowId(i.taskId) }));
    // One more whose workflow is gone: counted as missing, told again a minute later.
    const gone = { taskId: randomUUID(), workflowId: `task-${randomUUID()}` };
    const worker = await newWorker(
      taskQueue,
      createWithdrawalActivities({
        tasks: {
          runningTaskWorkflows: (_scope, _id, after) =>
            Promise.resolve(after === null ? [...running, gone].sort((a, b) => (a.taskId < b.taskId ? -1 : 1)) : []),
        },
      }),
    );
    await worker.runUntil(async () => {
      const handles = await Promise.all(inputs.map((i) => start(taskQueue, i)));
      await handles[0].executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'l' }] });
      await handles[1].executeUpdate(defs.requestExtensionUpdate, {
        args: [{ actor: 'l', reason: '需会签', proposedDate: '2027-10-29' }],
      });
      const fanOut = await h.env().client.workflow.start(withdrawalWorkflow, {
        taskQueue,
        workflowId: withdrawalWorkflowId('measure', measureId),
        args: [{ scope: 'measure', id: measureId, reason: '政策调整，该项不再实施', by: '协调处室' }],
      });
      expect(await fanOut.result()).toEqual({ signalled: 2, missing: 1 });
      for (const [i, h] of handles.entries()) {
        expect((await h.result()).state).toBe('cancelled');
        const cancel = eventsOf(inputs[i].taskId).at(-1)!;
        expect(cancel).toMatchObject({
          type: 'cancel',
          toState: 'cancelled',
          actor: '协调处室',
          detail: { reason: '政策调整，该项不再实施', scope: 'measure' },
        });
        expect(cancel.notify?.[0].message).toContain('已撤销');
      }
      expect(eventsOf(inputs[1].taskId).at(-1)!.detail.extensionClosed).toMatchObject({ proposedDate: '2027-10-29' });
      await sleepUntil(firingInstant('2027-10-29'), MINUTE);
      expect(typesOf(inputs[0].taskId)).toEqual(['issue', 'acknowledge', 'cancel']);
      expect(typesOf(inputs[1].taskId)).toEqual(['issue', 'extension_requested', 'cancel']);
    });
  });
});
