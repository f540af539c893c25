import { ApplicationFailure } from '@temporalio/common';
import { type WorkCalendar, workingDaysBetween } from '../calendar/domain/working-days';
import { planTask, type PlanInput, type TaskPlan } from '../clock/domain/firing-plan';
import type { TaskEventRecord, TaskEventsService } from './task-events.service';
import { TaskError } from './tasks.errors';

export interface ReassignedTask {
  taskId: string;
  agencyName: string;
}

export interface TaskActivityDeps {
  events: Pick<TaskEventsService, 'record'>;
  calendar: { getWorkCalendar(): Promise<WorkCalendar> };
  /** Starts delivery of an event's notifications (libs/notifications); absent, they are only stored. */
  deliveries?: { startForEvent(taskId: string, seq: number): Promise<void> };
  /** Writes the task a reassignment (转办) hands over to, or finds the one a retry wrote. */
  reassignments?: { createReassigned(fromTaskId: string, toAgencyId: string): Promise<ReassignedTask> };
  /** Raises the once-per-year notice of a provisional calendar year (libs/notifications). */
  provisionalYears?: { raise(years: readonly number[]): Promise<void> };
}

// An acceptance of a late submission records how many working days late it was: the workflow has no calendar.
async function withLateness(deps: TaskActivityDeps, event: TaskEventRecord): Promise<TaskEventRecord> {
  const { dueDate, submittedOn, onTime } = event.detail;
  if (event.type !== 'accept' || onTime !== false || typeof dueDate !== 'string' || typeof submittedOn !== 'string') {
    return event;
  }
  const workingDaysLate = workingDaysBetween(await deps.calendar.getWorkCalendar(), dueDate, submittedOn);
  return { ...event, detail: { ...event.detail, workingDaysLate } };
}

/** Activities of the task workflow, built from injected services (no Nest inside). */
export function createTaskActivities(deps: TaskActivityDeps) {
  return {
    /** Idempotent: a retry with the same (taskId, seq) writes nothing twice and starts no delivery twice. */
    async recordTaskEvent(event: TaskEventRecord): Promise<void> {
      const outcome = await deps.events.record(await withLateness(deps, event));
      if (outcome === 'unknown-task') {
        throw ApplicationFailure.nonRetryable(`task ${event.taskId} does not exist`, 'TASK_NOT_FOUND');
      }
      // After the commit, also on 'duplicate': a retry after a failed start starts it now.
      if (event.notify?.length) await deps.deliveries?.startForEvent(event.taskId, event.seq);
    },

    /** The successor of a reassigned task: its row (draft, same measure and role, linked to the old one). */
    async createReassignedTask(input: { fromTaskId: string; toAgencyId: string }): Promise<ReassignedTask> {
      if (!deps.reassignments) throw ApplicationFailure.nonRetryable('reassignment is not wired', 'NOT_WIRED');
      try {
        return await deps.reassignments.createReassigned(input.fromTaskId, input.toAgencyId);
      } catch (err) {
        if (err instanceof TaskError) throw ApplicationFailure.nonRetryable(err.message, err.code);
        throw err;
      }
    },

    /** The working days the workflow needs, from the calendar in the database. */
    async planTaskDeadline(input: PlanInput): Promise<TaskPlan> {
      const plan = planTask(await deps.calendar.getWorkCalendar(), input);
      if (plan.provisionalYears?.length) await deps.provisionalYears?.raise(plan.provisionalYears);
      return plan;
    },
  };
}
