import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createCircularActivities } from '../libs/circulars/circular.activities';
import type { CircularRunResult, CircularWorkflowInput } from '../libs/circulars/circular.definitions';
import { shanghaiDay } from '../libs/clock/domain/beijing-time';

const { issueCirculars } = proxyActivities<ReturnType<typeof createCircularActivities>>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '1 minute' },
});

// Set by the schedule on each run it starts, backfilled runs included.
const SCHEDULED_START = 'TemporalScheduledStartTime';

/**
 * One scheduled run of a 情况通报 schedule (every day at 09:00 Beijing time). The day is the
 * schedule's scheduled time, never now, so a backfilled run reports as of its own day; whether
 * the day is the circular's issue day is decided from the PRC calendar in the activity.
 */
export async function circularWorkflow(input: CircularWorkflowInput): Promise<CircularRunResult> {
  const info = workflowInfo();
  const pair = info.typedSearchAttributes.getAll().find((p) => p.key.name === SCHEDULED_START);
  const scheduled = pair?.value instanceof Date ? pair.value : info.startTime;
  return issueCirculars({ kind: input.kind, day: shanghaiDay(scheduled) });
}
