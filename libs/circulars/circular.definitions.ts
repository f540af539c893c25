import type { CircularKind } from './domain/circular-period';

/** A circular schedule's workflow input: the kind only; the day is the schedule's scheduled time. */
export interface CircularWorkflowInput {
  kind: CircularKind;
}

/** What one scheduled run did: nothing (not the issue day) or the circulars it stored. */
export interface CircularRunResult {
  day: string;
  due: boolean;
  period: string | null;
  /** Circulars stored by this run (a period already stored is not stored again). */
  created: number;
  existing: number;
}

/** One schedule per kind and task queue (the tests run several queues on one server). */
export const circularScheduleId = (kind: CircularKind, taskQueue: string): string => `circular-${kind}-${taskQueue}`;
