import { ApplicationFailure } from '@temporalio/common';
import type { TaskEventRecord, TaskEventsService } from './task-events.service';

/** Activities of the task workflow, built from injected services (no Nest inside). */
export function createTaskActivities(deps: { events: Pick<TaskEventsService, 'record'> }) {
  return {
    /** Idempotent: a retry with the same (taskId, seq) writes nothing twice. */
    async recordTaskEvent(event: TaskEventRecord): Promise<void> {
      const outcome = await deps.events.record(event);
      if (outcome === 'unknown-task') {
        throw ApplicationFailure.nonRetryable(`task ${event.taskId} does not exist`, 'TASK_NOT_FOUND');
      }
    },
  };
}
