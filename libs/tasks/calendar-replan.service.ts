import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { calendarReplanWorkflow } from '../../workflows/calendar-replan.workflow';
import type { CalendarChangeSummary } from '../calendar/calendar.service';
import { APP_CONFIG, type AppConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal';
import { type CalendarReplanResult, calendarReplanWorkflowId } from './calendar-replan.definitions';
import { TaskError } from './tasks.errors';

/** How long a calendar change's answer waits for its re-plan; a busy system answers "in progress". */
const REPLAN_WAIT_MS = 20_000;

/** Starts and follows the durable re-plan of running tasks after a calendar change. */
@Injectable()
export class CalendarReplanService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A change that moves no working day (and covers no new year) needs no re-plan. */
  needsReplan(change: CalendarChangeSummary): boolean {
    return change.changedDays.length > 0 || change.newlyCovered;
  }

  /**
   * Starts the fan-out for a change, inside the change's transaction (CalendarService's
   * beforeCommit): if Temporal refuses, the change rolls back. Safe to repeat: the business key
   * finds a started run.
   */
  async start(change: CalendarChangeSummary, changeId: string, reason: string): Promise<void> {
    if (!this.needsReplan(change)) return;
    try {
      await this.temporal.workflow.start<typeof calendarReplanWorkflow>('calendarReplanWorkflow', {
        workflowId: calendarReplanWorkflowId(changeId),
        taskQueue: this.config.temporal.taskQueue,
        args: [{ changeId, reason, changedDays: change.changedDays }],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw new TaskError(
        'WORKFLOW_UNAVAILABLE',
        `工作流服务暂不可用，日历未修改，请稍后重试：${(err as Error).message}`,
      );
    }
  }

  /**
   * Waits, at most `waitMs`, for the fan-out of a committed change: how many running tasks were
   * told to re-plan; 'running' when it is still at work (it is durable and finishes on its own).
   */
  async result(
    change: CalendarChangeSummary,
    changeId: string,
    waitMs = REPLAN_WAIT_MS,
  ): Promise<CalendarReplanResult | null | 'running'> {
    if (!this.needsReplan(change)) return null;
    const handle = this.temporal.workflow.getHandle<typeof calendarReplanWorkflow>(calendarReplanWorkflowId(changeId));
    let timer: NodeJS.Timeout | undefined;
    const later = new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), waitMs)));
    try {
      return await Promise.race([handle.result(), later]);
    } finally {
      clearTimeout(timer);
    }
  }
}
