import { parsePolicy } from './parse-policy';
import type { ParsedAttribution } from './parse-result.types';

const roles = (a: ParsedAttribution) => [a.lead, a.shared, a.cooperating, a.roleSource];

describe('conventions stated once and applying onward', () => {
  it('列第一位者为牵头单位，下同: from the stating measure on, not before', () => {
    const r = parsePolicy(
      [
        '一、总体要求',
        '（一）指导思想。（市发展改革委、市财政局负责）',
        '（二）完善创新体系。（市工业和信息化局、市科技局负责。列第一位者为牵头单位，下同）',
        '（三）推进协同发展。（市商务局、市科技局、市财政局按职责分工负责）',
      ].join('\n'),
    );
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '（二）', text: '列第一位者为牵头单位，下同' },
    ]);
    const [a1, a2, a3] = r.measures.map((m) => m.attributions[0]);
    expect(roles(a1)).toEqual([[], ['市发展改革委', '市财政局'], [], 'explicit']);
    expect(roles(a2)).toEqual([['市工业和信息化局'], [], ['市科技局'], 'documentConvention']);
    expect(roles(a3)).toEqual([['市商务局'], [], ['市科技局', '市财政局'], 'documentConvention']);
  });

  it('排在第一位的部门为牵头部门, with explicit 牵头 still winning', () => {
    const r = parsePolicy(
      [
        '四、主要任务',
        '（一）打造加工制造中心。',
        '1.拓展市场。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）',
        '2.释放产能。（海关总署牵头，商务部配合）',
      ].join('\n'),
    );
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '1.', text: '排在第一位的部门为牵头部门，下同' },
    ]);
    expect(roles(r.measures[0].attributions[0])).toEqual([
      ['税务总局'],
      [],
      ['财政部', '海关总署'],
      'documentConvention',
    ]);
    expect(roles(r.measures[1].attributions[0])).toEqual([['海关总署'], [], ['商务部'], 'explicit']);
  });

  it('first-listed-leads reaches only the first tier of A、B，C and never makes a generic party lead', () => {
    const r = parsePolicy(
      [
        '一、支持创业',
        '（一）加大支持。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）',
        '（二）支持载体建设。（人力资源社会保障部、科技部，各省级人民政府按职责分工负责）',
        '（三）明确部门责任。（各有关部门和单位，各省级人民政府按职责分工负责）',
      ].join('\n'),
    );
    expect(roles(r.measures[1].attributions[0])).toEqual([
      ['人力资源社会保障部'],
      ['各省级人民政府'],
      ['科技部'],
      'documentConvention',
    ]);
    expect(roles(r.measures[2].attributions[0])).toEqual([[], ['各有关部门和单位', '各省级人民政府'], [], 'explicit']);
  });

  it('以下工作均需各区人民政府配合，不再单独列出: implied cooperation on later measures', () => {
    const r = parsePolicy(
      [
        '一、夯实基本生活保障',
        '（一）筑牢底线。（市民政局、各区人民政府按职责分工负责；以下工作均需各区人民政府配合，不再单独列出）',
        '（二）加强救助。（市民政局负责）',
        '（三）落实补贴。（市财政局、各区人民政府负责）',
      ].join('\n'),
    );
    expect(r.conventions).toEqual([
      {
        kind: 'documentWideCooperating',
        parties: ['各区人民政府'],
        fromMeasure: '（一）',
        text: '以下工作均需各区人民政府配合，不再单独列出',
      },
    ]);
    expect(r.measures.map((m) => m.impliedCooperating)).toEqual([[], ['各区人民政府'], []]);
    expect(r.measures[0].attributions[0].shared).toEqual(['市民政局', '各区人民政府']);
  });

  it('以下均需…落实，不再列出: implied on measures with attributions only, not on later unattributed ones', () => {
    const r = parsePolicy(
      [
        '二、主要任务',
        '（一）强化顶层设计。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）',
        '（二）推行绿色生产。（农业农村部指导）',
        '三、实施步骤',
        '（一）确定试点城市。试点城市由省级有关部门推荐，生态环境部会同有关部门筛选确定。',
      ].join('\n'),
    );
    expect(r.conventions).toEqual([
      {
        kind: 'documentWideCooperating',
        parties: ['试点城市政府'],
        fromMeasure: '（一）',
        text: '以下均需试点城市政府落实，不再列出',
      },
    ]);
    const first = r.measures[0].attributions[0];
    expect([first.guiding, first.shared]).toEqual([['生态环境部'], ['试点城市政府']]);
    expect(r.measures.map((m) => m.impliedCooperating)).toEqual([[], ['试点城市政府'], []]);
    expect(r.measures[2].attributions).toEqual([]);
  });
});
