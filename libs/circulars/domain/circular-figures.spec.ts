import { circularFigures, type CircularTask } from './circular-figures';
import { circularAsOf } from './circular-period';

const task = (over: Partial<CircularTask>): CircularTask => ({
  measureSeq: 1,
  measureNumber: '（一）',
  measureTitle: '健全工作机制',
  agency: '市民政局',
  role: 'shared',
  state: 'in_progress',
  doneOn: null,
  onTime: null,
  overdue: false,
  workingDaysLeft: 5,
  instructions: [],
  ...over,
});

describe('the figures of a 情况通报', () => {
  const period = circularAsOf('weekly', '2026-12-06'); // covers 2026-11-30 .. 2026-12-06
  const tasks = [
    task({ agency: '市教委', state: 'accepted', doneOn: '2026-12-02', onTime: true, workingDaysLeft: null }),
    task({ agency: '市卫生健康委', overdue: true, workingDaysLeft: -1 }),
    task({ agency: '市民政局', overdue: true, workingDaysLeft: -3 }),
    task({
      measureSeq: 2,
      measureNumber: '（二）',
      measureTitle: '加强资金保障',
      agency: '市财政局',
      state: 'accepted',
      doneOn: '2026-11-20',
      onTime: false,
      instructions: [
        { day: '2026-12-01', actor: '王副市长', text: '抓紧推进' },
        { day: '2026-11-01', actor: '王副市长', text: '上期批示' },
      ],
    }),
    task({
      measureSeq: 2,
      measureNumber: '（二）',
      measureTitle: '加强资金保障',
      agency: '市公安局',
      state: 'cancelled',
    }),
  ];
  const figures = circularFigures(period, tasks, ['市民政局', '市教委', '市财政局', '市公安局']);

  it('counts the tasks that stand (not withdrawn), with shares', () => {
    expect(figures.total).toBe(4);
    expect(figures.done).toEqual({ count: 2, percent: 50 });
    expect(figures.onTime).toEqual({ count: 1, percent: 25 });
    expect(figures.overdue).toEqual({ count: 2, percent: 50 });
  });

  it('names the unit and measure lagging behind, and what was done and instructed in the period only', () => {
    expect(figures.lagging).toEqual([
      { measure: '（一）健全工作机制', agency: '市民政局', daysOverdue: 3 },
      { measure: '（一）健全工作机制', agency: '市卫生健康委', daysOverdue: 1 },
    ]);
    expect(figures.completed).toEqual([{ measure: '（一）健全工作机制', agency: '市教委', day: '2026-12-02' }]);
    expect(figures.instructions).toEqual([
      { measure: '（二）加强资金保障', agency: '市财政局', day: '2026-12-01', actor: '王副市长', text: '抓紧推进' },
    ]);
  });

  it('lists completion by agency in registry order and by measure in document order, never ranked', () => {
    // 市卫生健康委 is not in the given order: after the others, by name.
    expect(figures.byAgency.map((a) => a.agency)).toEqual(['市民政局', '市教委', '市财政局', '市卫生健康委']);
    expect(figures.byAgency[0]).toEqual({ agency: '市民政局', total: 1, done: 0 });
    expect(figures.byMeasure).toEqual([
      { measure: '（一）健全工作机制', total: 3, done: 1 },
      { measure: '（二）加强资金保障', total: 1, done: 1 },
    ]);
  });

  it('is the same for the same tasks whenever it is computed', () => {
    expect(circularFigures(period, [...tasks].reverse(), ['市民政局', '市教委', '市财政局', '市公安局'])).toEqual(
      figures,
    );
  });
});
