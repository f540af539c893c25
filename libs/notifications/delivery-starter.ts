import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { deliveryWorkflow } from '../../workflows/delivery.workflow';
import { deliveryWorkflowId } from './delivery.definitions';
import type { DeliveryStore } from './delivery-store.service';

/**
 * Starts one delivery workflow per notification (of an event, or a notice about the system),
 * after the transaction that wrote it has committed. The business-key workflow ID makes a repeated start (a retried activity) a no-op.
 */
export class DeliveryStarter {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly store: Pick<DeliveryStore, 'idsOfEvent'>,
  ) {}

  async startForEvent(taskId: string, eventSeq: number): Promise<void> {
    await this.startFor(await this.store.idsOfEvent(taskId, eventSeq));
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
}
