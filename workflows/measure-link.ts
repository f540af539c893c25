import { getExternalWorkflowHandle } from '@temporalio/workflow';
import type { TaskState } from '../libs/tasks/domain/task-state';
import { measureWorkflowId } from '../libs/launch/launch.definitions';
import { type TaskAddedInput, taskAddedSignal, taskFinalSignal } from '../libs/tasks/task.definitions';

// By id, so a measure that continued as new (a recurring one, per period) is reached in its current
// run. A measure whose workflow has ended (before it tracked added tasks) has nobody to tell.
const measure = (measureId: string) => getExternalWorkflowHandle(measureWorkflowId(measureId));

/** Tells the measure's workflow of a task it did not start itself (转办, a revision). */
export const tellMeasureAdded = (measureId: string, task: TaskAddedInput): Promise<void> =>
  measure(measureId)
    .signal(taskAddedSignal, task)
    .catch(() => undefined);

/** Tells the measure's workflow that one of its tasks reached a final state. */
export const tellMeasureFinal = (measureId: string, taskId: string, state: TaskState): Promise<void> =>
  measure(measureId)
    .signal(taskFinalSignal, { taskId, state })
    .catch(() => undefined);
