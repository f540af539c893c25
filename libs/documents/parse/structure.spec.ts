import fc from 'fast-check';
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

describe('an item number written against a figure (7.5G…, 8.2026年…)', () => {
  const items = (r: ParseResult) => r.measures.map((m) => [m.number, m.title]);
  const plan = (lines: string[]): string => ['一、重点任务', ...lines].join('\n');

  it('is an item where the sequence expects it', () => {
    const text = plan([
      '6.推进千兆光网覆盖。（市通信管理局负责）',
      '7.5G基站建设提速。新建基站一批。（市通信管理局负责）',
      '8.2026年底前完成老旧小区改造。（市住房城乡建设委负责）',
    ]);
    const r = parsePolicy(text);
    expect(items(r)).toEqual([
      ['6.', '推进千兆光网覆盖'],
      ['7.', '5G基站建设提速'],
      ['8.', '2026年底前完成老旧小区改造'],
    ]);
    expect(r.measures.map((m) => m.attributions[0].shared)).toEqual([
      ['市通信管理局'],
      ['市通信管理局'],
      ['市住房城乡建设委'],
    ]);
    expectSpansExact(text, r);
  });

  it('with 、, a full-width dot, full-width digits, and （7） which never was ambiguous', () => {
    expect(
      items(parsePolicy(plan(['6、做好甲。（市民政局负责）', '7、5G应用推广。（市工业和信息化局负责）']))),
    ).toEqual([
      ['6、', '做好甲'],
      ['7、', '5G应用推广'],
    ]);
    expect(items(parsePolicy(plan(['6．做好甲。（市民政局负责）', '7．2027年前建成平台。（市数据局负责）'])))).toEqual([
      ['6．', '做好甲'],
      ['7．', '2027年前建成平台'],
    ]);
    expect(items(parsePolicy(plan(['６．做好甲。（市民政局负责）', '７．5G专网建设。（市通信管理局负责）'])))).toEqual([
      ['６．', '做好甲'],
      ['７．', '5G专网建设'],
    ]);
    expect(
      items(
        parsePolicy(
          [
            '一、重点任务',
            '（一）做好甲。',
            '（6）做好乙。（市民政局负责）',
            '（7）5G赋能。（市工业和信息化局负责）',
          ].join('\n'),
        ),
      ),
    ).toEqual([
      ['（6）', '做好乙'],
      ['（7）', '5G赋能'],
    ]);
  });

  it('Chinese numberings were never ambiguous: 七、5G…, （七）2026年…', () => {
    const r = parsePolicy(['六、做好甲。（市民政局负责）', '七、5G网络全覆盖。（市通信管理局负责）'].join('\n'));
    expect(items(r)).toEqual([
      ['六、', '做好甲'],
      ['七、', '5G网络全覆盖'],
    ]);
    const r2 = parsePolicy(
      ['一、重点任务', '（六）做好甲。（市民政局负责）', '（七）2026年起全面推行。（市数据局负责）'].join('\n'),
    );
    expect(items(r2)).toEqual([
      ['（六）', '做好甲'],
      ['（七）', '2026年起全面推行'],
    ]);
  });

  it('full-width digits number items as written', () => {
    const r = parsePolicy(
      plan(['１．做好甲。（市民政局负责）', '２．做好乙。（市教委负责）', '１０．做好丙。（市财政局负责）']),
    );
    expect(r.measures.map((m) => m.number)).toEqual(['１．', '２．', '１０．']);
  });

  it('opens a list under a heading when 2. follows it', () => {
    const r = parsePolicy(
      [
        '一、重点任务',
        '（一）加快数字基础设施建设。',
        '1.推进光网。（市通信管理局负责）',
        '（二）加快城市更新。',
        '1.2026年底前完成片区改造。（市住房城乡建设委负责）',
        '2.完善配套。（市规划资源局负责）',
        '（三）加快产业升级。',
        '1.5G全连接工厂建设。',
        '（1）先行试点。（市工业和信息化局负责）',
        '2.完善政策。（市发展改革委负责）',
      ].join('\n'),
    );
    expect(r.measures.map((m) => [m.number, m.title, m.section])).toEqual([
      ['1.', '推进光网', '（一）加快数字基础设施建设。'],
      ['1.', '2026年底前完成片区改造', '（二）加快城市更新。'],
      ['2.', '完善配套', '（二）加快城市更新。'],
      // The pending 1. had a child before its 2. came: it is the child's heading.
      ['（1）', '先行试点', '1.5G全连接工厂建设。'],
      ['2.', '完善政策', '（三）加快产业升级。'],
    ]);
  });

  it('is a figure in running text, out of sequence, or with %, 倍, 个百分点, a second dot or a space', () => {
    const text = plan([
      '6.稳定工业增长。全年增长7.5%左右。',
      '7.5%的规模以上企业完成数字化改造。（市工业和信息化局负责）',
      '1.5倍于上年的投资规模。',
      '9.2026年起施行。',
      '7.5.1 本条为示例。',
      '7.5 个别情形。',
      '7.2个百分点的提升。（市工业和信息化局负责）',
    ]);
    const r = parsePolicy(text);
    expect(items(r)).toEqual([['6.', '稳定工业增长']]);
    expect(r.measures[0].text).toContain('7.2个百分点的提升。');
  });

  it('in a document flattened onto one line, cuts where the sequence continues', () => {
    const text =
      '一、重点任务 1.推进光网。（市通信管理局负责）2.5G基站建设提速。（市通信管理局负责）' +
      '3.2026年底前完成改造，增长7.5%。（市住房城乡建设委负责）';
    const r = parsePolicy(text);
    expect(items(r)).toEqual([
      ['1.', '推进光网'],
      ['2.', '5G基站建设提速'],
      ['3.', '2026年底前完成改造，增长7.5%'],
    ]);
    expectSpansExact(text, r);
  });

  const TITLES = [
    '推进光网覆盖',
    '5G基站建设提速',
    '2026年底前完成改造',
    '3D打印产业集聚',
    '100个场景开放',
    '4K超高清推广',
  ];
  const DOTS = ['.', '．', '、'];
  const width = (n: number, full: boolean): string =>
    full ? String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(n);

  it('property: a numbered list finds every item whatever its title starts with', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TITLES), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...DOTS),
        fc.boolean(),
        fc.boolean(),
        (titles, dot, full, oneLine) => {
          const lines = titles.map((t, i) => `${width(i + 1, full)}${dot}${t}。增长7.5%。（市发展改革委负责）`);
          const text = oneLine ? `一、重点任务 ${lines.join('')}` : plan(lines);
          const r = parsePolicy(text);
          expect(items(r)).toEqual(titles.map((t, i) => [`${width(i + 1, full)}${dot}`, t]));
          expectSpansExact(text, r);
        },
      ),
      { numRuns: 300 },
    );
  });
});
