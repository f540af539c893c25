import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PlannedRung } from '../libs/tasks/domain/deadline';
import type { TaskRole, TaskState } from '../libs/tasks/domain/task-state';

export interface TaskWorkflowInput {
  taskId: string;
  documentId: string;
  measureId: string;
  agencyName: string;
  role: TaskRole;
  dueDate: string;
  /** Firing plan computed outside the workflow, in ladder order. */
  rungs: PlannedRung[];
}

export interface TaskSnapshot {
  taskId: string;
  state: TaskState;
  /** Sequence number of the last recorded event. */
  seq: number;
  firedRungs: string[];
}

export interface ActorInput {
  actor: string;
}
export interface ProgressInput extends ActorInput {
  note: string;
}
export interface SubmitInput extends ActorInput {
  evidence: string;
}
export interface ReviewInput extends ActorInput {
  decision: 'accept' | 'return';
  reason?: string;
}

export const acknowledgeUpdate = defineUpdate<TaskSnapshot, [ActorInput]>('acknowledge');
export const progressUpdate = defineUpdate<TaskSnapshot, [ProgressInput]>('reportProgress');
export const submitUpdate = defineUpdate<TaskSnapshot, [SubmitInput]>('submit');
export const reviewUpdate = defineUpdate<TaskSnapshot, [ReviewInput]>('review');
export const snapshotQuery = defineQuery<TaskSnapshot>('snapshot');

/** Error types carried by rejected updates; the API maps them to its error codes. */
export const UPDATE_REJECTIONS = [
  'INVALID_TRANSITION',
  'EVIDENCE_REQUIRED',
  'REASON_REQUIRED',
  'NOTE_REQUIRED',
] as const;
export type UpdateRejection = (typeof UPDATE_REJECTIONS)[number];
