import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { DocumentWorkflowInput, MeasureWorkflowInput } from '../libs/launch/launch.definitions';
import { measureWorkflowId, taskWorkflowId } from '../libs/launch/launch.definitions';
import { taskWorkflow } from './task.workflow';

/** One workflow per measure, one child per task; finishes when every task is final. */
export async function measureWorkflow(input: MeasureWorkflowInput): Promise<number> {
  const children = await Promise.all(
    input.tasks.map((task) =>
      startChild(taskWorkflow, {
        workflowId: taskWorkflowId(task.taskId),
        args: [task],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  await Promise.all(children.map((child) => child.result()));
  return children.length;
}

/** One workflow per launched document: starts a child per measure. */
export async function documentWorkflow(input: DocumentWorkflowInput): Promise<number> {
  const children = await Promise.all(
    input.measures.map((measure) =>
      startChild(measureWorkflow, {
        workflowId: measureWorkflowId(measure.measureId),
        args: [measure],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  const counts = await Promise.all(children.map((child) => child.result()));
  return counts.reduce((a, b) => a + b, 0);
}
