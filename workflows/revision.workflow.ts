import {
  ActivityFailure,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import type { createLaunchActivities } from '../libs/launch/launch.activities';
import { taskWorkflowInput } from '../libs/launch/launch.definitions';
import type { createRevisionActivities } from '../libs/revision/revision.activities';
import type { MeasureRevisionInput } from '../libs/revision/revision.definitions';
import { measureRevisedSignal, taskWorkflowId } from '../libs/tasks/task.definitions';
import type { createWithdrawalActivities } from '../libs/withdrawal/withdrawal.activities';
import { WITHDRAW_PAGE_SIZE, type WithdrawalPage } from '../libs/withdrawal/withdrawal.definitions';
import { tellMeasureAdded } from './measure-link';
import { taskWorkflow } from './task.workflow';

type Activities = ReturnType<typeof createLaunchActivities> &
  ReturnType<typeof createWithdrawalActivities> &
  ReturnType<typeof createRevisionActivities>;
const { measureLaunch, tasksToWithdraw } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '30 seconds' },
});
// Started in the revision's transaction: give its commit about a minute, else it never happened.
const { revisionCommitted } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 6 },
});

/**
 * A revision of a launched document changed or added this measure: its running tasks are told
 * what changed (they carry on with their clock), and the tasks the revision added are started.
 */
export async function measureRevisionWorkflow(input: MeasureRevisionInput): Promise<{ told: number; started: number }> {
  const { documentId, measureId, revision, summary, newTaskIds } = input;
  try {
    await revisionCommitted({ documentId, revision });
  } catch (err) {
    if (err instanceof ActivityFailure) return { told: 0, started: 0 }; // rolled back
    throw err;
  }
  let told = 0;
  if (summary) {
    for (let after: string | null = null; ;) {
      const { tasks }: WithdrawalPage = await tasksToWithdraw({
        scope: 'measure',
        id: measureId,
        after,
        limit: WITHDRAW_PAGE_SIZE,
      });
      const running = tasks.filter((t) => !newTaskIds.includes(t.taskId));
      const sent = await Promise.all(
        running.map((t) =>
          getExternalWorkflowHandle(t.workflowId)
            .signal(measureRevisedSignal, { summary, revision })
            .then(
              () => true,
              () => false,
            ),
        ),
      );
      told += sent.filter(Boolean).length;
      if (tasks.length < WITHDRAW_PAGE_SIZE) break;
      after = tasks[tasks.length - 1].taskId;
    }
  }
  let started = 0;
  if (newTaskIds.length > 0) {
    const launch = await measureLaunch(documentId, measureId);
    for (const task of launch.tasks.filter((t) => newTaskIds.includes(t.taskId))) {
      await startChild(taskWorkflow, {
        workflowId: taskWorkflowId(task.taskId),
        args: [taskWorkflowInput(launch, task)],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      // The measure counts it toward done (rule 9). Revisions before this started it unannounced.
      if (patched('revision-tells-measure')) {
        await tellMeasureAdded(measureId, { ...task, replaces: null });
      }
      started += 1;
    }
  }
  return { told, started };
}
