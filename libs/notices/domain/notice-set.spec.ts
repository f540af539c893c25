import { allocateNumbers, noticesOf } from './notice-set';

const A = { agencyId: 'a', agencyName: '市民政局', firstSeq: 1 };
const B = { agencyId: 'b', agencyName: '市教委', firstSeq: 1 };
const C = { agencyId: 'c', agencyName: '市财政局', firstSeq: 2 };

describe('which notices a document has', () => {
  it('one 督办通知单 per agency in measure order, then a 催办通知书 per agency and day', () => {
    const keys = noticesOf(
      '2026-12-01',
      [C, B, A],
      [
        { agencyId: 'c', day: '2026-12-20' },
        { agencyId: 'a', day: '2026-12-20' },
        { agencyId: 'a', day: '2026-12-20' },
        { agencyId: 'b', day: '2026-12-18' },
        { agencyId: 'x', day: '2026-12-18' },
      ],
    );
    expect(keys).toEqual([
      { kind: 'supervision', agencyId: 'b', day: '2026-12-01' },
      { kind: 'supervision', agencyId: 'a', day: '2026-12-01' },
      { kind: 'supervision', agencyId: 'c', day: '2026-12-01' },
      { kind: 'urge', agencyId: 'b', day: '2026-12-18' },
      { kind: 'urge', agencyId: 'a', day: '2026-12-20' },
      { kind: 'urge', agencyId: 'c', day: '2026-12-20' },
    ]);
  });
});

describe('numbering', () => {
  it('counts per kind and year of issue, and keeps numbers given', () => {
    const first = allocateNumbers([], noticesOf('2026-12-30', [A, B], []));
    expect(first.map((n) => n.number)).toEqual(['督〔2026〕1号', '督〔2026〕2号']);
    const later = allocateNumbers(first, [
      ...noticesOf('2026-12-30', [A, B, C], []),
      { kind: 'urge', agencyId: 'a', day: '2026-12-31' },
      { kind: 'urge', agencyId: 'a', day: '2027-01-04' },
      { kind: 'urge', agencyId: 'b', day: '2027-01-04' },
    ]);
    expect(later.map((n) => [n.agencyId, n.number])).toEqual([
      ['c', '督〔2026〕3号'],
      ['a', '催〔2026〕1号'],
      ['a', '催〔2027〕1号'],
      ['b', '催〔2027〕2号'],
    ]);
  });

  it('continues after the highest sequence of the series', () => {
    const existing = [
      { kind: 'urge' as const, agencyId: 'a', day: '2026-05-01', year: 2026, seq: 7, number: '催〔2026〕7号' },
    ];
    expect(allocateNumbers(existing, [{ kind: 'urge', agencyId: 'b', day: '2026-05-02' }])[0].number).toBe(
      '催〔2026〕8号',
    );
  });
});
