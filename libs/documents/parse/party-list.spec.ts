import { parsePolicy } from './parse-policy';
import type { ParseResult } from './parse-result.types';
import { isGenericParty, splitParties } from './party-list';

const one = (body: string): ParseResult => parsePolicy(`一、总体要求\n（一）做好某项工作。${body}\n`);
const raws = (r: ParseResult): string[] => r.measures.flatMap((m) => m.attributions.map((a) => a.raw));

describe('party lists', () => {
  it('split on 、 and ，', () => {
    expect(splitParties('市民政局、市教委，市财政局')).toEqual({
      parties: ['市民政局', '市教委', '市财政局'],
      openList: false,
      aliases: {},
    });
  });

  it('keep collectives such as 各区、县级市 whole', () => {
    expect(splitParties('各区、县级市人民政府、市财政局').parties).toEqual(['各区、县级市人民政府', '市财政局']);
    expect(splitParties('各省、自治区、直辖市人民政府，市教委').parties).toEqual([
      '各省、自治区、直辖市人民政府',
      '市教委',
    ]);
    expect(one('（市住房城乡建设局、各区、县级市人民政府按职责分工负责）').measures[0].attributions[0].shared).toEqual([
      '市住房城乡建设局',
      '各区、县级市人民政府',
    ]);
  });

  it('X等有关部门 gives X and the generic 有关部门, flagged open and generic', () => {
    expect(splitParties('人力资源社会保障部等有关部门和单位')).toEqual({
      parties: ['人力资源社会保障部', '有关部门和单位'],
      openList: true,
      aliases: {},
    });
    const r = one('（海关总署、商务部等有关部门负责）');
    expect(r.measures[0].attributions[0].shared).toEqual(['海关总署', '商务部', '有关部门']);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['GENERIC_PARTY', 'OPEN_LIST']);
  });

  it('drop a bare trailing 等 (and flag the list as open), but keep 中等职业学校', () => {
    const r = one('（工业和信息化部、发展改革委、科技部等负责）');
    expect(r.measures[0].attributions[0].shared).toEqual(['工业和信息化部', '发展改革委', '科技部']);
    expect(r.warnings.map((w) => w.code)).toEqual(['OPEN_LIST']);
    expect(splitParties('中等职业学校')).toEqual({ parties: ['中等职业学校'], openList: false, aliases: {} });
  });

  it('know generic parties', () => {
    for (const p of ['有关部门', '各有关单位', '相关部门', '有关部门和单位', '各部门'])
      expect(isGenericParty(p)).toBe(true);
    for (const p of ['市民政局', '各区人民政府', '有关局']) expect(isGenericParty(p)).toBe(false);
  });
});

describe('not attributions', () => {
  it('（以下简称…）, （以下统称…）, （含…）', () => {
    const r = one('完善低保（以下简称低保）和四镇（以下统称“四镇”）制度，各类院校（含技工院校）参与。（市民政局负责）');
    expect(raws(r)).toEqual(['（市民政局负责）']);
  });

  it('（此件公开发布） after the signature', () => {
    const r = parsePolicy(
      '一、总体要求\n（一）做好某项工作。（市民政局负责）\n国务院\n2018年11月16日\n（此件公开发布）\n',
    );
    expect(raws(r)).toEqual(['（市民政局负责）']);
    expect(r.measures[0].text).toBe('（一）做好某项工作。（市民政局负责）');
  });

  it('regional qualifiers 市（地、州、盟）, 省（区、市）, 中国（上海）', () => {
    const r = parsePolicy(
      '一、对成效明显的市（地、州、盟）、县（市、区、旗）和省（区、市）给予支持。（商务部负责）\n' +
        '二、推广中国（上海）自由贸易试验区经验。\n',
    );
    expect(raws(r)).toEqual(['（商务部负责）']);
    expect(r.measures[1].title).toBe('推广中国（上海）自由贸易试验区经验');
    expect(r.measures[1].attributions).toEqual([]);
  });

  it('a body parenthetical that mentions an agency without assigning it work', () => {
    const r = one(
      '实行“直通车”机制（企业直接向国家发展改革委申报，不需省级发展改革部门转报），鼓励投资。' +
        '办理备案。（企业直接向国家发展改革委申报，由省级部门负责转报）（国家发展改革委负责）',
    );
    expect(raws(r)).toEqual(['（国家发展改革委负责）']);
  });

  it('body text that uses 牵头 / 负责 / 会同 without being an attribution', () => {
    const r = one(
      '建立由农业农村部、工业和信息化部牵头的协调推进机制。临港地区管委会负责统筹推进规划编制，' +
        '管委会会同国资主管部门进行考核。（农业农村部、工业和信息化部牵头负责）',
    );
    expect(r.measures[0].attributions.map((a) => [a.raw, a.lead])).toEqual([
      ['（农业农村部、工业和信息化部牵头负责）', ['农业农村部', '工业和信息化部']],
    ]);
    expect(one('临港地区管委会负责统筹推进规划编制。').measures[0].attributions).toEqual([]);
  });
});

describe('warnings', () => {
  it('each carries a code, the measure and a Chinese message', () => {
    const r = parsePolicy(
      [
        '一、任务',
        '（一）没有责任单位的措施。',
        '（二）泛指。（各有关单位负责）',
        '（三）开放名单。（市民政局等负责）',
        '（四）未写职责。（责任单位：市民政局；市教委）',
      ].join('\n'),
    );
    expect(r.warnings.map((w) => [w.measure, w.code])).toEqual([
      ['（一）', 'MISSING_ATTRIBUTION'],
      ['（二）', 'GENERIC_PARTY'],
      ['（三）', 'OPEN_LIST'],
      ['（四）', 'AMBIGUOUS_ROLE'],
    ]);
    expect(r.warnings.every((w) => /[\u4e00-\u9fff]/.test(w.message))).toBe(true);
  });

  it('UNKNOWN_AGENCY only when isKnownAgency is given, never for generic parties', () => {
    const text =
      '一、任务\n（一）做。（市民政局、市妖怪局、有关部门按职责分工负责；以下工作均需各区人民政府配合，不再单独列出）\n' +
      '（二）做。（市妖怪局负责）\n';
    expect(parsePolicy(text).warnings.map((w) => w.code)).toEqual(['GENERIC_PARTY']);
    const known = new Set(['市民政局']);
    const r = parsePolicy(text, { isKnownAgency: (name) => known.has(name) });
    expect(r.warnings.filter((w) => w.code === 'UNKNOWN_AGENCY').map((w) => [w.measure, w.message])).toEqual([
      ['（一）', '（一） 的责任单位“市妖怪局”不在单位名录中'],
      ['（一）', '（一） 的责任单位“各区人民政府”不在单位名录中'],
      ['（二）', '（二） 的责任单位“市妖怪局”不在单位名录中'],
    ]);
  });
});
