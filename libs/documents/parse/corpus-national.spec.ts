import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePolicy } from './parse-policy';
import type { ParsedAttribution, ParsedMeasure, ParseResult } from './parse-result.types';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const read = (file: string): string => readFileSync(path.join(CORPUS, file), 'utf8');

function expectSpansExact(input: string, result: ParseResult): void {
  for (const m of result.measures) {
    expect(input.slice(m.span[0], m.span[1])).toBe(m.text);
    for (const a of m.attributions) expect(input.slice(a.span[0], a.span[1])).toBe(a.raw);
  }
}

function byNumber(result: ParseResult, number: string): ParsedMeasure {
  const found = result.measures.find((m) => m.number === number);
  if (!found) throw new Error(`no measure ${number}`);
  return found;
}

const roles = (a: ParsedAttribution) => [a.lead, a.shared, a.cooperating, a.roleSource];
const codesOf = (r: ParseResult, code: string) => r.warnings.filter((w) => w.code === code).map((w) => w.measure);

describe('国办发〔2018〕117号 督查激励: flat 一、…三十、 measures, 会同…负责', () => {
  const input = read('guobanfa-2018-117-zhenzhua-shigan-jili.txt');
  const r = parsePolicy(input);

  it('reads the header and 30 flat measures, one attribution each', () => {
    expect(r.title).toBe('国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知');
    expect([r.issuer, r.docNumber, r.issuedOn, r.coordinator]).toEqual([
      '国务院办公厅',
      '国办发〔2018〕117号',
      '2018-12-06',
      null,
    ]);
    expect(r.measures).toHaveLength(30);
    expect([r.measures[0].number, r.measures[29].number]).toEqual(['一、', '三十、']);
    expect(r.measures.every((m) => m.section === null && m.attributions.length === 1)).toBe(true);
    expect(r.conventions).toEqual([]);
    expect(codesOf(r, 'MISSING_ATTRIBUTION')).toEqual([]);
    expectSpansExact(input, r);
  });

  it('reads 负责 lists as shared and 会同 as lead + cooperating', () => {
    expect(roles(byNumber(r, '一、').attributions[0])).toEqual([[], ['市场监管总局'], [], 'explicit']);
    expect(byNumber(r, '六、').attributions[0].shared).toEqual(['交通运输部', '财政部']);
    expect(byNumber(r, '八、').attributions[0].shared).toEqual(['人民银行', '银保监会', '证监会']);
    expect(byNumber(r, '二十二、').attributions[0].shared).toEqual(['财政部', '国务院扶贫办']);
    expect(byNumber(r, '二十四、').attributions[0].shared).toEqual(['住房城乡建设部', '国家发展改革委', '财政部']);
    expect(roles(byNumber(r, '十六、').attributions[0])).toEqual([['国家发展改革委'], [], ['有关部门'], 'explicit']);
    expect(roles(byNumber(r, '十八、').attributions[0])).toEqual([
      ['国家发展改革委', '财政部'],
      [],
      ['有关部门'],
      'explicit',
    ]);
    expect(byNumber(r, '二十、').attributions[0].lead).toEqual(['教育部']);
    expect(codesOf(r, 'GENERIC_PARTY')).toEqual(['十六、', '十七、', '十八、', '二十、']);
  });

  it('ignores 市（地、州、盟）, 省（区、市） and the （企业直接向国家发展改革委申报…） parenthetical', () => {
    const three = byNumber(r, '三、');
    expect(three.text).toContain('（企业直接向国家发展改革委申报，不需省级发展改革部门转报）');
    expect(three.attributions.map((a) => a.raw)).toEqual(['（国家发展改革委负责）']);
    const all = r.measures.flatMap((m) => m.attributions.map((a) => a.raw));
    expect(all.every((raw) => /负责）$/.test(raw))).toBe(true);
  });

  it('ends 三十、 at its attribution: the closing paragraphs are not a measure', () => {
    expect(r.measures[29].text.endsWith('（国务院办公厅负责）')).toBe(true);
    expect(r.measures[29].attributions[0].shared).toEqual(['国务院办公厅']);
  });
});

describe('国发〔2018〕39号 促进就业: 列第一位者为牵头单位，下同', () => {
  const input = read('guofa-2018-39-cujin-jiuye.txt');
  const r = parsePolicy(input);

  it('reads the two-line title, 15 measures in 5 sections and the convention in （一）', () => {
    expect(r.title).toBe('国务院关于做好当前和今后一个时期促进就业工作的若干意见');
    expect([r.docNumber, r.issuedOn, r.issuer]).toEqual(['国发〔2018〕39号', '2018-11-16', '国务院']);
    expect(r.measures).toHaveLength(15);
    expect(byNumber(r, '（四）').section).toBe('二、鼓励支持就业创业');
    expect(byNumber(r, '（十五）').section).toBe('五、落实各方责任');
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '（一）', text: '列第一位者为牵头单位，下同' },
    ]);
    expect(r.measures.every((m) => m.attributions.length === 1)).toBe(true);
    expectSpansExact(input, r);
  });

  it('makes the first listed the lead and the rest cooperating', () => {
    expect(roles(byNumber(r, '（一）').attributions[0])).toEqual([
      ['人力资源社会保障部'],
      [],
      ['财政部'],
      'documentConvention',
    ]);
    expect(roles(byNumber(r, '（二）').attributions[0])).toEqual([
      ['财政部'],
      [],
      ['工业和信息化部', '人民银行', '银保监会'],
      'documentConvention',
    ]);
    expect(roles(byNumber(r, '（十）').attributions[0])).toEqual([
      ['人力资源社会保障部'],
      [],
      ['医保局'],
      'documentConvention',
    ]);
    const a7 = byNumber(r, '（七）').attributions[0];
    expect([a7.lead, a7.cooperating]).toEqual([['人力资源社会保障部'], ['财政部', '教育部', '有关部门和单位']]);
  });

  it('keeps 各省级人民政府 after the comma responsible in its own right', () => {
    expect(roles(byNumber(r, '（四）').attributions[0])).toEqual([
      ['人力资源社会保障部'],
      ['各省级人民政府'],
      ['科技部', '财政部', '住房城乡建设部', '市场监管总局'],
      'documentConvention',
    ]);
    expect(roles(byNumber(r, '（九）').attributions[0])).toEqual([
      ['人力资源社会保障部'],
      ['各省级人民政府'],
      ['财政部', '税务总局'],
      'documentConvention',
    ]);
  });

  it('never makes 各有关部门和单位 the lead', () => {
    expect(roles(byNumber(r, '（十三）').attributions[0])).toEqual([[], ['各有关部门和单位'], [], 'explicit']);
    expect(roles(byNumber(r, '（十四）').attributions[0])).toEqual([
      [],
      ['各有关部门和单位', '各省级人民政府'],
      [],
      'explicit',
    ]);
    expect(r.measures.every((m) => m.attributions.every((a) => !a.lead.some((p) => p.includes('有关'))))).toBe(true);
    expect(codesOf(r, 'GENERIC_PARTY')).toEqual(['（五）', '（七）', '（十一）', '（十三）', '（十四）', '（十五）']);
    expect(codesOf(r, 'OPEN_LIST')).toEqual(['（五）', '（七）', '（十一）']);
  });

  it('ignores （含技工院校） and the closing paragraph', () => {
    expect(byNumber(r, '（七）').text).toContain('（含技工院校）');
    expect(r.measures[14].text).not.toContain('从工业企业结构调整专项奖补资金');
    expect(r.measures[14].text.endsWith('按职责分工负责）')).toBe(true);
  });
});

describe('国发〔2018〕42号 农业机械化: convention stated in （三）, 等负责, 牵头负责', () => {
  const input = read('guofa-2018-42-nongye-jixiehua.txt');
  const r = parsePolicy(input);

  it('reads 20 measures numbered on across 8 sections', () => {
    expect(r.title).toBe('国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见');
    expect([r.docNumber, r.issuedOn]).toEqual(['国发〔2018〕42号', '2018-12-21']);
    expect(r.measures).toHaveLength(20);
    expect(byNumber(r, '（三）').section).toBe('二、加快推动农机装备产业高质量发展');
    expect(byNumber(r, '（二十）').section).toBe('八、强化组织领导');
    expect(byNumber(r, '（二）').title).toBe('发展目标');
    expect(byNumber(r, '（二）').text).toContain('到2025年');
    expect(codesOf(r, 'MISSING_ATTRIBUTION')).toEqual(['（一）', '（二）']);
    expectSpansExact(input, r);
  });

  it('applies 列第一位者为牵头单位 from （三） on, dropping the bare 等', () => {
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '（三）', text: '列第一位者为牵头单位，下同' },
    ]);
    expect(roles(byNumber(r, '（三）').attributions[0])).toEqual([
      ['工业和信息化部'],
      [],
      ['发展改革委', '科技部', '农业农村部'],
      'documentConvention',
    ]);
    expect(byNumber(r, '（六）').attributions[0].lead).toEqual(['市场监管总局']);
    expect(byNumber(r, '（九）').attributions[0].cooperating).toHaveLength(8);
    expect(byNumber(r, '（十六）').attributions[0].lead).toEqual(['教育部']);
    expect(roles(byNumber(r, '（十九）').attributions[0])).toEqual([['各省级人民政府'], [], [], 'documentConvention']);
    expect(codesOf(r, 'OPEN_LIST')).toHaveLength(16);
  });

  it('reads （A、B牵头负责） as two leads and ignores 由…牵头的 in the body', () => {
    const m18 = byNumber(r, '（十八）');
    expect(m18.text).toContain('建立由农业农村部、工业和信息化部牵头的');
    expect(m18.attributions).toHaveLength(1);
    expect(roles(m18.attributions[0])).toEqual([['农业农村部', '工业和信息化部'], [], [], 'explicit']);
  });
});
