import { circularContent } from './circular-content';
import { circularFigures } from './circular-figures';
import { circularAsOf } from './circular-period';

describe('the words of a 情况通报', () => {
  const figures = circularFigures(
    circularAsOf('weekly', '2026-12-06'),
    [
      {
        measureSeq: 1,
        measureNumber: '（一）',
        measureTitle: '健全工作机制',
        agency: '市民政局',
        role: 'lead',
        state: 'in_progress',
        doneOn: null,
        onTime: null,
        overdue: true,
        workingDaysLeft: -4,
        instructions: [{ day: '2026-12-02', actor: null, text: '抓紧推进' }],
      },
      {
        measureSeq: 1,
        measureNumber: '（一）',
        measureTitle: '健全工作机制',
        agency: '市教委',
        role: 'cooperating',
        state: 'closed',
        doneOn: '2026-12-01',
        onTime: null,
        overdue: false,
        workingDaysLeft: null,
        instructions: [],
      },
    ],
    [],
  );
  const content = circularContent({
    kind: 'weekly',
    documentTitle: '实施方案',
    issuer: '天津市民政局',
    figures,
    date: '2026-12-07',
    ledgerName: '台账.xlsx',
  });

  it('sums it up in one paragraph with dates in Chinese', () => {
    expect(content.title).toBe('关于《实施方案》落实情况的通报');
    expect(content.periodText).toBe('周报，截至2026年12月6日');
    expect(content.summary).toContain('截至2026年12月6日，《实施方案》共分解任务 2 项，已办结 1 项，占 50%');
    expect(content.summary).toContain('本期（2026年11月30日至2026年12月6日）办结 1 项，领导批示 1 件。');
    expect(content.date).toBe('2026年12月7日');
  });

  it('names who lags, what was done and what the leaders wrote', () => {
    expect(content.lagging).toEqual([
      { agency: '市民政局', measure: '（一）健全工作机制', overdueText: '，已逾期 4 个工作日' },
    ]);
    expect(content.completed).toEqual([{ agency: '市教委', measure: '（一）健全工作机制', day: '2026年12月1日' }]);
    expect(content.instructions[0]).toMatchObject({ actor: '领导', text: '抓紧推进' });
    expect(content.byAgency.map((a) => `${a.agency}${a.percent}`)).toEqual(['市教委100%', '市民政局0%']);
  });
});
