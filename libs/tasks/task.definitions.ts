import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LedgerEntry } from '../clock/domain/due-date-ledger';
import type { Rung } from '../clock/domain/ladder';
import type { PlanOnTheWire, ReportCadence } from '../clock/domain/firing-plan';
import type { TaskRole, TaskState } from './domain/task-state';
import type { NoticeTarget } from './domain/cooperation';

/** Business-key workflow ID of a task: launching or reassigning twice finds it taken. */
export const taskWorkflowId = (taskId: string): string => `task-${taskId}`;

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
  plan: PlanOnTheWire;
  flaggedGap: string;
  /** A calendar change that arrived as the history was handed over, applied by the new run. */
  calendarChange?: CalendarChangedInput | null;
  /** Beijing day of the latest submission. */
  submittedOn?: string | null;
  /** User id of who made the latest submission, so that they cannot review it. */
  submittedBy?: string | null;
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
  initialPlan?: PlanOnTheWire;
  /** Continue as new past this many history events (default: when the server suggests it). */
  historyLimit?: number;
  carry?: TaskCarry;
  /** A task reassigned (转办) from another agency's: its clock carries on here. */
  handover?: TaskHandover;
  /** The period of a recurring measure the task is for (absent: the first). */
  period?: number;
}

/** What a reassigned task hands its successor: the clock ledger and the rungs already fired. */
export interface TaskHandover {
  fromTaskId: string;
  fromAgency: string;
  reason: string;
  ledger: LedgerEntry[];
  fired: string[];
}

/** A message for everyone in one audience of the task (resolved to people at delivery). */
export interface TaskNotice {
  /** `lead`: the liaisons of the measure's lead agency (牵头), resolved when the notice is stored. */
  audience: NoticeTarget;
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
  /** Set once the task was reassigned (转办): the task that carries its clock on. */
  reassignedTo?: { taskId: string; agency: string };
}

export interface ActorInput {
  actor: string;
  /** The signed-in user's id (absent in histories from before separation of duties). */
  actorId?: string;
}
/** An attachment named by a progress report or a submission: ids, names and hashes, never bytes. */
export interface TaskAttachmentRef {
  id: string;
  name: string;
  sha256: string;
}
export interface ProgressInput extends ActorInput {
  note: string;
  attachments?: TaskAttachmentRef[];
}
export interface SubmitInput extends ActorInput {
  evidence: string;
  attachments?: TaskAttachmentRef[];
  /** A lead's consolidated submission (牵头汇总): what each cooperating task had delivered, by event seq. */
  consolidated?: ConsolidatedInput[];
}
export interface ConsolidatedInput {
  taskId: string;
  agency: string;
  state: TaskState;
  /** The cooperator's latest submission or progress report (null: nothing delivered yet). */
  inputSeq: number | null;
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
export interface ReassignInput extends ActorInput {
  reason: string;
  toAgencyId: string;
}
/** Sent by the withdrawal fan-out to every task of a withdrawn measure or document. */
export interface WithdrawInput {
  reason: string;
  by: string;
  scope: 'measure' | 'document' | 'task';
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
export const reassignUpdate = defineUpdate<TaskSnapshot, [ReassignInput]>('reassign');
/** 阅知: a leader has read the task's 督办. */
export const supervisionReadUpdate = defineUpdate<TaskSnapshot, [ActorInput]>('supervisionRead');
export const withdrawSignal = defineSignal<[WithdrawInput]>('withdraw');
export const calendarChangedSignal = defineSignal<[CalendarChangedInput]>('calendarChanged');

/** Sent by the measure workflow to its cooperating, guiding and implied tasks once the measure is done. */
export interface MeasureDoneInput {
  /** Agencies whose accepted tasks made the measure done. */
  doneBy: string[];
}
export const measureDoneSignal = defineSignal<[MeasureDoneInput]>('measureDone');

/** Sent to the measure's workflow by whoever starts a task it did not (转办, a revision). */
export interface TaskAddedInput {
  taskId: string;
  agencyName: string;
  role: TaskRole;
  /** The task it took over (转办), whose place it takes in the done rule. */
  replaces: string | null;
  period?: number;
}
export const taskAddedSignal = defineSignal<[TaskAddedInput]>('taskAdded');
/** Sent by a task to its measure's workflow as it reaches a final state. */
export const taskFinalSignal = defineSignal<[{ taskId: string; state: TaskState }]>('taskFinal');

/** Sent to the running tasks of a measure a revision of the document changed. */
export interface MeasureRevisedInput {
  /** What changed, as the liaison reads it. */
  summary: string;
  /** The document's revision number after the change. */
  revision: number;
}
export const measureRevisedSignal = defineSignal<[MeasureRevisedInput]>('measureRevised');
export const snapshotQuery = defineQuery<TaskSnapshot>('snapshot');

const taskUpdates = {
  acknowledge: acknowledgeUpdate,
  progress: progressUpdate,
  submit: submitUpdate,
  review: reviewUpdate,
  requestExtension: requestExtensionUpdate,
  decideExtension: decideExtensionUpdate,
  pause: pauseUpdate,
  resume: resumeUpdate,
  instruct: instructUpdate,
  reassign: reassignUpdate,
  supervisionRead: supervisionReadUpdate,
} as const;
export type TaskUpdateKind = keyof typeof taskUpdates;
// UpdateDefinition<TaskSnapshot, Args>, which @temporalio/workflow does not export by name.
type TaskUpdateOf<Args extends [unknown]> = ReturnType<typeof defineUpdate<TaskSnapshot, Args>>;
export type TaskUpdateInput<K extends TaskUpdateKind> =
  (typeof taskUpdates)[K] extends TaskUpdateOf<[infer I]> ? I : never;

/**
 * Every task update by the kind the API and the audit log call it (`task.<kind>`), valued by the
 * update as registered with Temporal. Typed per kind, so that in code generic over `K`
 * `TASK_UPDATES[kind]` takes exactly a `TaskUpdateInput<K>`.
 */
export const TASK_UPDATES: { readonly [K in TaskUpdateKind]: TaskUpdateOf<[TaskUpdateInput<K>]> } = taskUpdates;

export { isUpdateRejection, UPDATE_REJECTIONS, type UpdateRejection } from './domain/task-checks';
