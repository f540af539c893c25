import { getExternalWorkflowHandle } from '@temporalio/workflow';
import type { MeasureCarry } from '../libs/launch/launch.definitions';
import { closedWithMeasure, currentTasks, type RosterTask, rosterFinal } from '../libs/tasks/domain/measure-done';
import { isFinal, type TaskState } from '../libs/tasks/domain/task-state';
import { measureDoneSignal, type TaskAddedInput, taskWorkflowId } from '../libs/tasks/task.definitions';

/**
 * What a measure's workflow knows of its tasks: those it started, those added since (转办, a
 * revision) and their states, so that the done rule (rule 9) reads the current set, per period.
 */
export class MeasureRun {
  readonly tasks: RosterTask[];
  private readonly told: Set<string>;
  // A final state heard before the task itself (it cannot be lost to the order of signals).
  private readonly early = new Map<string, TaskState>();
  // Bumped by every change, so the workflow re-reads the rule.
  version = 0;

  constructor(carry?: MeasureCarry) {
    this.tasks = carry?.tasks.map((t) => ({ ...t })) ?? [];
    this.told = new Set(carry?.told ?? []);
  }

  add(t: TaskAddedInput): void {
    if (this.tasks.some((x) => x.taskId === t.taskId)) return;
    const { taskId, agencyName, role } = t;
    const state = this.early.get(taskId) ?? 'issued';
    this.tasks.push({ taskId, agencyName, role, state, replaces: t.replaces ?? null, period: t.period ?? 1 });
    this.version++;
  }

  final(taskId: string, state: TaskState): void {
    const task = this.tasks.find((t) => t.taskId === taskId);
    if (!task) {
      this.early.set(taskId, state);
      return;
    }
    if (task.state === state || isFinal(task.state)) return;
    task.state = state;
    this.version++;
  }

  allFinal(): boolean {
    return rosterFinal(this.tasks);
  }

  /** Sends `measureDone` to the open tasks of each done period; answers whether it sent any. */
  async closeDone(): Promise<boolean> {
    const sends: Promise<void>[] = [];
    for (const period of new Set(this.tasks.map((t) => t.period))) {
      const current = currentTasks(this.tasks, period);
      const open = closedWithMeasure(current).filter((t) => !this.told.has(t.taskId));
      const doneBy = current.filter((t) => t.state === 'accepted').map((t) => t.agencyName);
      for (const t of open) {
        this.told.add(t.taskId);
        sends.push(
          getExternalWorkflowHandle(taskWorkflowId(t.taskId))
            .signal(measureDoneSignal, { doneBy })
            .catch(() => undefined), // finished meanwhile: nothing to close
        );
      }
    }
    await Promise.all(sends);
    return sends.length > 0;
  }

  /** The periods still open, for the next run: a period whose tasks are all final is done with. */
  carry(): MeasureCarry {
    const open = new Set(
      [...new Set(this.tasks.map((t) => t.period))].filter(
        (p) => !currentTasks(this.tasks, p).every((t) => isFinal(t.state)),
      ),
    );
    const tasks = this.tasks.filter((t) => open.has(t.period));
    return { tasks, told: tasks.filter((t) => this.told.has(t.taskId)).map((t) => t.taskId) };
  }
}
