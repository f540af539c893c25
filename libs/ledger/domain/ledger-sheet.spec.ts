import type { ClockReading } from '../../clock/domain/clock-reading';
import { chineseDate, type LedgerTask, ledgerSheet, matches, reportPeriods } from './ledger-sheet';
import { taskAsOf, type TaskAsOf } from './task-as-of';

const reading = (colour: ClockReading['colour'], left: number | null, overdue = false): ClockReading => ({
  colour,
  rule: null,
  workingDaysLeft: left,
  overdue,
  calendarGapYear: null,
  explanation: `说明-${colour}`,
});

const asOf = (over: Partial<TaskAsOf>): TaskAsOf => ({ ...taskAsOf([], '2026-12-01'), ...over });

const task = (over: Partial<LedgerTask> & Pick<LedgerTask, 'taskId' | 'measureId' | 'agency'>): LedgerTask => ({
  measureSeq: 1,
  measureNumber: '（一）',
  measureTitle: '健全工作机制',
  agencyId: `id-${over.agency}`,
  role: 'cooperating',
  asOf: asOf({ state: 'in_progress', issuedOn: '2026-10-20', dueDate: '2026-12-31', role: 'cooperating' }),
  reading: reading('green', 20),
  ...over,
});

const tasks: LedgerTask[] = [
  task({ taskId: 't1', measureId: 'm1', agency: '市教委' }),
  task({
    taskId: 't2',
    measureId: 'm1',
    agency: '市民政局',
    role: 'lead',
    asOf: asOf({
      state: 'in_progress',
      issuedOn: '2026-10-20',
      role: 'lead',
      dueDate: '2027-01-15',
      fired: [{ key: 'reminder', label: '提醒', day: '2026-11-30' }],
      extensions: [{ day: '2026-11-02', from: '2026-12-31', to: '2027-01-15', reason: '需协调资金' }],
      reports: [
        { day: '2026-10-28', kind: 'progress', text: '已制定方案', attachments: ['方案.pdf'] },
        { day: '2026-11-20', kind: 'progress', text: '已召开联席会议', attachments: [] },
      ],
      reportReminders: [{ period: '2026-12', day: '2026-12-07' }],
      instructions: [{ day: '2026-11-21', actor: '王副市长', text: '抓紧推进' }],
      evidence: ['方案.pdf'],
      notes: ['2026-11-25 暂停计时：等待批复'],
    }),
    reading: reading('yellow', 30),
  }),
  task({
    taskId: 't3',
    measureId: 'm2',
    measureSeq: 2,
    measureNumber: '（二）',
    measureTitle: '加强资金保障',
    agency: '市财政局',
    role: 'lead',
    asOf: asOf({
      state: 'accepted',
      issuedOn: '2026-11-03',
      role: 'lead',
      dueDate: '2026-11-20',
      doneOn: '2026-11-18',
    }),
    reading: reading('red', -4, true),
  }),
  // Not issued by the as-of day: no row.
  task({ taskId: 't4', measureId: 'm2', agency: '市公安局', asOf: asOf({}) }),
];

describe('ledgerSheet', () => {
  const sheet = ledgerSheet({
    documentTitle: '天津市关于加强困境儿童保障工作的实施方案',
    asOf: '2026-12-01',
    tasks,
    filter: {},
  });

  it('titles the ledger with the document and the as-of day, and names the file after it', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(sheet.title).toBe('《天津市关于加强困境儿童保障工作的实施方案》任务落实台账（截至 2026年12月1日）');
    expect(sheet.baseName).toBe('天津市关于加强困境儿童保障工作的实施方案任务落实台账（截至2026年12月1日）');
    expect(ledgerSheet({ documentTitle: '《已有书名号》', asOf: '2026-12-01', tasks: [], filter: {} }).title).toBe(
      '《已有书名号》任务落实台账（截至 2026年12月1日）',
    );
  });

  it('has the issue’s columns with one per report period from the first issue to the as-of month', () => {
    expect(reportPeriods('2026-11-30', '2027-01-02')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '序号',
      '措施编号',
      '措施',
      '分工',
      '责任单位',
      '下发日期',
      '办理时限',
      '剩余/逾期工作日',
      '状态',
      '灯色',
      '灯色依据',
      '已触发节点',
      '延期',
      '2026年10月报送',
      '2026年11月报送',
      '2026年12月报送',
      '最新进展',
      '领导批示',
      '办结日期',
      '佐证材料',
      '备注',
    ]);
  });

  it('lists issued tasks by measure, lead first, with the figures of the day', () => {
    expect(sheet.rows.map((r) => r.taskId)).toEqual(['t2', 't1', 't3']);
    const [lead, coop, done] = sheet.rows.map((r) => r.cells);
    expect(lead).toEqual([
      '1',
      '（一）',
      '健全工作机制',
      '牵头',
      '市民政局',
      '2026-10-20',
      '2027-01-15',
      '剩余 30 个工作日',
      '办理中',
      '黄灯',
      '说明-yellow',
      '提醒 2026-11-30',
      '1 次，延至 2027-01-15；依据：需协调资金',
      '2026-10-28 进展：已制定方案',
      '2026-11-20 进展：已召开联席会议',
      '未报送（2026-12-07 已提醒）',
      '2026-11-20：已召开联席会议',
      '2026-11-21 王副市长：抓紧推进',
      '',
      '方案.pdf',
      '2026-11-25 暂停计时：等待批复',
    ]);
    expect(coop.slice(0, 5)).toEqual(['2', '（一）', '健全工作机制', '配合', '市教委']);
    expect(done.slice(6, 10)).toEqual(['2026-11-20', '逾期 4 个工作日', '已办结', '红灯']);
    expect(done[18]).toBe('2026-11-18');
  });

  it('merges the measure cells of a measure’s consecutive rows', () => {
    expect(sheet.mergedColumns).toEqual([1, 2]);
    expect(sheet.measureSpans).toEqual([{ from: 0, to: 1 }]);
    expect(sheet.rows.map((r) => r.colour)).toEqual(['yellow', 'green', 'red']);
    expect(sheet.columns[sheet.colourColumn].header).toBe('灯色');
  });

  it('filters as the task list does, on the task as of the day, keeping the columns', () => {
    const only = (filter: Parameters<typeof matches>[1]) =>
      ledgerSheet({ documentTitle: 'x', asOf: '2026-12-01', tasks, filter }).rows.map((r) => r.taskId);
    expect(only({ role: 'lead' })).toEqual(['t2', 't3']);
    expect(only({ colour: 'red' })).toEqual(['t3']);
    expect(only({ state: 'in_progress', measureId: 'm1' })).toEqual(['t2', 't1']);
    expect(only({ agencyId: 'id-市教委' })).toEqual(['t1']);
    expect(only({ overdue: true })).toEqual(['t3']);
    expect(only({ overdue: false })).toEqual(['t2', 't1']);
    expect(only({ state: 'draft' })).toEqual([]);
    expect(matches(tasks[3], {})).toBe(true);
    const filtered = ledgerSheet({ documentTitle: 'x', asOf: '2026-12-01', tasks, filter: { colour: 'red' } });
    expect(filtered.columns).toHaveLength(sheet.columns.length);
    expect(filtered.rows[0].cells[0]).toBe('1');
  });
});
