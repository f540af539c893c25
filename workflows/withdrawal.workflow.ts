import { continueAsNew, getExternalWorkflowHandle, proxyActivities, sleep } from '@temporalio/workflow';
import { withdrawSignal } from '../libs/tasks/task.definitions';
import type { createWithdrawalActivities } from '../libs/withdrawal/withdrawal.activities';
import {
  WITHDRAW_PAGE_SIZE,
  type WithdrawalInput,
  type WithdrawalPage,
  type WithdrawalResult,
} from '../libs/withdrawal/withdrawal.definitions';

const { tasksToWithdraw } = proxyActivities<ReturnType<typeof createWithdrawalActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

const PAGES_PER_RUN = 10;

/**
 * Tells every running task of a withdrawn measure or document to end (已撤销), page by page.
 * Durable: a crash of the API or the worker mid-way resumes where it stopped.
 */
export async function withdrawalWorkflow(input: WithdrawalInput): Promise<WithdrawalResult> {
  let { after = null, signalled = 0, missing = 0 } = input;
  const { scope, id, reason, by } = input;
  const tell = (workflowId: string) =>
    getExternalWorkflowHandle(workflowId)
      .signal(withdrawSignal, { reason, by, scope })
      .then(
        () => true,
        () => false,
      );
  for (let page = 0; ; page++) {
    if (page === PAGES_PER_RUN) {
      return continueAsNew<typeof withdrawalWorkflow>({ ...input, after, signalled, missing });
    }
    const { tasks } = await tasksToWithdraw({ scope, id, after, limit: WITHDRAW_PAGE_SIZE });
    const told = await Promise.all(tasks.map((t) => tell(t.workflowId)));
    signalled += told.filter(Boolean).length;
    missing += told.filter((ok) => !ok).length;
    if (tasks.length < WITHDRAW_PAGE_SIZE) break;
    after = tasks[tasks.length - 1].taskId;
  }
  // A task whose workflow was being started as the withdrawal came had no workflow to tell yet:
  // once started it is told now. (Tasks its measure workflow had not started are cancelled there.)
  if (missing > 0) {
    await sleep('1 minute');
    let again: string | null = null;
    for (;;) {
      const { tasks }: WithdrawalPage = await tasksToWithdraw({ scope, id, after: again, limit: WITHDRAW_PAGE_SIZE });
      const told = await Promise.all(tasks.map((t) => tell(t.workflowId)));
      signalled += told.filter(Boolean).length;
      if (tasks.length < WITHDRAW_PAGE_SIZE) break;
      again = tasks[tasks.length - 1].taskId;
    }
  }
  return { signalled, missing };
}
