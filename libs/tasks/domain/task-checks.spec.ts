import {
  checkExtensionDecision,
  checkExtensionRequest,
  checkInstruction,
  checkPause,
  checkProgress,
  checkResume,
  checkReview,
  checkSelfReview,
  checkSupervisionRead,
  checkSubmit,
  checkTransition,
  isUpdateRejection,
  requireText,
  type TaskFacts,
} from './task-checks';
import { DEFAULT_LADDER, type Rung } from '../../clock/domain/ladder';

const facts = (overrides: Partial<TaskFacts> = {}): TaskFacts => ({
  state: 'in_progress',
  hasPendingExtension: false,
  maxExtensions: 2,
  today: '2027-10-01',
  dueDate: '2027-10-15',
  pausedSince: null,
  pauseBasis: null,
  extensions: 0,
  ...overrides,
});
const code = (r: { code: string } | null) => r?.code ?? null;

describe('task checks', () => {
  it('knows the rejection codes the API maps', () => {
    expect(isUpdateRejection('EXTENSION_LIMIT')).toBe(true);
    expect(isUpdateRejection('TASK_NOT_FOUND')).toBe(false);
  });

  it('treats blank, missing and non-string text as empty', () => {
    expect(requireText('  ', 'NOTE_REQUIRED', 'm')).toEqual({ code: 'NOTE_REQUIRED', message: 'm' });
    expect(requireText(undefined, 'NOTE_REQUIRED', 'm')).not.toBeNull();
    expect(requireText(42, 'NOTE_REQUIRED', 'm')).not.toBeNull();
    expect(requireText('好', 'NOTE_REQUIRED', 'm')).toBeNull();
  });

  it('refuses a transition the life cycle does not allow, with its Chinese message', () => {
    expect(checkTransition('issued', 'acknowledge')).toBeNull();
    expect(checkTransition('issued', 'submit')).toEqual({
      code: 'INVALID_TRANSITION',
      message: '任务当前为「待签收」，不能执行此操作（仅在办理中时可以）',
    });
  });

  it('asks for the text first, then the state', () => {
    expect(checkProgress('issued', '')).toEqual({ code: 'NOTE_REQUIRED', message: '进展情况不能为空' });
    expect(code(checkProgress('issued', '进展'))).toBe('INVALID_TRANSITION');
    expect(checkSubmit('in_progress', ' ')).toEqual({
      code: 'EVIDENCE_REQUIRED',
      message: '提交办结须附佐证材料说明（evidence 不能为空）',
    });
    expect(checkSubmit('in_progress', '材料')).toBeNull();
    expect(checkReview('submitted', 'return', undefined)).toEqual({
      code: 'REASON_REQUIRED',
      message: '退回须说明理由（reason 不能为空）',
    });
    expect(checkReview('submitted', 'accept', undefined)).toBeNull();
    expect(code(checkReview('in_progress', 'accept', undefined))).toBe('INVALID_TRANSITION');
  });

  it('checks an extension request in order: reason, state, pending, limit, deadline, date', () => {
    const ask = (f: Partial<TaskFacts>, date = '2027-10-29', reason: unknown = '需会签') =>
      checkExtensionRequest(facts(f), reason, date);
    expect(ask({}, '2027-10-29', '')).toEqual({ code: 'REASON_REQUIRED', message: '申请延期须说明理由' });
    expect(ask({ state: 'submitted' })).toEqual({
      code: 'INVALID_TRANSITION',
      message: '仅在待签收、办理中时可申请延期',
    });
    expect(ask({ hasPendingExtension: true })).toEqual({
      code: 'EXTENSION_PENDING',
      message: '已有一项延期申请待审批',
    });
    expect(ask({ extensions: 2 })).toEqual({ code: 'EXTENSION_LIMIT', message: '延期次数已达上限（2 次）' });
    expect(ask({ today: '2027-10-16' })).toEqual({
      code: 'EXTENSION_TOO_LATE',
      message: '已过截止日期 2027-10-15，不能再申请延期',
    });
    expect(ask({}, '2027-10-15')).toEqual({
      code: 'INVALID_DATE',
      message: '延期日期须为晚于当前截止日期 2027-10-15 的有效日期',
    });
    expect(code(ask({}, '2027-13-01'))).toBe('INVALID_DATE');
    expect(ask({ today: '2027-10-15' })).toBeNull();
  });

  it('reads the clock only when the earlier rules pass', () => {
    const unplanned = {
      ...facts({ state: 'submitted' }),
      get dueDate(): string {
        throw new Error('no plan');
      },
    };
    expect(code(checkExtensionRequest(unplanned, '理由', '2027-10-29'))).toBe('INVALID_TRANSITION');
  });

  it('checks an extension decision: pending, a reason to deny, a later date to approve', () => {
    expect(checkExtensionDecision(facts(), 'approve', undefined, undefined)).toEqual({
      code: 'NO_PENDING_EXTENSION',
      message: '没有待审批的延期申请',
    });
    const pending = facts({ hasPendingExtension: true });
    expect(checkExtensionDecision(pending, 'deny', undefined, ' ')).toEqual({
      code: 'REASON_REQUIRED',
      message: '不予延期须说明理由',
    });
    expect(checkExtensionDecision(pending, 'deny', undefined, '不符合条件')).toBeNull();
    expect(checkExtensionDecision(pending, 'approve', '2027-10-10', undefined)).toEqual({
      code: 'INVALID_DATE',
      message: '批准的日期须为晚于当前截止日期 2027-10-15 的有效日期',
    });
    expect(checkExtensionDecision(pending, 'approve', '2027-10-22', undefined)).toBeNull();
    expect(checkExtensionDecision(pending, 'approve', undefined, undefined)).toBeNull();
  });

  it('pauses a running clock and resumes a paused one, each with a reason', () => {
    expect(checkPause(facts(), '')).toEqual({ code: 'REASON_REQUIRED', message: '暂停计时须说明理由' });
    // Issue 9 rule 4: a final task is refused with TASK_FINAL (was INVALID_TRANSITION).
    expect(code(checkPause(facts({ state: 'accepted' }), '等待'))).toBe('TASK_FINAL');
    expect(checkPause(facts({ pausedSince: '2027-09-29' }), '等待')).toEqual({
      code: 'ALREADY_PAUSED',
      message: '已于 2027-09-29 暂停计时',
    });
    expect(checkPause(facts({ state: 'submitted' }), '等待')).toBeNull();
    expect(checkResume(facts(), '')).toEqual({ code: 'REASON_REQUIRED', message: '恢复计时须说明理由' });
    expect(checkResume(facts(), '继续')).toEqual({ code: 'NOT_PAUSED', message: '任务未暂停计时' });
    expect(checkResume(facts({ pausedSince: '2027-09-29' }), '继续')).toBeNull();
  });

  it("rule 2: the review pause is the workflow's; it is neither paused again nor resumed by hand", () => {
    const inReview = facts({ state: 'submitted', pausedSince: '2027-09-29', pauseBasis: '待审核' });
    expect(checkPause(inReview, '等待')).toEqual({
      code: 'ALREADY_PAUSED',
      message: '已于 2027-09-29 提交，待审核期间不计时',
    });
    expect(code(checkResume(inReview, '继续'))).toBe('INVALID_TRANSITION');
  });

  it('takes a leader instruction with text until the task is final', () => {
    expect(checkInstruction('issued', '')).toEqual({ code: 'NOTE_REQUIRED', message: '批示内容不能为空' });
    expect(checkInstruction('cancelled', '请加快')).toEqual({ code: 'INVALID_TRANSITION', message: '任务已结束' });
    expect(checkInstruction('submitted', '请加快')).toBeNull();
  });

  it('changes nothing on a final task: decisions, pause and resume are refused with TASK_FINAL', () => {
    for (const state of ['accepted', 'cancelled'] as const) {
      const final = facts({ state, hasPendingExtension: true, pausedSince: '2027-10-01' });
      expect(code(checkExtensionDecision(final, 'approve', '2027-10-29', undefined))).toBe('TASK_FINAL');
      expect(code(checkExtensionDecision(final, 'deny', undefined, '不符合条件'))).toBe('TASK_FINAL');
      expect(code(checkPause({ ...final, pausedSince: null }, '等待'))).toBe('TASK_FINAL');
      expect(code(checkResume(final, '继续'))).toBe('TASK_FINAL');
    }
  });

  it('never approves a requested date that the due date has since passed', () => {
    // Requested 10-20 while due 10-15; a pause and resume since moved the due date to 10-22.
    const now = facts({ hasPendingExtension: true, pendingProposedDate: '2027-10-20', dueDate: '2027-10-22' });
    expect(code(checkExtensionDecision(now, 'approve', undefined, undefined))).toBe('INVALID_DATE');
    expect(checkExtensionDecision(now, 'approve', '2027-10-29', undefined)).toBeNull();
    expect(checkExtensionDecision(now, 'deny', undefined, '不必了')).toBeNull();
    expect(checkExtensionDecision({ ...now, dueDate: '2027-10-15' }, 'approve', undefined, undefined)).toBeNull();
  });

  it('lets a paused task ask for more time, judging lateness by the paused clock', () => {
    // Paused 10-14, due 10-15; today 10-20 the paused clock has not reached the due date.
    const paused = facts({ pausedSince: '2027-10-14', today: '2027-10-20' });
    expect(checkExtensionRequest(paused, '需会签', '2027-10-29')).toBeNull();
    // Paused only after the due date had passed: already late.
    const lateThenPaused = facts({ pausedSince: '2027-10-18', today: '2027-10-20' });
    expect(code(checkExtensionRequest(lateThenPaused, '需会签', '2027-10-29'))).toBe('EXTENSION_TOO_LATE');
  });
  it('refuses the submitter as reviewer, and checks nobody when the submitter is unknown', () => {
    expect(code(checkSelfReview('u1', 'u1'))).toBe('SELF_REVIEW');
    expect(checkSelfReview('u1', 'u1')?.message).toContain('不能审核本人提交');
    expect(checkSelfReview('u1', 'u2')).toBeNull();
    expect(checkSelfReview(null, 'u1')).toBeNull();
    expect(checkSelfReview('u1', undefined)).toBeNull();
  });

  it('admits 阅知 once a 督办 rung (key supervise, or any reaching leaders) has fired', () => {
    const ladder = DEFAULT_LADDER;
    expect(code(checkSupervisionRead('in_progress', new Set(), ladder))).toBe('NOT_SUPERVISED');
    expect(code(checkSupervisionRead('in_progress', new Set(['reminder', 'due', 'urge']), ladder))).toBe(
      'NOT_SUPERVISED',
    );
    expect(checkSupervisionRead('in_progress', new Set(['supervise']), ladder)).toBeNull();
    const toLeaders: Rung = { ...ladder[0], key: 'early', audience: ['leader'] };
    expect(checkSupervisionRead('issued', new Set(['early']), [toLeaders])).toBeNull();
    expect(code(checkSupervisionRead('accepted', new Set(['supervise']), ladder))).toBe('INVALID_TRANSITION');
  });
});
