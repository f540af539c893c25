import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePolicy } from './parse-policy';
import type { ParsedAttribution, ParseResult } from './parse-result.types';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const read = (file: string): string => readFileSync(path.join(CORPUS, file), 'utf8');

function expectSpansExact(input: string, result: ParseResult): void {
  for (const m of result.measures) {
    expect(input.slice(m.span[0], m.span[1])).toBe(m.text);
    for (const a of m.attributions) expect(input.slice(a.span[0], a.span[1])).toBe(a.raw);
  }
}

const roles = (a: ParsedAttribution | undefined) => a && [a.lead, a.shared, a.cooperating, a.roleSource];
const codesOf = (r: ParseResult, code: string) => r.warnings.filter((w) => w.code === code).map((w) => w.measure);

describe('国发〔2019〕3号 综合保税区: Arabic items under （一） groups, 排在第一位的部门为牵头部门', () => {
  const input = read('guofa-2019-3-zonghe-baoshuiqu.txt');
  const r = parsePolicy(input);
  const item = (n: number) => {
    const m = r.measures.find((x) => x.number === `${n}.`);
    if (!m) throw new Error(`no item ${n}`);
    return m;
  };

  it('reads 4 基本原则 paragraphs and 21 tasks numbered on across five groups', () => {
    expect(r.title).toBe('国务院关于促进综合保税区高水平开放高质量发展的若干意见');
    expect([r.docNumber, r.issuedOn, r.coordinator]).toEqual(['国发〔2019〕3号', '2019-01-12', '海关总署']);
    expect(r.measures).toHaveLength(25);
    expect(r.measures.slice(0, 4).map((m) => [m.number, m.section])).toEqual([
      ['（一）', '二、基本原则'],
      ['（二）', '二、基本原则'],
      ['（三）', '二、基本原则'],
      ['（四）', '二、基本原则'],
    ]);
    expect(codesOf(r, 'MISSING_ATTRIBUTION')).toEqual(['（一）', '（二）', '（三）', '（四）']);
    expect(r.measures.slice(4).map((m) => m.number)).toEqual(Array.from({ length: 21 }, (_, i) => `${i + 1}.`));
    expect(item(1).section).toBe('（一）统筹两个市场，打造加工制造中心。');
    expect(item(6).section).toBe('（二）推动创新创业，打造研发设计中心。');
    expect(item(21).section).toBe('（五）培育新动能新优势，打造销售服务中心。');
    expect([item(1).title, item(13).title]).toEqual(['拓展两个市场', '促进文物回流']);
    expectSpansExact(input, r);
  });

  it('makes the first-listed department lead from item 1 on', () => {
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '1.', text: '排在第一位的部门为牵头部门，下同' },
    ]);
    expect(roles(item(1).attributions[0])).toEqual([['税务总局'], [], ['财政部', '海关总署'], 'documentConvention']);
    expect(roles(item(5).attributions[0])).toEqual([['海关总署'], [], [], 'documentConvention']);
    expect(roles(item(9).attributions[0])).toEqual([['药监局'], [], ['海关总署'], 'documentConvention']);
    expect(roles(item(13).attributions[0])).toEqual([
      ['海关总署'],
      [],
      ['文化和旅游部', '文物局'],
      'documentConvention',
    ]);
    expect(roles(item(18).attributions[0])).toEqual([['商务部'], [], ['海关总署', '有关部门'], 'documentConvention']);
    expect(codesOf(r, 'GENERIC_PARTY')).toEqual(['6.', '18.', '21.']);
  });
});

describe('国办发〔2018〕128号 无废城市: several attributions per paragraph, 指导/参与, half-width brackets', () => {
  const input = read('guobanfa-2018-128-wufei-chengshi.txt');
  const r = parsePolicy(input);
  const inSection = (section: string) => r.measures.filter((m) => m.section === section);

  it('reads the notice header and 19 measures in four sections', () => {
    expect(r.title).toBe('国务院办公厅关于印发“无废城市”建设试点工作方案的通知');
    expect([r.issuer, r.docNumber, r.issuedOn]).toEqual(['国务院办公厅', '国办发〔2018〕128号', '2018-12-29']);
    expect(r.measures).toHaveLength(19);
    expect(inSection('一、总体要求').map((m) => m.title)).toEqual([
      '重大意义',
      '指导思想',
      '基本原则',
      '试点目标',
      '试点范围',
    ]);
    expect(inSection('二、主要任务')).toHaveLength(6);
    expect(inSection('三、实施步骤')).toHaveLength(4);
    expect(inSection('四、保障措施')).toHaveLength(4);
    expectSpansExact(input, r);
  });

  it('counts the attributions written through each task paragraph', () => {
    expect(inSection('二、主要任务').map((m) => m.attributions.length)).toEqual([4, 6, 4, 7, 7, 11]);
  });

  it('reads 牵头/参与, 指导 + 负责落实 and the 以下均需试点城市政府落实 convention', () => {
    const first = inSection('二、主要任务')[0].attributions;
    expect(roles(first[0])).toEqual([
      ['生态环境部'],
      [],
      ['国家发展改革委', '工业和信息化部', '住房城乡建设部', '农业农村部', '国家统计局'],
      'explicit',
    ]);
    expect([first[1].guiding, first[1].shared]).toEqual([['生态环境部'], ['试点城市政府']]);
    expect(first[2].guiding).toHaveLength(10);
    expect(r.conventions).toEqual([
      {
        kind: 'documentWideCooperating',
        parties: ['试点城市政府'],
        fromMeasure: '（一）',
        text: '以下均需试点城市政府落实，不再列出',
      },
    ]);
    const second = inSection('二、主要任务')[1].attributions;
    expect(second[3].shared).toEqual(['市场监管总局', '工业和信息化部']);
  });

  it('reads half-width (…) and mixed 指导/参与 in （六）', () => {
    const six = inSection('二、主要任务')[5].attributions;
    const halfWidth = six.filter((a) => a.raw.startsWith('('));
    expect(halfWidth.map((a) => a.guiding)).toEqual([
      ['国家发展改革委', '工业和信息化部', '住房城乡建设部', '市场监管总局', '国管局'],
      ['生态环境部'],
    ]);
    const mixed = six.find((a) => a.raw === '（商务部指导，供销合作总社参与）');
    expect([mixed?.guiding, mixed?.cooperating]).toEqual([['商务部'], ['供销合作总社']]);
  });

  it('implies 试点城市政府 on later tasks only, not on the unattributed 实施步骤 and 保障措施', () => {
    expect(inSection('二、主要任务').map((m) => m.impliedCooperating)).toEqual([
      [],
      ...Array.from({ length: 5 }, () => ['试点城市政府']),
    ]);
    const later = [...inSection('三、实施步骤'), ...inSection('四、保障措施')];
    expect(later.every((m) => m.attributions.length === 0 && m.impliedCooperating.length === 0)).toBe(true);
    // 生态环境部会同…筛选确定 is body text, not an attribution.
    expect(later[0].text).toContain('生态环境部会同国家发展改革委');
    expect(codesOf(r, 'MISSING_ATTRIBUTION')).toHaveLength(13);
  });

  it('ignores the body parentheticals （垃圾焚烧企业依法依规…） and （PPP）', () => {
    const all = r.measures.flatMap((m) => m.attributions.map((a) => a.raw));
    expect(all.some((raw) => raw.includes('垃圾焚烧企业') || raw.includes('PPP'))).toBe(false);
  });
});

describe('上海临港“双特”: no title line and no attributions', () => {
  const input = read('shanghai-lingang-shuangte-no-attribution.txt');
  const r = parsePolicy(input);

  it('keeps 17 measures in six sections, each flagged', () => {
    expect(r.measures).toHaveLength(17);
    expect(r.measures[0].section).toBe('一、深入推进政府改革和管理创新');
    expect(r.measures[16].section).toBe('六、加快基础设施和服务功能建设');
    expect(r.measures.every((m) => m.attributions.length === 0 && m.impliedCooperating.length === 0)).toBe(true);
    expect(codesOf(r, 'MISSING_ATTRIBUTION')).toHaveLength(17);
    expect(r.warnings).toHaveLength(17);
    expectSpansExact(input, r);
  });

  it('reports no title, issuer, number or date rather than guessing from the # source comment', () => {
    expect([r.title, r.issuer, r.docNumber, r.issuedOn, r.coordinator]).toEqual([null, null, null, null, null]);
    expect(r.conventions).toEqual([]);
  });

  it('keeps 中国（上海） and （以下简称…） inside titles and text', () => {
    expect(r.measures[3].title).toBe('推广应用中国（上海）自由贸易试验区（以下简称“上海自贸试验区”）制度创新成果');
    expect(r.measures[2].text).toContain('（以下统称“四镇”）');
  });
});
