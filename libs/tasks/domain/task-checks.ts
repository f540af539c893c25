/**
 * The rules a task update must pass before it changes anything. Each check answers the first
 * rule broken, as the workflow reports it to the caller, or null when the update may proceed.
 */
import { isIsoDate } from '../../clock/domain/beijing-time';
import { REVIEW_PAUSE } from '../../clock/domain/due-date-ledger';
import type { Rung } from '../../clock/domain/ladder';
import { isFinal, isOpenForAgency, type TaskAction, type TaskState, transition } from './task-state';

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
  'TASK_FINAL',
  'INVALID_REASSIGNMENT',
  'SELF_REVIEW',
  'NOT_SUPERVISED',
] as const;
export type UpdateRejection = (typeof UPDATE_REJECTIONS)[number];

export function isUpdateRejection(value: string): value is UpdateRejection {
  return (UPDATE_REJECTIONS as readonly string[]).includes(value);
}

export interface Rejection {
  code: UpdateRejection;
  message: string;
}

/** What the checks read of a running task. The clock fields may be read lazily: before the first plan they throw. */
export interface TaskFacts {
  state: TaskState;
  hasPendingExtension: boolean;
  /** The date the pending request asks for, which an approval without a date grants. */
  pendingProposedDate?: string;
  maxExtensions: number;
  /** Today in Beijing (YYYY-MM-DD). */
  today: string;
  readonly dueDate: string;
  readonly pausedSince: string | null;
  /** `待审核` while the clock stands still because a submission waits for review. */
  readonly pauseBasis: string | null;
  readonly extensions: number;
}

// Accepted and cancelled tasks are history: nothing about their clock changes any more.
function finalRejection(state: TaskState): Rejection | null {
  return isFinal(state) ? { code: 'TASK_FINAL', message: '任务已结束（已办结或已撤销），不能再变更其计时' } : null;
}

// Inputs come from the wire: a missing or non-string field counts as empty.
export function requireText(value: unknown, code: UpdateRejection, message: string): Rejection | null {
  return typeof value !== 'string' || value.trim() === '' ? { code, message } : null;
}

export function checkTransition(state: TaskState, action: TaskAction): Rejection | null {
  const result = transition(state, action);
  return result.ok ? null : { code: result.code, message: result.message };
}

export function checkProgress(state: TaskState, note: unknown): Rejection | null {
  return requireText(note, 'NOTE_REQUIRED', '进展情况不能为空') ?? checkTransition(state, 'progress');
}

export function checkSubmit(state: TaskState, evidence: unknown): Rejection | null {
  return (
    requireText(evidence, 'EVIDENCE_REQUIRED', '提交办结须附佐证材料说明（evidence 不能为空）') ??
    checkTransition(state, 'submit')
  );
}

export function checkReview(state: TaskState, decision: 'accept' | 'return', reason: unknown): Rejection | null {
  const noReason =
    decision === 'return' ? requireText(reason, 'REASON_REQUIRED', '退回须说明理由（reason 不能为空）') : null;
  return noReason ?? checkTransition(state, decision === 'accept' ? 'accept' : 'return');
}

/** Separation of duties: nobody reviews a submission they made (unknown submitters are not checked). */
export function checkSelfReview(submittedBy: string | null, reviewerId: string | undefined): Rejection | null {
  if (!submittedBy || submittedBy !== reviewerId) return null;
  return { code: 'SELF_REVIEW', message: '不能审核本人提交的办结材料，请由其他协调处室人员审核' };
}

export function checkExtensionRequest(task: TaskFacts, reason: unknown, proposedDate: string): Rejection | null {
  const noReason = requireText(reason, 'REASON_REQUIRED', '申请延期须说明理由');
  if (noReason) return noReason;
  if (!isOpenForAgency(task.state)) return { code: 'INVALID_TRANSITION', message: '仅在待签收、办理中时可申请延期' };
  if (task.hasPendingExtension) return { code: 'EXTENSION_PENDING', message: '已有一项延期申请待审批' };
  if (task.extensions >= task.maxExtensions) {
    return { code: 'EXTENSION_LIMIT', message: `延期次数已达上限（${task.maxExtensions} 次）` };
  }
  // While paused the clock stands still: a task paused by its due date is not late however long it waits.
  if ((task.pausedSince ?? task.today) > task.dueDate) {
    return { code: 'EXTENSION_TOO_LATE', message: `已过截止日期 ${task.dueDate}，不能再申请延期` };
  }
  if (!isIsoDate(proposedDate) || proposedDate <= task.dueDate) {
    return { code: 'INVALID_DATE', message: `延期日期须为晚于当前截止日期 ${task.dueDate} 的有效日期` };
  }
  return null;
}

export function checkExtensionDecision(
  task: TaskFacts,
  decision: 'approve' | 'deny',
  dueDate: string | undefined,
  reason: unknown,
): Rejection | null {
  const final = finalRejection(task.state);
  if (final) return final;
  if (!task.hasPendingExtension) return { code: 'NO_PENDING_EXTENSION', message: '没有待审批的延期申请' };
  const noReason = decision === 'deny' ? requireText(reason, 'REASON_REQUIRED', '不予延期须说明理由') : null;
  if (noReason) return noReason;
  if (dueDate !== undefined && (!isIsoDate(dueDate) || dueDate <= task.dueDate)) {
    return { code: 'INVALID_DATE', message: `批准的日期须为晚于当前截止日期 ${task.dueDate} 的有效日期` };
  }
  // The requested date is judged against the due date as it stands now: a pause since may have passed it.
  const proposed = task.pendingProposedDate;
  if (decision === 'approve' && dueDate === undefined && proposed !== undefined && proposed <= task.dueDate) {
    return {
      code: 'INVALID_DATE',
      message: `申请的日期 ${proposed} 已不晚于当前截止日期 ${task.dueDate}，批准须另定更晚的日期`,
    };
  }
  return null;
}

export function checkPause(task: TaskFacts, reason: unknown): Rejection | null {
  const noReason = requireText(reason, 'REASON_REQUIRED', '暂停计时须说明理由');
  if (noReason) return noReason;
  const final = finalRejection(task.state);
  if (final) return final;
  if (task.pausedSince === null) return null;
  const since =
    task.pauseBasis === REVIEW_PAUSE
      ? `已于 ${task.pausedSince} 提交，待审核期间不计时`
      : `已于 ${task.pausedSince} 暂停计时`;
  return { code: 'ALREADY_PAUSED', message: since };
}

export function checkResume(task: TaskFacts, reason: unknown): Rejection | null {
  const noReason = requireText(reason, 'REASON_REQUIRED', '恢复计时须说明理由');
  if (noReason) return noReason;
  const final = finalRejection(task.state);
  if (final) return final;
  if (task.pausedSince === null) return { code: 'NOT_PAUSED', message: '任务未暂停计时' };
  return task.pauseBasis === REVIEW_PAUSE
    ? { code: 'INVALID_TRANSITION', message: '待审核期间不计时，审核退回时自动恢复计时，不能手动恢复' }
    : null;
}

export function checkInstruction(state: TaskState, text: unknown): Rejection | null {
  const noText = requireText(text, 'NOTE_REQUIRED', '批示内容不能为空');
  if (noText) return noText;
  return isFinal(state) ? { code: 'INVALID_TRANSITION', message: '任务已结束' } : null;
}

export function checkReassign(state: TaskState, reason: unknown, toAgencyId: unknown): Rejection | null {
  const noReason = requireText(reason, 'REASON_REQUIRED', '转办须说明理由');
  if (noReason) return noReason;
  const noAgency = requireText(toAgencyId, 'INVALID_TRANSITION', '转办须指定承接单位');
  if (noAgency) return noAgency;
  return finalRejection(state) ?? checkTransition(state, 'reassign');
}

/** The 督办 rungs of a ladder: the one keyed `supervise`, and any that reaches leaders. */
export function supervisionRungs(ladder: readonly Rung[]): Rung[] {
  return ladder.filter((r) => r.key === 'supervise' || r.audience.includes('leader'));
}

/** 阅知: a leader acknowledges a 督办 only once one has fired on the task. */
export function checkSupervisionRead(
  state: TaskState,
  fired: ReadonlySet<string>,
  ladder: readonly Rung[],
): Rejection | null {
  if (isFinal(state)) return { code: 'INVALID_TRANSITION', message: '任务已结束' };
  if (supervisionRungs(ladder).some((r) => fired.has(r.key))) return null;
  return { code: 'NOT_SUPERVISED', message: '该任务尚未发出督办，无需阅知' };
}
