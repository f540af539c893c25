import { DIGEST_LINES, type DigestItem, digestDay, digestsOf, digestSubject, digestText } from './digest';
import { addressedLeaders, documentCoordinators } from './recipients';

const TASK = { agencyId: 'a1', documentId: 'd1' };
// 09:00 Beijing on 2027-10-15 is 01:00 UTC.
const rung = (occurredAt = '2027-10-15T01:00:00.000Z') => ({
  type: 'rung',
  detail: { rule: 'due', label: '到期提醒' },
  occurredAt,
});

const item = (i: number, agency = '市民政局'): DigestItem => ({
  measure: `（${i}）措施${i}`,
  agency,
  dueDate: '2027-10-15',
  message: `【到期提醒】${agency}承办的「（${i}）措施${i}」今日到期。`,
});

// The key of a notice's one digest (liaisons, coordinators), or null when it is sent at once.
const keyOf = (event: Parameters<typeof digestsOf>[0], audience: 'liaison' | 'coordinator') => {
  const digests = digestsOf(event, audience, TASK, []);
  expect(digests.length).toBeLessThanOrEqual(1);
  return digests[0]?.key ?? null;
};

describe('digest keys', () => {
  it('groups liaison notices by agency, coordinator notices by document', () => {
    expect(digestsOf(rung(), 'liaison', TASK, ['u1'])).toEqual([
      { key: 'digest-liaison-a1-due-2027-10-15', userId: null },
    ]);
    expect(digestsOf(rung(), 'coordinator', TASK, ['u1'])).toEqual([
      { key: 'digest-coordinator-d1-due-2027-10-15', userId: null },
    ]);
  });

  it('gives each leader a notice is addressed to a digest of their own, addressed to them', () => {
    expect(digestsOf(rung(), 'leader', TASK, ['u1', 'u2'])).toEqual([
      { key: 'digest-leader-u1-due-2027-10-15', userId: 'u1' },
      { key: 'digest-leader-u2-due-2027-10-15', userId: 'u2' },
    ]);
    // The same leader named twice (no duplicates in leadersFor, but the key must stay unique).
    expect(digestsOf(rung(), 'leader', TASK, ['u1', 'u1'])).toEqual([
      { key: 'digest-leader-u1-due-2027-10-15', userId: 'u1' },
    ]);
  });

  it("keeps one leaders' group when there is no leader at all, so the notice is recorded as undeliverable", () => {
    expect(digestsOf(rung(), 'leader', TASK, [])).toEqual([{ key: 'digest-leader-all-due-2027-10-15', userId: null }]);
  });

  it('takes the Beijing day, not the UTC one', () => {
    // 2027-10-14T16:30Z is already 00:30 on the 15th in Beijing.
    expect(keyOf(rung('2027-10-14T16:30:00.000Z'), 'liaison')).toBe('digest-liaison-a1-due-2027-10-15');
    expect(keyOf(rung('2027-10-14T15:59:00.000Z'), 'liaison')).toBe('digest-liaison-a1-due-2027-10-14');
  });

  it('digests report reminders, and nothing that needs a person now', () => {
    const report = { type: 'report_due', detail: { rule: 'report-2027-10' }, occurredAt: '2027-10-15T01:00:00Z' };
    expect(keyOf(report, 'liaison')).toBe('digest-liaison-a1-report-2027-10-2027-10-15');
    for (const type of [
      'return',
      'extension_requested',
      'extension_approved',
      'instruction',
      'close',
      'calendar_gap',
    ]) {
      expect(keyOf({ ...rung(), type }, 'liaison')).toBeNull();
      expect(digestsOf({ ...rung(), type }, 'leader', TASK, ['u1'])).toEqual([]);
    }
  });

  it('reads the day back from a key', () => {
    expect(digestDay('digest-liaison-a1-report-2027-10-2027-10-15')).toBe('2027-10-15');
  });

  it('suffixes the subject of a later digest of the same key', () => {
    expect(digestSubject('digest-liaison-a1-due-2027-10-15', 1)).toBe('digest-liaison-a1-due-2027-10-15');
    expect(digestSubject('digest-liaison-a1-due-2027-10-15', 2)).toBe('digest-liaison-a1-due-2027-10-15#2');
  });
});

describe('digest text', () => {
  it('counts and lists the measures of a liaison digest', () => {
    const text = digestText({
      audience: 'liaison',
      label: '到期提醒',
      day: '2027-10-15',
      items: [1, 2, 3].map((i) => item(i)),
    });
    expect(text).toBe(
      [
        '【到期提醒】今日到期提醒：3 项（2027-10-15）',
        '1. 「（1）措施1」（截止日期2027-10-15）',
        '2. 「（2）措施2」（截止日期2027-10-15）',
        '3. 「（3）措施3」（截止日期2027-10-15）',
        '请登录督办系统逐项办理。',
      ].join('\n'),
    );
  });

  it('names the cooperating agency in a lead liaison digest, not its own', () => {
    const items = [item(1, '市民政局'), { ...item(2, '市教委'), ownAgency: false }];
    const text = digestText({ audience: 'liaison', label: '到期提醒', day: '2027-10-15', items });
    expect(text.split('\n').slice(1, 3)).toEqual([
      '1. 「（1）措施1」（截止日期2027-10-15）',
      '2. 「（2）措施2」（市教委，截止日期2027-10-15）',
    ]);
  });

  it('names the agency of each measure for coordinators and leaders', () => {
    const items = [item(1, '市民政局'), { ...item(2, '市教委'), dueDate: null }];
    const text = digestText({ audience: 'coordinator', label: '催办', day: '2027-10-20', items });
    expect(text.split('\n')).toEqual([
      '【催办】今日催办：2 项（2027-10-20）',
      '1. 「（1）措施1」（市民政局，截止日期2027-10-15）',
      '2. 「（2）措施2」（市教委）',
      '请跟进督促各责任单位。',
    ]);
    expect(digestText({ audience: 'leader', label: '督办', day: '2027-10-29', items }).split('\n').at(-1)).toBe(
      '请阅示。',
    );
  });

  it(`lists at most ${DIGEST_LINES} measures and counts them all`, () => {
    const items = Array.from({ length: 443 }, (_, i) => item(i + 1));
    const lines = digestText({ audience: 'leader', label: '督办', day: '2027-10-29', items }).split('\n');
    expect(lines[0]).toBe('【督办】今日督办：443 项（2027-10-29）');
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(DIGEST_LINES);
    expect(lines.at(-2)).toBe('……等 443 项');
  });

  it('is the notice itself when there is only one', () => {
    expect(digestText({ audience: 'liaison', label: '提醒', day: '2027-10-08', items: [item(7)] })).toBe(
      item(7).message,
    );
  });
});

describe('coordinators of a document', () => {
  const all = [{ userId: 'c1' }, { userId: 'c2' }];
  it('is the one who launched it', () => {
    expect(documentCoordinators(all, 'c2')).toEqual([{ userId: 'c2' }]);
  });
  it('falls back to all coordinators when unknown or no longer a coordinator', () => {
    expect(documentCoordinators(all, null)).toEqual(all);
    expect(documentCoordinators(all, 'gone')).toEqual(all);
  });
});

describe('the leader a digest is addressed to', () => {
  const all = [{ userId: 'l1' }, { userId: 'l2' }];
  it('is that leader alone', () => {
    expect(addressedLeaders(all, 'l2')).toEqual([{ userId: 'l2' }]);
  });
  it('falls back to all leaders when there is none, or they are no longer an active leader', () => {
    expect(addressedLeaders(all, null)).toEqual(all);
    expect(addressedLeaders(all, 'gone')).toEqual(all);
    expect(addressedLeaders([], 'l1')).toEqual([]);
  });
});
