import { makeCalendar } from '../../calendar/domain/working-days';
import { DEFAULT_LADDER } from '../../clock/domain/ladder';
import { prcCalendarData } from '../../../test/factories/prc-calendar';
import { clockAsOf, readingInstant } from './clock-as-of';
import { endOfBeijingDay, type HistoryEvent, latestReport, reassignedFrom, taskAsOf } from './task-as-of';

const cal = makeCalendar(prcCalendarData());

// Beijing wall-clock time → the instant (UTC+8).
const at = (beijing: string) => new Date(`${beijing}+08:00`);
let seq = 0;
const ev = (
  type: HistoryEvent['type'],
  when: string,
  toState: HistoryEvent['toState'],
  detail: Record<string, unknown> = {},
  actor: string | null = '联络员甲',
): HistoryEvent => ({ seq: ++seq, type, fromState: null, toState, actor, detail, occurredAt: at(when) });

// Due Friday 2026-10-16; the reminder (−5 working days) falls on the make-up Saturday 10-10.
function history(): HistoryEvent[] {
  seq = 0;
  return [
    ev('issue', '2026-09-21T10:00:00', 'issued', { dueDate: '2026-10-16', role: 'lead', agency: '市民政局' }, 'system'),
    ev('acknowledge', '2026-09-22T09:30:00', 'in_progress'),
    ev('progress', '2026-09-25T16:00:00', 'in_progress', {
      note: '已制定工作方案',
      attachments: [{ id: 'a1', name: '工作方案.pdf', sha256: 'x' }],
    }),
    ev(
      'rung',
      '2026-10-10T09:00:00',
      'in_progress',
      { rule: 'reminder', label: '提醒', dueDate: '2026-10-16', day: '2026-10-10' },
      'system',
    ),
    ev('extension_requested', '2026-10-12T11:00:00', 'in_progress', {
      proposedDate: '2026-10-30',
      reason: '需与市财政局协调资金',
      dueDate: '2026-10-16',
    }),
    ev(
      'extension_approved',
      '2026-10-13T15:00:00',
      'in_progress',
      { from: '2026-10-16', to: '2026-10-30', reason: '需与市财政局协调资金' },
      '协调员',
    ),
    ev('instruction', '2026-10-14T08:00:00', 'in_progress', { text: '请抓紧推进，按期办结' }, '王副市长'),
    ev('submit', '2026-10-20T17:00:00', 'submitted', {
      evidence: '联席会议制度已建立',
      attachments: [
        { id: 'a2', name: '会议纪要.docx', sha256: 'y' },
        { id: 'a1', name: '工作方案.pdf', sha256: 'x' },
      ],
    }),
    ev(
      'accept',
      '2026-10-22T10:00:00',
      'accepted',
      { dueDate: '2026-10-30', submittedOn: '2026-10-20', onTime: true, workingDaysLate: 0 },
      '协调员',
    ),
  ];
}

describe('taskAsOf', () => {
  it('counts only the events up to the end of the Beijing day', () => {
    expect(endOfBeijingDay('2026-10-10').toISOString()).toBe('2026-10-10T16:00:00.000Z');
    const events = history();
    const before = taskAsOf(events, '2026-10-09');
    expect(before).toMatchObject({ state: 'in_progress', issuedOn: '2026-09-21', role: 'lead', dueDate: '2026-10-16' });
    expect(before.fired).toEqual([]);
    expect(taskAsOf(events, '2026-10-10').fired).toEqual([{ key: 'reminder', label: '提醒', day: '2026-10-10' }]);
    expect(taskAsOf(events, '2026-09-20')).toMatchObject({ state: 'draft', issuedOn: null, dueDate: null });
    // 23:59:59 Beijing still counts for the day; midnight is the next day's.
    const late = [{ ...events[0], occurredAt: at('2026-09-20T23:59:59') }];
    expect(taskAsOf(late, '2026-09-20').issuedOn).toBe('2026-09-20');
    expect(taskAsOf([{ ...events[0], occurredAt: at('2026-09-21T00:00:00') }], '2026-09-20').state).toBe('draft');
  });

  it('follows extensions, requests, instructions, submissions and acceptance, in seq order', () => {
    const events = history().reverse();
    const requested = taskAsOf(events, '2026-10-12');
    expect(requested.pendingExtension).toEqual({
      day: '2026-10-12',
      proposedDate: '2026-10-30',
      reason: '需与市财政局协调资金',
    });
    const extended = taskAsOf(events, '2026-10-14');
    expect(extended).toMatchObject({ dueDate: '2026-10-30', pendingExtension: null });
    expect(extended.extensions).toEqual([
      { day: '2026-10-13', from: '2026-10-16', to: '2026-10-30', reason: '需与市财政局协调资金' },
    ]);
    expect(extended.instructions).toEqual([{ day: '2026-10-14', actor: '王副市长', text: '请抓紧推进，按期办结' }]);
    const submitted = taskAsOf(events, '2026-10-21');
    expect(submitted).toMatchObject({
      state: 'submitted',
      submittedOn: '2026-10-20',
      pausedSince: '2026-10-20',
      pauseKind: 'review',
    });
    expect(latestReport(submitted)).toMatchObject({ kind: 'submit', text: '联席会议制度已建立' });
    const done = taskAsOf(events, '2026-12-31');
    expect(done).toMatchObject({ state: 'accepted', doneOn: '2026-10-22', submittedOn: null, lastSeq: 9 });
    expect(done.acceptance).toEqual({
      onTime: true,
      submittedOn: '2026-10-20',
      dueDate: '2026-10-30',
      workingDaysLate: 0,
    });
    expect(done.evidence).toEqual(['工作方案.pdf', '会议纪要.docx']);
    expect(done.reports.map((r) => [r.day, r.kind])).toEqual([
      ['2026-09-25', 'progress'],
      ['2026-10-20', 'submit'],
    ]);
  });

  it('gives back review time on a return and follows a coordinator’s pause and resume', () => {
    const events = history().slice(0, 8);
    seq = 8;
    events.push(
      ev(
        'return',
        '2026-10-21T10:00:00',
        'in_progress',
        { reason: '佐证不全', reviewPause: { since: '2026-10-20', from: '2026-10-30', to: '2026-11-02' } },
        '协调员',
      ),
      ev('paused', '2026-10-23T10:00:00', 'in_progress', { reason: '等待上级批复', day: '2026-10-23' }, '协调员'),
    );
    const returned = taskAsOf(events, '2026-10-21');
    expect(returned).toMatchObject({
      state: 'in_progress',
      dueDate: '2026-11-02',
      pausedSince: null,
      submittedOn: null,
    });
    expect(returned.notes).toContain('2026-10-21 审核退回：佐证不全');
    const paused = taskAsOf(events, '2026-10-26');
    expect(paused).toMatchObject({ pausedSince: '2026-10-23', pauseKind: 'coordinator' });
    expect(clockAsOf(cal, paused, DEFAULT_LADDER, readingInstant('2026-10-26', new Date())).colour).toBe('grey');
    events.push(
      ev('resumed', '2026-10-27T10:00:00', 'in_progress', { to: '2026-11-04', from: '2026-11-02' }, '协调员'),
    );
    expect(taskAsOf(events, '2026-10-27')).toMatchObject({ dueDate: '2026-11-04', pausedSince: null });
  });

  it('notes reassignment, withdrawal and closing, and report reminders by period', () => {
    seq = 0;
    const events = [
      ev('issue', '2026-09-21T10:00:00', 'issued', {
        dueDate: '2026-12-31',
        role: 'cooperating',
        reassignedFrom: { taskId: 't1', agency: '市教委' },
      }),
      ev('report_due', '2026-10-09T09:00:00', 'issued', { rule: 'report-2026-10', label: '进展报送提醒' }, 'system'),
      ev('reassign', '2026-10-12T10:00:00', 'reassigned', {
        reason: '职责调整',
        to: { taskId: 't2', agency: '市公安局' },
      }),
    ];
    const carried = taskAsOf(history(), '2026-10-14');
    const t = taskAsOf(events, '2026-10-31', carried);
    // A successor carries its predecessor's fired rungs and extensions on, as its workflow does.
    expect(t.fired).toEqual(carried.fired);
    expect(t.extensions).toHaveLength(1);
    expect(carried.fired).toHaveLength(1);
    expect(reassignedFrom(events)).toBe('t1');
    expect(reassignedFrom(history())).toBeNull();
    expect(t.reportReminders).toEqual([{ period: '2026-10', day: '2026-10-09' }]);
    expect(t.notes).toEqual(['2026-09-21 由市教委转办而来', '2026-10-12 转办至市公安局：职责调整']);
    expect(t.state).toBe('reassigned');
  });
});

describe('clockAsOf', () => {
  it('reads the colour of the day with the task list’s rules, at the end of a past day', () => {
    const events = history();
    const now = new Date('2026-12-01T04:00:00Z');
    expect(readingInstant('2026-10-09', now).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    expect(readingInstant('2026-12-01', now)).toBe(now);
    const read = (day: string) => clockAsOf(cal, taskAsOf(events, day), DEFAULT_LADDER, readingInstant(day, now));
    expect(read('2026-10-09')).toMatchObject({ colour: 'green', workingDaysLeft: 6 });
    expect(read('2026-10-10')).toMatchObject({ colour: 'yellow', rule: { key: 'reminder', day: '2026-10-10' } });
    // Extended to 10-30: green again until its own reminder.
    expect(read('2026-10-13').colour).toBe('green');
    expect(read('2026-10-21')).toMatchObject({ colour: 'green', explanation: '已提交，待审核' });
    expect(read('2026-10-22').explanation).toBe('已办结（按期：2026-10-20 提交，截止 2026-10-30）');
  });
});
