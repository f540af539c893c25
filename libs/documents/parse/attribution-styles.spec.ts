import { parsePolicy } from './parse-policy';
import type { ParsedAttribution, ParseResult } from './parse-result.types';

const one = (attribution: string, prefix = ''): ParseResult =>
  parsePolicy(`${prefix}一、总体要求\n（一）做好某项工作。具体内容。${attribution}\n`);
const attr = (attribution: string): ParsedAttribution => one(attribution).measures[0].attributions[0];
const roles = (a: ParsedAttribution | undefined) =>
  a && { lead: a.lead, shared: a.shared, cooperating: a.cooperating, guiding: a.guiding, roleSource: a.roleSource };
const only = (p: Partial<ParsedAttribution>) => ({
  lead: [],
  shared: [],
  cooperating: [],
  guiding: [],
  roleSource: 'explicit',
  ...p,
});

describe('attribution styles', () => {
  it('（A、B按职责分工负责）: shared', () => {
    expect(roles(attr('（市民政局、市教委按职责分工负责）'))).toEqual(only({ shared: ['市民政局', '市教委'] }));
  });

  it('（A负责）: shared', () => {
    const r = one('（市医保局负责）');
    expect(roles(r.measures[0].attributions[0])).toEqual(only({ shared: ['市医保局'] }));
    expect(r.measures[0].attributions[0].raw).toBe('（市医保局负责）');
  });

  it('（A牵头，B、C配合）: lead and cooperating', () => {
    expect(roles(attr('（市民政局牵头，市教委、市财政局配合）'))).toEqual(
      only({ lead: ['市民政局'], cooperating: ['市教委', '市财政局'] }),
    );
  });

  it('（牵头单位：A，配合单位：B、C）: labelled lists', () => {
    expect(roles(attr('（牵头单位：市发展改革委，配合单位：市财政局、市商务局）'))).toEqual(
      only({ lead: ['市发展改革委'], cooperating: ['市财政局', '市商务局'] }),
    );
  });

  it('（A会同有关部门负责）: A leads, the generic rest cooperates and is flagged', () => {
    const r = one('（国家发展改革委会同有关部门负责）');
    expect(roles(r.measures[0].attributions[0])).toEqual(only({ lead: ['国家发展改革委'], cooperating: ['有关部门'] }));
    expect(r.warnings.map((w) => w.code)).toEqual(['GENERIC_PARTY']);
  });

  it('（A、B牵头负责）: two leads', () => {
    expect(roles(attr('（农业农村部、工业和信息化部牵头负责）'))).toEqual(
      only({ lead: ['农业农村部', '工业和信息化部'] }),
    );
  });

  it('A指导 and B参与: guiding and cooperating', () => {
    expect(roles(attr('（商务部指导，供销合作总社参与）'))).toEqual(
      only({ guiding: ['商务部'], cooperating: ['供销合作总社'] }),
    );
    expect(roles(attr('（生态环境部、交通运输部指导）'))).toEqual(only({ guiding: ['生态环境部', '交通运输部'] }));
  });

  it('参与 alone: cooperating, after a lead', () => {
    expect(roles(attr('（生态环境部牵头，国家发展改革委、国家统计局参与）'))).toEqual(
      only({ lead: ['生态环境部'], cooperating: ['国家发展改革委', '国家统计局'] }),
    );
  });

  it('责任单位：A、B。 as a sentence without brackets', () => {
    const r = one('责任单位：市民政局、市教委。');
    const a = r.measures[0].attributions[0];
    expect(a.raw).toBe('责任单位：市民政局、市教委');
    expect(roles(a)).toEqual(only({ shared: ['市民政局', '市教委'] }));
  });

  it('half-width ( … )', () => {
    const a = attr('(国家发展改革委、国管局指导)');
    expect(a.raw).toBe('(国家发展改革委、国管局指导)');
    expect(a.guiding).toEqual(['国家发展改革委', '国管局']);
  });

  it('several attributions inside one paragraph, mid-paragraph as well as at the end', () => {
    const text =
      '一、主要任务\n（一）加强管理。推行绿色设计。（工业和信息化部、商务部指导）落实生产者责任延伸制。' +
      '（国家发展改革委指导）完善标准。(市场监管总局负责)\n';
    const m = parsePolicy(text).measures[0];
    expect(m.attributions.map((a) => [a.raw, a.span[0]])).toEqual([
      ['（工业和信息化部、商务部指导）', text.indexOf('（工业和信息化部')],
      ['（国家发展改革委指导）', text.indexOf('（国家发展改革委')],
      ['(市场监管总局负责)', text.indexOf('(市场监管总局')],
    ]);
    expect(m.attributions.map((a) => [...a.guiding, ...a.shared])).toEqual([
      ['工业和信息化部', '商务部'],
      ['国家发展改革委'],
      ['市场监管总局'],
    ]);
  });

  it('flags a list with no role word as ambiguous', () => {
    const r = one('（责任单位：市民政局；市教委）');
    expect(r.warnings.map((w) => w.code)).toContain('AMBIGUOUS_ROLE');
  });

  it('reads a docNumber in header position', () => {
    const r = one('（市民政局负责）', '某市人民政府关于加强某项工作的意见\n某政发〔2024〕7号\n各区人民政府：\n');
    expect(r.docNumber).toBe('某政发〔2024〕7号');
    expect(r.title).toBe('某市人民政府关于加强某项工作的意见');
    expect(r.issuer).toBe('某市人民政府');
  });

  it('finds the coordinator in the closing text', () => {
    const doc = (closing: string) =>
      parsePolicy(`一、总体要求\n（一）做好某项工作。（市民政局负责）\n${closing}\n`).coordinator;
    expect(doc('市卫生健康委要强化牵头，各有关部门要抓好落实。')).toBe('市卫生健康委');
    expect(doc('由市发展改革委牵头统筹推进。')).toBe('市发展改革委');
    expect(doc('各省要建立省级政府办公厅牵头、省级有关部门参与的工作机制。')).toBeNull();
  });
});
