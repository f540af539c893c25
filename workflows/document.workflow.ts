import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import type { createLaunchActivities } from '../libs/launch/launch.activities';
import type { DocumentWorkflowInput, MeasureWorkflowInput } from '../libs/launch/launch.definitions';
import { measureWorkflowId, taskWorkflowId, taskWorkflowInput } from '../libs/launch/launch.definitions';
import type { TaskWorkflowInput } from '../libs/tasks/task.definitions';
import { taskWorkflow } from './task.workflow';

const { launchMeasureIds, measureLaunch } = proxyActivities<ReturnType<typeof createLaunchActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '30 seconds' },
});

// Launches before `launch-by-id` carried every task inline; their histories replay on that path.
const BY_ID = 'launch-by-id';

/** One workflow per measure, one child per task; finishes when every task is final. */
export async function measureWorkflow(input: MeasureWorkflowInput): Promise<number> {
  let tasks: TaskWorkflowInput[] = input.tasks ?? [];
  if (patched(BY_ID)) {
    const launch = await measureLaunch(input.documentId, input.measureId);
    tasks = launch.tasks.map((task) => taskWorkflowInput(launch, task));
  }
  const children = await Promise.all(
    tasks.map((task) =>
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
  let measures: MeasureWorkflowInput[] = input.measures ?? [];
  if (patched(BY_ID)) {
    const { documentId } = input;
    measures = (await launchMeasureIds(documentId)).map((measureId) => ({ documentId, measureId }));
  }
  const children = await Promise.all(
    measures.map((measure) =>
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
