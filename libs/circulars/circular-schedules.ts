import { type Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { circularWorkflow } from '../../workflows/circular.workflow';
import { circularScheduleId } from './circular.definitions';
import { CIRCULAR_KINDS, type CircularKind } from './domain/circular-period';

const DAY_MS = 86_400_000;

/**
 * The 情况通报 schedules: one per kind, every day at 09:00 Asia/Shanghai; the workflow decides
 * from the PRC calendar whether the day is an issue day. Runs missed while the system was down
 * are produced by backfill (`backfill`), each period once (the store keeps the first).
 */
export class CircularSchedules {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /** Creates the schedules that do not exist yet; an existing one is left as it is. */
  async ensure(): Promise<void> {
    for (const kind of CIRCULAR_KINDS) {
      const scheduleId = circularScheduleId(kind, this.taskQueue);
      try {
        await this.client.schedule.create<typeof circularWorkflow>({
          scheduleId,
          spec: { calendars: [{ hour: 9, minute: 0 }], timezone: 'Asia/Shanghai' },
          action: {
            type: 'startWorkflow',
            workflowType: 'circularWorkflow',
            workflowId: scheduleId,
            taskQueue: this.taskQueue,
            args: [{ kind }],
          },
          // A week of outage is caught up by the server; longer gaps by backfill.
          policies: { overlap: ScheduleOverlapPolicy.BUFFER_ALL, catchupWindow: '7 days' },
        });
      } catch (err) {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      }
    }
  }

  /**
   * Runs the schedule for every day from `from` to `to` (Beijing days, inclusive) as if it had
   * run then; answers the number of days. Each run is as of its own day.
   */
  async backfill(kind: CircularKind, from: string, to: string): Promise<number> {
    const start = new Date(`${from}T00:00:00+08:00`);
    const end = new Date(`${to}T23:59:59+08:00`);
    const handle = this.client.schedule.getHandle(circularScheduleId(kind, this.taskQueue));
    try {
      await handle.backfill({ start, end, overlap: ScheduleOverlapPolicy.ALLOW_ALL });
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) {
        await this.ensure();
        await handle.backfill({ start, end, overlap: ScheduleOverlapPolicy.ALLOW_ALL });
      } else throw err;
    }
    return Math.round((end.getTime() + 1000 - start.getTime()) / DAY_MS);
  }
}
