import { parsePolicy } from './parse-policy';
import type { ParsedAttribution } from './parse-result.types';

const roles = (a: ParsedAttribution | undefined) =>
  a ? { lead: a.lead, shared: a.shared, cooperating: a.cooperating, roleSource: a.roleSource } : null;

describe('a tab-separated task table (pasted from Word or a spreadsheet)', () => {
  const text = [
    '某市困境儿童福利保障重点任务分工表',
    '',
    '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
    '一、夯实基本生活保障',
    '1\t建立困境儿童信息台账。全面摸排。\t市民政局\t市教委、市公安局\t2026年底前',
    '2\t完善监测预警机制，',
    '及时发现风险。\t市民政局、市卫生健康委\t无\t每季度',
    '3\t开展关爱服务。\t团市委\t市妇联 市残联\t长期坚持',
    '4\t加强宣传。\t市委宣传部\t—\t尽快',
  ].join('\n');
  const r = parsePolicy(text);

  it('reads one measure per row, with the table title and the section rows', () => {
    expect(r.title).toBe('某市困境儿童福利保障重点任务分工表');
    expect(r.measures.map((m) => [m.number, m.section, m.title])).toEqual([
      ['1', '一、夯实基本生活保障', '建立困境儿童信息台账'],
      ['2', '一、夯实基本生活保障', '完善监测预警机制，及时发现风险'],
      ['3', '一、夯实基本生活保障', '开展关爱服务'],
      ['4', '一、夯实基本生活保障', '加强宣传'],
    ]);
    expect(r.measures[1].text).toBe('完善监测预警机制，及时发现风险。');
  });

  it('says which column was read as what', () => {
    expect(r.table).toEqual({
      span: [text.indexOf('序号'), text.length],
      columns: [
        { header: '序号', readAs: 'number' },
        { header: '重点任务', readAs: 'task' },
        { header: '牵头单位', readAs: 'lead' },
        { header: '配合单位', readAs: 'cooperating' },
        { header: '完成时限', readAs: 'timeLimit' },
      ],
      rows: 4,
    });
  });

  it('reads lead and cooperating cells, several names per cell, and 无 / — as nobody', () => {
    expect(r.measures.map((m) => roles(m.attributions[0]))).toEqual([
      { lead: ['市民政局'], shared: [], cooperating: ['市教委', '市公安局'], roleSource: 'explicit' },
      { lead: ['市民政局', '市卫生健康委'], shared: [], cooperating: [], roleSource: 'explicit' },
      { lead: ['团市委'], shared: [], cooperating: ['市妇联', '市残联'], roleSource: 'explicit' },
      { lead: ['市委宣传部'], shared: [], cooperating: [], roleSource: 'explicit' },
    ]);
    const a = r.measures[0].attributions[0];
    expect(text.slice(...a.span)).toBe(a.raw);
    expect(
      r.measures.every((m) => m.span[0] < m.attributions[0].span[0] && m.attributions[0].span[1] <= m.span[1]),
    ).toBe(true);
  });

  it('reads the time cell into timeLimit, and warns on one it cannot read', () => {
    expect(r.measures.map((m) => m.timeLimit && [m.timeLimit.kind, m.timeLimit.raw, m.timeLimit.source])).toEqual([
      ['date', '2026年底前', 'tableCell'],
      ['recurring', '每季度', 'tableCell'],
      ['ongoing', '长期坚持', 'tableCell'],
      null,
    ]);
    expect(r.warnings.map((w) => [w.measure, w.code])).toEqual([['4', 'UNREADABLE_TIME_LIMIT']]);
  });
});

describe('rows with blank cells', () => {
  it('keeps trailing empty cells of a tab row and reads a merged section row', () => {
    const text = [
      '重点任务\t牵头单位\t配合单位\t完成时限\t',
      '（一）基本保障\t\t\t\t',
      '建立台账\t市民政局\t\t\t',
      '加强监测\t市卫生健康委\t市民政局\t2026年底前',
    ].join('\n');
    const r = parsePolicy(text);
    expect(r.table?.columns).toHaveLength(4);
    expect(
      r.measures.map((m) => [m.number, m.section, m.title, m.attributions[0].lead, m.timeLimit?.kind ?? null]),
    ).toEqual([
      ['1', '（一）基本保障', '建立台账', ['市民政局'], null],
      ['2', '（一）基本保障', '加强监测', ['市卫生健康委'], 'date'],
    ]);
  });
});

describe('a spreadsheet paste', () => {
  it('drops the quotes around a cell that holds a line break', () => {
    const r = parsePolicy(
      '序号\t重点任务\t牵头单位\n1\t"完善监测预警机制，\n及时发现风险"\t市民政局\n2\t加强宣传\t市委宣传部',
    );
    expect(r.measures.map((m) => [m.title, m.attributions[0].lead])).toEqual([
      ['完善监测预警机制，及时发现风险', ['市民政局']],
      ['加强宣传', ['市委宣传部']],
    ]);
  });
});

describe('a row shorter than the header', () => {
  it('is read in column order, a trailing time limit in its own column, with a warning to check it', () => {
    const r = parsePolicy('序号  重点任务  牵头单位  配合单位  完成时限\n1  建立台账  市民政局  2026年底前');
    expect(r.warnings.map((w) => [w.measure, w.code])).toEqual([['1', 'TABLE_ROW_SHORT']]);
    expect(r.warnings[0].message).toBe(
      '1 这一行只有 4 格（表头 5 格），各格已按顺序对应表头（末格为时限时对应完成时限），请核对；空格请填“无”或“—”',
    );
    expect(r.measures[0].attributions[0]).toMatchObject({ lead: ['市民政局'], cooperating: [] });
    expect(r.measures[0].timeLimit).toMatchObject({ kind: 'date', due: '2026-12-31', source: 'tableCell' });
  });
});

describe('a 责任单位 column', () => {
  const rows = [
    '1  完善社会救助制度  市民政局、市财政局、各区人民政府  2026年6月',
    '2  加强督导检查  市政府督查室  2026年',
  ];

  it('gives shared parties, separated by runs of spaces', () => {
    const r = parsePolicy(['序号  工作任务  责任单位  完成时限', ...rows].join('\n'));
    expect(roles(r.measures[0].attributions[0])).toEqual({
      lead: [],
      shared: ['市民政局', '市财政局', '各区人民政府'],
      cooperating: [],
      roleSource: 'explicit',
    });
    expect(r.measures.map((m) => (m.timeLimit?.kind === 'date' ? m.timeLimit.due : null))).toEqual([
      '2026-06-30',
      '2026-12-31',
    ]);
    expect(r.table?.columns.map((c) => c.readAs)).toEqual(['number', 'task', 'responsible', 'timeLimit']);
  });

  it('gives the first-listed party the lead under a 列第一位者为牵头单位 note', () => {
    const r = parsePolicy(
      ['序号  工作任务  责任单位  完成时限', ...rows, '注：责任单位列第一位者为牵头单位。'].join('\n'),
    );
    expect(roles(r.measures[0].attributions[0])).toEqual({
      lead: ['市民政局'],
      shared: [],
      cooperating: ['市财政局', '各区人民政府'],
      roleSource: 'documentConvention',
    });
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '1', text: '注：责任单位列第一位者为牵头单位' },
    ]);
    expect(r.measures).toHaveLength(2);
  });

  it('reads role words written inside the cell', () => {
    const r = parsePolicy('序号\t重点任务\t责任单位\n1\t健全机制\t市民政局牵头，市财政局配合');
    expect(roles(r.measures[0].attributions[0])).toMatchObject({ lead: ['市民政局'], cooperating: ['市财政局'] });
  });
});

describe('a table that cannot be imported', () => {
  it('is refused when no column is the lead or responsible one, naming the headers', () => {
    const r = parsePolicy('序号\t工作任务\t单位\t完成时限\n1\t建立台账\t市民政局\t2026年底前');
    expect(r.measures).toEqual([]);
    expect(r.warnings).toEqual([
      {
        measure: null,
        code: 'TABLE_WITHOUT_LEAD_COLUMN',
        message:
          '任务分工表的表头（序号、工作任务、单位、完成时限）中没有“牵头单位”或“责任单位”列，无法确定责任单位，未导入',
      },
    ]);
    expect(r.table?.columns.map((c) => c.readAs)).toEqual(['number', 'task', 'ignored', 'timeLimit']);
  });

  it('leaves a row without any party to MISSING_ATTRIBUTION', () => {
    const r = parsePolicy('序号\t重点任务\t牵头单位\t配合单位\n1\t建立台账\t无\t—');
    expect(r.measures[0].attributions).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['MISSING_ATTRIBUTION']);
  });
});

describe('a table appended after prose', () => {
  const text = [
    '某市人民政府办公厅关于印发困境儿童保障实施方案的通知',
    '（一）建立台账。具体分工见附件。',
    '（二）加强监测。具体分工见附件。',
    '附件',
    '重点任务分工表',
    '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
    '1\t建立困境儿童信息台账\t市民政局\t市教委\t2026年底前',
    '2\t完善监测预警机制\t市卫生健康委\t市民政局\t2027年6月底前完成',
  ].join('\n');
  const r = parsePolicy(text);

  it('takes its rows as the measures, the title from the prose, and says the prose items were not imported', () => {
    expect(r.title).toBe('某市人民政府办公厅关于印发困境儿童保障实施方案的通知');
    expect(r.measures.map((m) => [m.number, m.title, m.attributions[0].lead])).toEqual([
      ['1', '建立困境儿童信息台账', ['市民政局']],
      ['2', '完善监测预警机制', ['市卫生健康委']],
    ]);
    expect(r.measures[1].timeLimit).toMatchObject({ kind: 'date', due: '2027-06-30' });
    expect(r.warnings).toEqual([
      {
        measure: null,
        code: 'TABLE_REPLACES_PROSE',
        message: '正文中的 2 项编号条目未作为措施导入，以任务分工表（2 行）为准',
      },
    ]);
  });
});

describe('prose without a table', () => {
  it('has no table field', () => {
    const r = parsePolicy('（一）建立台账。（市民政局负责）\n（二）加强监测。（市卫生健康委负责）');
    expect('table' in r).toBe(false);
    expect(r.measures).toHaveLength(2);
  });
});
