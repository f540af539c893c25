import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { createDeliveryActivities } from '../libs/notifications/delivery.activities';
import {
  type DeliveryChannel,
  type DeliverySummary,
  type DeliveryWorkflowInput,
  PERMANENT_DELIVERY_ERRORS,
  type SendOutcome,
} from '../libs/notifications/delivery.definitions';

type Activities = ReturnType<typeof createDeliveryActivities>;

const { prepareDelivery, recordDeliveryFailure } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Sends retry with backoff for about an hour, then count as failed. The heartbeat timeout
// notices a worker that died mid-send quickly, so the retry (same idempotency key) comes soon.
const senders = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '15 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 10,
    nonRetryableErrorTypes: PERMANENT_DELIVERY_ERRORS,
  },
});

/** Puts one notification in its recipients' inboxes, then emails them and calls the webhooks. */
export async function deliveryWorkflow(input: DeliveryWorkflowInput): Promise<DeliverySummary> {
  const { notificationId } = input;
  const plan = await prepareDelivery({ notificationId });

  const attempt = async (
    channel: DeliveryChannel,
    target: string,
    send: () => Promise<SendOutcome>,
  ): Promise<SendOutcome | 'failed'> => {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const cause = err.cause instanceof ApplicationFailure ? err.cause : null;
      await recordDeliveryFailure({ notificationId, channel, target, reason: cause?.message ?? err.message });
      return 'failed';
    }
  };
  const outcomes = await Promise.all([
    ...plan.emailUserIds.map((userId) => attempt('email', userId, () => senders.sendEmail({ notificationId, userId }))),
    ...plan.webhookIds.map((webhookId) =>
      attempt('webhook', webhookId, () => senders.sendWebhook({ notificationId, webhookId })),
    ),
  ]);
  const count = (...which: (SendOutcome | 'failed')[]) => outcomes.filter((o) => which.includes(o)).length;
  return {
    inboxUsers: plan.inboxUsers,
    sent: count('sent', 'already-sent'),
    skipped: count('skipped'),
    failed: count('failed'),
  };
}
