import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { deliveryWorkflow } from '../../workflows/delivery.workflow';
import type { digestWorkflow } from '../../workflows/digest.workflow';
import { deliveryWorkflowId } from './delivery.definitions';
import type { DeliveryStore } from './delivery-store.service';
import { digestArrived, digestWorkflowId } from './digest.definitions';

/**
 * Starts delivery of the notifications of an event, or of a notice about the system, after the
 * transaction that wrote them has committed: one delivery workflow per notification, except that
 * a rung's notices join their digest (signal-with-start of the digest workflow of their key). The
 * business-key workflow IDs make a repeated start (a retried activity) a no-op; a repeated signal
 * to a digest adds nothing, as its composing finds the notice already in a digest.
 */
export class DeliveryStarter {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly store: Pick<DeliveryStore, 'ofEvent'>,
    private readonly digestWindowSeconds = 120,
  ) {}

  async startForEvent(taskId: string, eventSeq: number): Promise<void> {
    const notices = await this.store.ofEvent(taskId, eventSeq);
    await this.startFor(notices.filter((n) => n.digestKey === null).map((n) => n.id));
    for (const { id, digestKey } of notices) {
      if (digestKey !== null) await this.addToDigest(digestKey, id);
    }
  }

  async startFor(notificationIds: string[]): Promise<void> {
    for (const notificationId of notificationIds) {
      try {
        await this.client.workflow.start<typeof deliveryWorkflow>('deliveryWorkflow', {
          workflowId: deliveryWorkflowId(notificationId),
          taskQueue: this.taskQueue,
          args: [{ notificationId }],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    }
  }

  // A closed run of the key may be followed by a new one (the default reuse policy): a straggler's digest.
  private async addToDigest(key: string, notificationId: string): Promise<void> {
    await this.client.workflow.signalWithStart<typeof digestWorkflow, [{ notificationId: string }]>('digestWorkflow', {
      workflowId: digestWorkflowId(key),
      taskQueue: this.taskQueue,
      args: [{ key, windowSeconds: this.digestWindowSeconds }],
      signal: digestArrived,
      signalArgs: [{ notificationId }],
    });
  }
}
