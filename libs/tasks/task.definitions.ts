import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LedgerEntry } from '../clock/domain/due-date-ledger';
import type { Audience, Rung } from '../clock/domain/ladder';
import type { ReportCadence, TaskPlan } from '../clock/domain/firing-plan';
import type { TaskRole, TaskState } from './domain/task-state';

export interface ExtensionRequest {
  requestedBy: string;
  requestedAt: string;
  reason: string;
  proposedDate: string;
}

/** Everything a run hands to the next one on continue-as-new. */
export interface TaskCarry {
  state: TaskState;
  seq: number;
  fired: string[];
  ledger: LedgerEntry[];
  pending: ExtensionRequest | null;
  plan: TaskPlan;
  flaggedGap: string;
}

export interface TaskWorkflowInput {
  taskId: string;
  documentId: string;
  measureId: string;
  measureTitle: string;
  agencyName: string;
  role: TaskRole;
  /** The launch's due date and how it was set. */
  dueDate: string;
  dueBasis: string;
  ladder: Rung[];
  maxExtensions: number;
  cadence: ReportCadence | null;
  issuedOn: string;
  /** The plan for the launch ledger, computed once per launch so each task saves an activity. */
  initialPlan?: TaskPlan;
  /** Continue as new past this many history events (default: when the server suggests it). */
  historyLimit?: number;
  carry?: TaskCarry;
}

/** A message for everyone in one audience of the task (resolved to people at delivery). */
export interface TaskNotice {
  audience: Audience;
  message: string;
}

export interface TaskSnapshot {
  taskId: string;
  state: TaskState;
  /** Sequence number of the last recorded event. */
  seq: number;
  firedRungs: string[];
  dueDate: string;
  pausedSince: string | null;
  extensionsUsed: number;
  pendingExtension: ExtensionRequest | null;
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
export interface ExtensionRequestInput extends ActorInput {
  reason: string;
  proposedDate: string;
}
export interface ExtensionDecisionInput extends ActorInput {
  decision: 'approve' | 'deny';
  /** Approve with another date than the one proposed. */
  dueDate?: string;
  reason?: string;
}
export interface ReasonInput extends ActorInput {
  reason: string;
}
export interface InstructionInput extends ActorInput {
  text: string;
}
export interface CalendarChangedInput {
  reason: string;
  changedDays: string[];
}

export const acknowledgeUpdate = defineUpdate<TaskSnapshot, [ActorInput]>('acknowledge');
export const progressUpdate = defineUpdate<TaskSnapshot, [ProgressInput]>('reportProgress');
export const submitUpdate = defineUpdate<TaskSnapshot, [SubmitInput]>('submit');
export const reviewUpdate = defineUpdate<TaskSnapshot, [ReviewInput]>('review');
export const requestExtensionUpdate = defineUpdate<TaskSnapshot, [ExtensionRequestInput]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<TaskSnapshot, [ExtensionDecisionInput]>('decideExtension');
export const pauseUpdate = defineUpdate<TaskSnapshot, [ReasonInput]>('pause');
export const resumeUpdate = defineUpdate<TaskSnapshot, [ReasonInput]>('resume');
export const instructUpdate = defineUpdate<TaskSnapshot, [InstructionInput]>('instruct');
export const calendarChangedSignal = defineSignal<[CalendarChangedInput]>('calendarChanged');
export const snapshotQuery = defineQuery<TaskSnapshot>('snapshot');

/** Error types carried by rejected updates; the API maps them to its error codes. */
export const UPDATE_REJECTIONS = [
  'INVALID_TRANSITION',
  'EVIDENCE_REQUIRED',
  'REASON_REQUIRED',
  'NOTE_REQUIRED',
  'INVALID_DATE',
  'EXTENSION_TOO_LATE',
  'EXTENSION_LIMIT',
  'EXTENSION_PENDING',
  'NO_PENDING_EXTENSION',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'CALENDAR_NOT_COVERED',
] as const;
export type UpdateRejection = (typeof UPDATE_REJECTIONS)[number];
