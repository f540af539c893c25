import type { Schemas } from '../api/client';
import { daysLeftText, pendingExtension, wasReturned } from './task-rules';

type Entry = Schemas['TaskHistoryEntryDto'];
type Clock = Schemas['ClockReadingDto'];

let seq = 0;
const event = (type: string, detail: Record<string, unknown> = {}): Entry => ({
  seq: ++seq,
  type,
  fromState: null,
  toState: 'in_progress',
  actor: '市民政局 张联络员',
  detail,
  occurredAt: '2026-12-01T02:00:00Z',
});
const clock = (workingDaysLeft: number | null): Clock => ({
  provisionalYears: [],
  colour: 'green',
  rule: null,
  workingDaysLeft,
  overdue: workingDaysLeft !== null && workingDaysLeft < 0,
  calendarGapYear: null,
  explanation: '',
});

describe('web task rules', () => {
  it('says the working days left, overdue or due today', () => {
    expect(daysLeftText({ clock: clock(3), dueDate: '2026-12-04' })).toBe('剩余 3 个工作日');
    expect(daysLeftText({ clock: clock(0), dueDate: '2026-12-01' })).toBe('今日到期');
    expect(daysLeftText({ clock: clock(-2), dueDate: '2026-11-27' })).toBe('逾期 2 个工作日');
    expect(daysLeftText({ clock: clock(null), dueDate: null })).toBe('无截止日期');
  });

  it('finds an undecided extension request, and none once decided', () => {
    const asked = [
      event('acknowledge'),
      event('extension_requested', { reason: '需会签', proposedDate: '2027-01-29' }),
    ];
    expect(pendingExtension({ history: asked })).toEqual({ reason: '需会签', proposedDate: '2027-01-29' });
    expect(pendingExtension({ history: [...asked, event('extension_denied')] })).toBeNull();
    const again = [
      ...asked,
      event('extension_approved'),
      event('extension_requested', { reason: '再次', proposedDate: '2027-03-01' }),
    ];
    expect(pendingExtension({ history: again })).toEqual({ reason: '再次', proposedDate: '2027-03-01' });
  });

  it('calls a task 被退回 while its latest review was a return and it is in progress', () => {
    const returned = [
      event('acknowledge'),
      event('submit'),
      event('return', { reason: '补充材料' }),
      event('progress'),
    ];
    expect(wasReturned({ state: 'in_progress', history: returned })).toBe(true);
    expect(wasReturned({ state: 'submitted', history: [...returned, event('submit')] })).toBe(false);
    expect(wasReturned({ state: 'in_progress', history: [event('acknowledge')] })).toBe(false);
  });
});
