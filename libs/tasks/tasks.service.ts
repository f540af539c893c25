import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TASK_STATES, type TaskState } from './domain/task-state';
import { type NewDraftTask, TaskRepository, type TaskViewRow } from './task.repository';

/** States in which a task still waits for its agency or its reviewer. */
const OPEN_STATES: readonly TaskState[] = ['issued', 'in_progress', 'submitted'];

/** What other contexts ask of tasks: import creates them, launch issues them, the registry and metrics count them. */
@Injectable()
export class TasksService {
  constructor(private readonly tasks: TaskRepository) {}

  /** The draft tasks of a confirmed import, in its transaction. */
  async createDrafts(documentId: string, tasks: NewDraftTask[], tx: EntityManager): Promise<void> {
    await this.tasks.insertDrafts(documentId, tasks, tx);
  }

  countOfDocument(documentId: string, manager?: EntityManager): Promise<number> {
    return this.tasks.countOfDocument(documentId, manager);
  }

  /** Each task of a document with its measure and agency names (for revision diffs and launch). */
  tasksOfDocument(documentId: string, manager?: EntityManager): Promise<TaskViewRow[]> {
    return this.tasks.viewsOfDocument(documentId, manager);
  }

  /** A document's tasks in launch order, read in the launch's transaction. */
  tasksToLaunch(documentId: string, tx: EntityManager): Promise<TaskViewRow[]> {
    return this.tasks.forLaunch(documentId, tx);
  }

  /** The measures of a document that have tasks, in document order. */
  measureIdsWithTasks(documentId: string): Promise<string[]> {
    return this.tasks.measureIdsWithTasks(documentId);
  }

  /** One measure's tasks in launch order, with the measure's and agency's names. */
  tasksOfMeasure(measureId: string): Promise<TaskViewRow[]> {
    return this.tasks.forLaunchOfMeasure(measureId);
  }

  /** Sets the due date and the workflow id of a task being launched. */
  markLaunched(taskId: string, dueDate: string, workflowId: string, tx: EntityManager): Promise<void> {
    return this.tasks.setLaunched(taskId, dueDate, workflowId, tx);
  }

  /** Running tasks (waiting for their agency or reviewer) with their workflow ids, a page at a time. */
  openTaskWorkflows(after: string | null, limit: number): Promise<{ taskId: string; workflowId: string }[]> {
    return this.tasks.openWorkflowsAfter(OPEN_STATES, after, limit);
  }

  exists(taskId: string): Promise<boolean> {
    return this.tasks.exists(taskId);
  }

  documentIdOf(taskId: string, manager?: EntityManager): Promise<string | null> {
    return this.tasks.documentIdOf(taskId, manager);
  }

  /** Tasks issued, in progress or submitted, per agency id. */
  async openCountsByAgency(): Promise<Map<string, number>> {
    return new Map((await this.tasks.countByAgency(OPEN_STATES)).map((r) => [r.agencyId, r.n]));
  }

  /** Every state with its task count (0 for a state no task is in). */
  async countsByState(): Promise<Record<TaskState, number>> {
    const counts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
    for (const row of await this.tasks.countByState()) counts[row.state] = row.n;
    return counts;
  }

  /** Escalation rungs fired so far, by ladder rule. */
  rungsFired(): Promise<{ rule: string | null; n: number }[]> {
    return this.tasks.countRungsByRule();
  }
}
