import { ParentClosePolicy, proxyActivities, setHandler, sleep, startChild } from '@temporalio/workflow';
import type { createDigestActivities } from '../libs/notifications/digest.activities';
import { deliveryWorkflowId } from '../libs/notifications/delivery.definitions';
import { digestArrived, type DigestSummary, type DigestWorkflowInput } from '../libs/notifications/digest.definitions';
import { deliveryWorkflow } from './delivery.workflow';

const { firstDigestPart, composeDigest } = proxyActivities<ReturnType<typeof createDigestActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Gathers the rung notices of one digest key: started (signal-with-start) by the first, it waits
 * the window, composes one digest of everything that arrived and delivers it. Notices arriving
 * while it composes get another round; a straggler after the run has closed starts a new run,
 * whose digest is the day's next part. Composing is keyed by (key, part), so a retry sends nothing twice.
 */
export async function digestWorkflow(input: DigestWorkflowInput): Promise<DigestSummary> {
  let arrived = 0;
  setHandler(digestArrived, () => void arrived++);
  const { key } = input;
  let part = await firstDigestPart({ key });
  const digests: string[] = [];
  let handled = 0;
  while (arrived > handled) {
    await sleep(input.windowSeconds * 1000);
    handled = arrived;
    const notificationId = await composeDigest({ key, part });
    if (notificationId === null) continue;
    await startChild(deliveryWorkflow, {
      workflowId: deliveryWorkflowId(notificationId),
      args: [{ notificationId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    digests.push(notificationId);
    part++;
  }
  return { digests };
}
