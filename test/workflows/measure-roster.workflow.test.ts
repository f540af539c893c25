import { randomUUID } from 'node:crypto';
import type { MeasureLaunch } from '../../libs/launch/launch.definitions';
import { measureWorkflowId, taskWorkflowId } from '../../libs/launch/launch.definitions';
import { measureRevisionWorkflowId } from '../../libs/revision/revision.definitions';
import * as defs from '../../libs/tasks/task.definitions';
import { measureWorkflow } from '../../workflows/document.workflow';
import { measureRevisionWorkflow } from '../../workflows/revision.workflow';
import { prcCalendarWithShiftedYears } from '../factories/prc-calendar';
import { taskInput } from '../factories/task-input';
import { taskHarness } from '../setup/task-harness';

const DUE = '2027-10-15';

// Rule 9 over the tasks a measure has now: those reassigned in (转办) and those a revision added.
describe('a measure workflow hears of the tasks added after its launch', () => {
  const calendar = prcCalendarWithShiftedYears(2);
  const successors = new Map<string, { taskId: string; agencyName: string }>();
  const h = taskHarness(() => calendar, {
    reassignments: {
      createReassigned: (fromTaskId, toAgencyId) => {
        const made = successors.get(fromTaskId) ?? { taskId: randomUUID(), agencyName: `单位-${toAgencyId}` };
        successors.set(fromTaskId, made);
        return Promise.resolve(made);
      },
    },
  });
  const { activities, eventsOf, typesOf, until } = h;
  beforeEach(() => h.setUp());
  afterEach(() => h.tearDown());

  const launchOf = (documentId: string, measureId: string, tasks: MeasureLaunch['tasks']): MeasureLaunch => {
    const base = taskInput(DUE, { documentId, measureId });
    const { measureTitle, dueBasis, ladder, maxExtensions, issuedOn } = base;
    const settings = { documentId, measureId, measureTitle, dueDate: DUE, dueBasis, ladder, maxExtensions, issuedOn };
    return { settings: { ...settings, cadence: null }, tasks };
  };
  const handle = (taskId: string) => h.env().client.workflow.getHandle(taskWorkflowId(taskId));
  const accept = async (taskId: string, actor: string) => {
    const task = handle(taskId);
    await task.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor }] });
    await task.executeUpdate(defs.submitUpdate, { args: [{ actor, evidence: '材料' }] });
    await task.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'c', decision: 'accept' }] });
  };

  it('a lead reassigned and then accepted closes the open cooperating task', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const [documentId, measureId] = [randomUUID(), randomUUID()];
    const lead = { taskId: randomUUID(), agencyName: '市民政局', role: 'lead' as const };
    const coop = { taskId: randomUUID(), agencyName: '市教委', role: 'cooperating' as const };
    const launch = launchOf(documentId, measureId, [lead, coop]);
    const worker = await h.newWorker(taskQueue, { ...activities, measureLaunch: () => Promise.resolve(launch) });
    await worker.runUntil(async () => {
      const measure = await h.env().client.workflow.start(measureWorkflow, {
        taskQueue,
        workflowId: measureWorkflowId(measureId),
        args: [{ documentId, measureId }],
      });
      await until('two issued tasks', () => [lead, coop].every((t) => eventsOf(t.taskId).length > 0));
      await handle(lead.taskId).executeUpdate(defs.reassignUpdate, {
        args: [{ actor: 'c', reason: '职责调整', toAgencyId: 'a2' }],
      });
      expect((await handle(lead.taskId).result()).state).toBe('reassigned');
      const successor = successors.get(lead.taskId)!;
      await until('the successor issued', () => eventsOf(successor.taskId).length > 0);
      // The old lead's end (已转办) does not make the measure done: the cooperating task stays open.
      expect((await handle(coop.taskId).query(defs.snapshotQuery)).state).toBe('issued');

      await accept(successor.taskId, 'l2');
      expect((await handle(coop.taskId).result()).state).toBe('closed');
      expect(eventsOf(coop.taskId).at(-1)).toMatchObject({ type: 'close', detail: { doneBy: ['单位-a2'] } });
      expect(await measure.result()).toBe(2);
    });
  });

  it('a task a revision added counts toward done', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const [documentId, measureId] = [randomUUID(), randomUUID()];
    const lead = { taskId: randomUUID(), agencyName: '市民政局', role: 'lead' as const };
    const coop = { taskId: randomUUID(), agencyName: '市教委', role: 'cooperating' as const };
    const added = { taskId: randomUUID(), agencyName: '市财政局', role: 'shared' as const };
    const launch = launchOf(documentId, measureId, [lead, coop]);
    const worker = await h.newWorker(taskQueue, {
      ...activities,
      measureLaunch: () => Promise.resolve(launch),
      revisionCommitted: () => Promise.resolve(),
      tasksToWithdraw: () => Promise.resolve({ tasks: [] }),
    });
    await worker.runUntil(async () => {
      const measure = await h.env().client.workflow.start(measureWorkflow, {
        taskQueue,
        workflowId: measureWorkflowId(measureId),
        args: [{ documentId, measureId }],
      });
      await until('two issued tasks', () => [lead, coop].every((t) => eventsOf(t.taskId).length > 0));
      launch.tasks = [lead, coop, added];
      const revised = await h.env().client.workflow.execute(measureRevisionWorkflow, {
        taskQueue,
        workflowId: measureRevisionWorkflowId(measureId, 2),
        args: [{ documentId, measureId, revision: 2, summary: '', newTaskIds: [added.taskId] }],
      });
      expect(revised).toEqual({ told: 0, started: 1 });
      await until('the added task issued', () => eventsOf(added.taskId).length > 0);

      // The lead alone does not make it done now: the shared party the revision added is owed too.
      await accept(lead.taskId, 'l1');
      expect((await handle(coop.taskId).query(defs.snapshotQuery)).state).toBe('issued');
      await accept(added.taskId, 'l3');
      expect((await handle(coop.taskId).result()).state).toBe('closed');
      expect(eventsOf(coop.taskId).at(-1)).toMatchObject({ detail: { doneBy: ['市民政局', '市财政局'] } });
      expect(typesOf(coop.taskId)).toEqual(['issue', 'close']);
      expect(await measure.result()).toBe(2);
    });
  });
});
