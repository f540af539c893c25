import { parsePolicy } from './parse-policy';
import type { ParseResult } from './parse-result.types';

/** Every span slices back to the text it claims. */
function expectSpansExact(input: string, result: ParseResult): void {
  for (const m of result.measures) {
    expect(input.slice(m.span[0], m.span[1])).toBe(m.text);
    for (const a of m.attributions) expect(input.slice(a.span[0], a.span[1])).toBe(a.raw);
  }
}

const shape = (r: ParseResult) =>
  r.measures.map((m) => ({ number: m.number, section: m.section, title: m.title, shared: m.attributions[0]?.shared }));

describe('document structures', () => {
  it('一、 sections with （一） measures, numbering running on across sections', () => {
    const text = [
      '某市人民政府关于加强某项工作的意见',
      '一、夯实基础',
      '（一）建立台账。摸清底数。（市民政局负责）',
      '（二）完善制度。（市财政局负责）',
      '二、强化保障',
      '（三）加强宣传。（市委宣传部负责）',
    ].join('\n');
    const r = parsePolicy(text);
    expect(shape(r)).toEqual([
      { number: '（一）', section: '一、夯实基础', title: '建立台账', shared: ['市民政局'] },
      { number: '（二）', section: '一、夯实基础', title: '完善制度', shared: ['市财政局'] },
      { number: '（三）', section: '二、强化保障', title: '加强宣传', shared: ['市委宣传部'] },
    ]);
    expectSpansExact(text, r);
  });

  it('Arabic 1. items under （一） group headings, numbered on across groups', () => {
    const text = [
      '一、主要任务',
      '（一）打造加工中心。',
      '1.拓展市场。推广试点。（税务总局负责）',
      '2.释放产能。（海关总署负责）',
      '（二）打造研发中心。',
      '3.促进研发。（科技部负责）',
    ].join('\n');
    const r = parsePolicy(text);
    expect(shape(r)).toEqual([
      { number: '1.', section: '（一）打造加工中心。', title: '拓展市场', shared: ['税务总局'] },
      { number: '2.', section: '（一）打造加工中心。', title: '释放产能', shared: ['海关总署'] },
      { number: '3.', section: '（二）打造研发中心。', title: '促进研发', shared: ['科技部'] },
    ]);
  });

  it('flat 一、…三十、 measures without sections', () => {
    const lines = ['某某办公厅关于加大激励支持力度的通知'];
    const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    const cn = (n: number): string => (n <= 10 ? d[n] : `${n < 20 ? '' : d[Math.floor(n / 10)]}十${d[n % 10]}`);
    for (const n of Array.from({ length: 30 }, (_, i) => cn(i + 1)))
      lines.push(`${n}、对成效明显的省（区、市）给予支持。（财政部负责）`);
    const r = parsePolicy(lines.join('\n'));
    expect(r.measures).toHaveLength(30);
    expect(r.measures[29].number).toBe('三十、');
    expect(r.measures.every((m) => m.section === null && m.attributions[0].shared[0] === '财政部')).toBe(true);
  });

  it('reads a title split over two lines and the document number under it', () => {
    const r = parsePolicy(
      [
        '国务院关于做好当前和今后一个时期',
        '促进就业工作的若干意见',
        '国发〔2018〕39号',
        '各省、自治区、直辖市人民政府：',
        '一、支持企业',
        '（一）加大稳岗支持力度。（人力资源社会保障部负责）',
        '国务院',
        '2018年11月16日',
      ].join('\n'),
    );
    expect(r.title).toBe('国务院关于做好当前和今后一个时期促进就业工作的若干意见');
    expect(r.docNumber).toBe('国发〔2018〕39号');
    expect(r.issuer).toBe('国务院');
    expect(r.issuedOn).toBe('2018-11-16');
    expect(r.measures[0].text.endsWith('（人力资源社会保障部负责）')).toBe(true);
  });

  it('reads a whole document pasted onto one line (paragraphs separated by spaces)', () => {
    const text =
      '某市人民政府关于加强某项工作的意见 某政发〔2024〕7号 各区人民政府： 一、夯实基础 （一）建立台账。（市民政局负责） ' +
      '（二）完善制度。（市财政局、市民政局按职责分工负责） 二、强化保障 （三）加强宣传。（市委宣传部负责） 某市人民政府 2024年3月1日';
    const r = parsePolicy(text);
    expect(r.title).toBe('某市人民政府关于加强某项工作的意见');
    expect(r.docNumber).toBe('某政发〔2024〕7号');
    expect(r.issuedOn).toBe('2024-03-01');
    expect(shape(r)).toEqual([
      { number: '（一）', section: '一、夯实基础', title: '建立台账', shared: ['市民政局'] },
      { number: '（二）', section: '一、夯实基础', title: '完善制度', shared: ['市财政局', '市民政局'] },
      { number: '（三）', section: '二、强化保障', title: '加强宣传', shared: ['市委宣传部'] },
    ]);
    expect(r.measures[2].text).toBe('（三）加强宣传。（市委宣传部负责）');
    expectSpansExact(text, r);
  });

  it('reads a one-line document with no separators at all, cutting only at numbering in sequence', () => {
    const text =
      '为此提出以下意见：一、夯实基础（一）统一、规范台账。（市民政局负责）（二）完善制度。（市财政局负责）' +
      '二、强化保障（三）加强宣传。（市委宣传部负责）';
    const r = parsePolicy(text);
    expect(shape(r)).toEqual([
      { number: '（一）', section: '一、夯实基础', title: '统一、规范台账', shared: ['市民政局'] },
      { number: '（二）', section: '一、夯实基础', title: '完善制度', shared: ['市财政局'] },
      { number: '（三）', section: '二、强化保障', title: '加强宣传', shared: ['市委宣传部'] },
    ]);
    expectSpansExact(text, r);
  });

  it('lists measures of a document with no attributions at all, each flagged', () => {
    const r = parsePolicy('一、改革\n（一）简政放权。下放审批事项。\n（二）完善体制。明确职责。\n');
    expect(r.measures.map((m) => [m.number, m.attributions])).toEqual([
      ['（一）', []],
      ['（二）', []],
    ]);
    expect(r.warnings).toEqual([
      { measure: '（一）', code: 'MISSING_ATTRIBUTION', message: '（一） 未写明责任单位' },
      { measure: '（二）', code: 'MISSING_ATTRIBUTION', message: '（二） 未写明责任单位' },
    ]);
  });

  it('returns measures: [] for a text without numbered items', () => {
    const r = parsePolicy('各区人民政府：\n现将有关事项通知如下，请认真贯彻执行。\n');
    expect(r.measures).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});
