import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { taskWorkflowId } from './task.definitions';
import { TaskError } from './tasks.errors';
import { TASK_STATES, type TaskRole, type TaskState } from './domain/task-state';
import { type NewDraftTask, TaskRepository, type TaskViewRow } from './task.repository';

/** States in which a task still waits for its agency or its reviewer. */
const OPEN_STATES: readonly TaskState[] = ['issued', 'in_progress', 'submitted'];

/** What other contexts ask of tasks: import creates them, launch issues them, the registry and metrics count them. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

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

  /** One measure's tasks of a period (the first by default) in launch order, with the measure's and agency's names. */
  tasksOfMeasure(measureId: string, period = 1): Promise<TaskViewRow[]> {
    return this.tasks.forLaunchOfMeasure(measureId, period);
  }

  /**
   * A recurring measure's tasks for a later period, written once (a repeat finds them): one per
   * agency carrying the period before, same role, due on the period's date. Answers them.
   */
  async createPeriodTasks(measureId: string, period: number, dueDate: string): Promise<TaskViewRow[]> {
    await this.db.transaction((tx) => this.tasks.insertPeriod(measureId, period, dueDate, tx));
    return this.tasks.forLaunchOfMeasure(measureId, period);
  }

  /** Sets the due date and the workflow id of a task being launched. */
  /** Roles set at launch (a designated lead and those cooperating with it), the text's kept. */
  setLaunchRoles(changes: readonly { taskId: string; role: TaskRole }[], tx: EntityManager): Promise<void> {
    return this.tasks.setLaunchRoles(changes, tx);
  }

  markLaunched(taskId: string, dueDate: string, workflowId: string, tx: EntityManager): Promise<void> {
    return this.tasks.setLaunched(taskId, dueDate, workflowId, tx);
  }

  /** Running tasks (waiting for their agency or reviewer) with their workflow ids, a page at a time. */
  openTaskWorkflows(after: string | null, limit: number): Promise<{ taskId: string; workflowId: string }[]> {
    return this.tasks.openWorkflowsAfter(OPEN_STATES, after, limit);
  }

  /**
   * The successor row of a reassigned task (转办), with its workflow id; repeat-safe. Refused with
   * INVALID_REASSIGNMENT when the agency is unknown, the same, or already on the measure.
   */
  async createReassigned(fromTaskId: string, toAgencyId: string): Promise<{ taskId: string; agencyName: string }> {
    return this.db.transaction(async (tx) => {
      const problem = await this.tasks.reassignmentProblem(fromTaskId, toAgencyId, tx);
      if (problem) throw new TaskError('INVALID_REASSIGNMENT', problem);
      const created = await this.tasks.insertReassigned(fromTaskId, toAgencyId, tx);
      await this.tasks.setWorkflowId(created.taskId, taskWorkflowId(created.taskId), tx);
      return created;
    });
  }

  /** Why a reassignment cannot be made, or null (checked again when the workflow makes it). */
  reassignmentProblem(fromTaskId: string, toAgencyId: string): Promise<string | null> {
    return this.tasks.reassignmentProblem(fromTaskId, toAgencyId);
  }

  /** Cancels a withdrawn document's or measure's tasks that were never launched; answers how many. */
  cancelUnlaunched(
    scope: 'document' | 'measure',
    id: string,
    by: string,
    reason: string,
    tx: EntityManager,
  ): Promise<number> {
    return this.tasks.cancelUnlaunched(scope, id, by, reason, tx);
  }

  /**
   * Cancels the tasks of a withdrawn measure whose workflows its measure workflow will now not
   * start (launched, never issued): the measure workflow's launch activity calls this.
   */
  async cancelNotStarted(measureId: string, reason: string): Promise<number> {
    return this.db.transaction((tx) =>
      this.tasks.cancelUnlaunched('measure', measureId, 'system', reason, tx, 'workflow-not-started'),
    );
  }

  /** Running task workflows of a document or measure, a page at a time (the withdrawal fan-out). */
  runningTaskWorkflows(
    scope: 'document' | 'measure' | 'task',
    id: string,
    after: string | null,
    limit: number,
  ): Promise<{ taskId: string; workflowId: string }[]> {
    return this.tasks.runningWorkflowsOf(scope, id, after, limit);
  }

  /** A task a revision keeps, with its role and attribution in the new text. */
  reviseTask(
    id: string,
    t: { role: TaskRole; partyAsWritten: string; span: [number, number] | null },
    tx: EntityManager,
  ) {
    return this.tasks.reviseTask(id, t, tx);
  }

  /** Launches the draft tasks a revision added (workflow ids `task-<id>`); answers them. */
  launchDrafts(documentId: string, dueDate: string, tx: EntityManager): Promise<{ id: string; measureId: string }[]> {
    return this.tasks.launchDrafts(documentId, dueDate, tx);
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
