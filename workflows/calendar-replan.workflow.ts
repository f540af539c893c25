import { ActivityFailure, continueAsNew, getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type { createCalendarReplanActivities } from '../libs/tasks/calendar-replan.activities';
import {
  type CalendarReplanInput,
  type CalendarReplanResult,
  REPLAN_PAGE_SIZE,
} from '../libs/tasks/calendar-replan.definitions';
import { calendarChangedSignal } from '../libs/tasks/task.definitions';

type Activities = ReturnType<typeof createCalendarReplanActivities>;
const { openTasksAfter } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});
// The change is written in the transaction that starts this run: give its commit about a minute.
const { calendarChangeCommitted } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 6 },
});

const PAGES_PER_RUN = 10;

/**
 * Tells every running task that the calendar changed, page by page, so each re-plans its rungs.
 * Durable: a crash of the API or the worker mid-way resumes where it stopped.
 */
export async function calendarReplanWorkflow(input: CalendarReplanInput): Promise<CalendarReplanResult> {
  let { after = null, signalled = 0, missing = 0 } = input;
  if (after === null && !(await committed(input.changeId))) return { signalled, missing, committed: false };
  const change = { reason: input.reason, changedDays: input.changedDays };
  for (let page = 0; ; page++) {
    if (page === PAGES_PER_RUN) {
      return continueAsNew<typeof calendarReplanWorkflow>({ ...input, after, signalled, missing });
    }
    const { tasks } = await openTasksAfter({ after, limit: REPLAN_PAGE_SIZE });
    // A task that finished since the page was read no longer takes signals: it needs no re-plan.
    const delivered = await Promise.all(
      tasks.map(({ workflowId }) =>
        getExternalWorkflowHandle(workflowId)
          .signal(calendarChangedSignal, change)
          .then(
            () => true,
            () => false,
          ),
      ),
    );
    signalled += delivered.filter(Boolean).length;
    missing += delivered.filter((ok) => !ok).length;
    if (tasks.length < REPLAN_PAGE_SIZE) return { signalled, missing, committed: true };
    after = tasks[tasks.length - 1].taskId;
  }
}

async function committed(changeId: string): Promise<boolean> {
  try {
    await calendarChangeCommitted({ changeId });
    return true;
  } catch (err) {
    if (err instanceof ActivityFailure) return false;
    throw err;
  }
}
