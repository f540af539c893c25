import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePolicy, partiesOf } from './parse-policy';
import type { ParsedMeasure, ParseResult } from './parse-result.types';
import { splitParties } from './party-list';

const SHARED = path.resolve(__dirname, '../../../../shared');
const read = (rel: string): string => readFileSync(path.join(SHARED, rel), 'utf8');

/** Every span slices back to the text it claims, measure and attribution alike. */
function expectSpansExact(input: string, result: ParseResult): void {
  for (const m of result.measures) {
    expect(input.slice(m.span[0], m.span[1])).toBe(m.text);
    for (const a of m.attributions) expect(input.slice(a.span[0], a.span[1])).toBe(a.raw);
  }
}

function byNumber(result: ParseResult, number: string, nth = 0): ParsedMeasure {
  const found = result.measures.filter((m) => m.number === number)[nth];
  if (!found) throw new Error(`no measure ${number}`);
  return found;
}

describe('parsePolicy on the seed (津 2026 困境儿童福利保障实施意见)', () => {
  const input = read('seed/tianjin-2026-difficult-children-welfare.txt');
  const result = parsePolicy(input);

  it('reads the document fields', () => {
    expect(result.title).toBe('天津市人民政府办公厅关于进一步加强困境儿童福利保障工作的实施意见');
    expect(result.issuer).toBe('天津市人民政府办公厅');
    expect(result.issuedOn).toBe('2026-01-30');
    // 国办发〔2025〕18号 and 津政办发〔2017〕19号 are cited documents, not this one's number.
    expect(result.docNumber).toBeNull();
    expect(result.coordinator).toBe('市民政局');
  });

  it('finds the document-wide district cooperation convention in （一） and nothing else', () => {
    expect(result.conventions).toEqual([
      {
        kind: 'documentWideCooperating',
        parties: ['各区人民政府'],
        fromMeasure: '（一）',
        text: '以下工作均需各区人民政府配合，不再单独列出',
      },
    ]);
  });

  const numbers = [
    '一',
    '二',
    '三',
    '四',
    '五',
    '六',
    '七',
    '八',
    '九',
    '十',
    '十一',
    '十二',
    '十三',
    '十四',
    '十五',
    '十六',
    '十七',
    '十八',
    '十九',
    '二十',
    '二十一',
  ].map((n) => `（${n}）`);

  it('finds the 21 measures in order', () => {
    expect(result.measures.map((m) => m.number)).toEqual(numbers);
  });

  it('gives every measure its section heading', () => {
    const sections: [string, string[]][] = [
      ['一、夯实基本生活保障体系', ['（一）', '（二）', '（三）']],
      ['二、优化医疗康复服务体系', ['（四）', '（五）', '（六）']],
      ['三、完善基本公共教育服务体系', ['（七）', '（八）', '（九）']],
      ['四、构建心理健康关爱服务体系', ['（十）', '（十一）', '（十二）']],
      ['五、筑牢人身安全保护体系', ['（十三）', '（十四）', '（十五）']],
      ['六、健全法定监护责任体系', ['（十六）', '（十七）', '（十八）']],
      ['七、强化要素保障支撑', ['（十九）', '（二十）', '（二十一）']],
    ];
    const expected = sections.flatMap(([section, ns]) => ns.map((number) => ({ number, section })));
    expect(result.measures.map(({ number, section }) => ({ number, section }))).toEqual(expected);
  });

  it('takes the first sentence as the title', () => {
    expect(result.measures[0].title).toBe('筑牢基本生活保障底线');
    expect(byNumber(result, '（七）').title).toBe('推进基本公共教育服务均衡发展');
    expect(byNumber(result, '（十三）').title).toBe('严厉打击侵害困境儿童权益行为');
    expect(byNumber(result, '（二十一）').title).toBe('引导社会力量积极参与');
  });

  it('keeps full measure text, ending at the attribution (the closing paragraph is not part of （二十一）)', () => {
    const first = result.measures[0];
    expect(first.text.startsWith('（一）筑牢基本生活保障底线。完善孤儿')).toBe(true);
    expect(first.text.endsWith('不再单独列出）')).toBe(true);
    const last = result.measures[20];
    expect(
      last.text.endsWith(
        '（团市委、市残联、市妇联、市民政局、市高级人民法院、市人民检察院、市公安局、市教委按职责分工负责）',
      ),
    ).toBe(true);
    expect(last.text).not.toContain('各区人民政府要将');
    expectSpansExact(input, result);
  });

  // Read off the text by hand: one attribution per measure, all 按职责分工负责 / 负责, so all shared.
  const expectedShared: Record<string, string[]> = {
    '（一）': ['市民政局', '各区人民政府'],
    '（二）': ['市民政局'],
    '（三）': ['市民政局', '市教委', '团市委', '市残联', '市住房城乡建设委'],
    '（四）': ['市医保局', '市民政局', '天津金融监管局'],
    '（五）': ['市民政局', '市医保局'],
    '（六）': ['市残联', '市卫生健康委', '市民政局'],
    '（七）': ['市教委', '市卫生健康委'],
    '（八）': ['市教委', '市残联', '市民政局', '市人社局'],
    '（九）': ['市教委', '市人社局', '市民政局'],
    '（十）': ['市教委', '市卫生健康委', '市民政局'],
    '（十一）': ['市民政局', '市教委'],
    '（十二）': ['市民政局', '市教委', '市卫生健康委', '团市委', '市妇联'],
    '（十三）': [
      '市公安局',
      '市高级人民法院',
      '市人民检察院',
      '市妇联',
      '市教委',
      '市市场监管委',
      '市人社局',
      '市文化和旅游局',
      '市民政局',
      '市司法局',
      '市卫生健康委',
      '团市委',
    ],
    '（十四）': [
      '市民政局',
      '市高级人民法院',
      '市人民检察院',
      '市公安局',
      '市司法局',
      '市教委',
      '市卫生健康委',
      '团市委',
      '市妇联',
    ],
    '（十五）': [
      '市教委',
      '市人社局',
      '市人民检察院',
      '市高级人民法院',
      '市公安局',
      '市司法局',
      '市委网信办',
      '市民政局',
      '团市委',
      '市妇联',
    ],
    '（十六）': ['市民政局', '市妇联', '市教委', '市公安局', '市人民检察院'],
    '（十七）': ['市民政局', '市应急管理局', '市卫生健康委', '市公安局', '市教委', '市人社局', '市住房城乡建设委'],
    '（十八）': ['市民政局'],
    '（十九）': [
      '市发展改革委',
      '市教委',
      '市卫生健康委',
      '市民政局',
      '市人社局',
      '市残联',
      '市妇联',
      '市财政局',
      '市住房城乡建设委',
      '市妇儿工委办',
    ],
    '（二十）': [
      '市民政局',
      '市数据局',
      '市高级人民法院',
      '市人民检察院',
      '市教委',
      '市公安局',
      '市司法局',
      '市卫生健康委',
      '市疾控局',
      '市残联',
      '市委网信办',
    ],
    '（二十一）': ['团市委', '市残联', '市妇联', '市民政局', '市高级人民法院', '市人民检察院', '市公安局', '市教委'],
  };

  it.each(numbers)('reads the attribution of %s', (number) => {
    const m = byNumber(result, number);
    expect(m.attributions).toHaveLength(1);
    const [a] = m.attributions;
    expect(a.raw.startsWith('（')).toBe(true);
    expect(a.raw.endsWith('）')).toBe(true);
    expect(m.text.endsWith(a.raw)).toBe(true);
    expect({
      lead: a.lead,
      shared: a.shared,
      cooperating: a.cooperating,
      guiding: a.guiding,
      roleSource: a.roleSource,
    }).toEqual({
      lead: [],
      shared: expectedShared[number],
      cooperating: [],
      guiding: [],
      roleSource: 'explicit',
    });
  });

  it('adds 各区人民政府 as implied cooperation to （二）–（二十一） only', () => {
    expect(result.measures[0].impliedCooperating).toEqual([]);
    for (const m of result.measures.slice(1)) expect(m.impliedCooperating).toEqual(['各区人民政府']);
  });

  it('does not take （以下简称低保）, （以下简称居民医保） or （含…） for attributions', () => {
    const first = result.measures[0];
    expect(first.text).toContain('（以下简称低保）');
    expect(first.attributions.map((a) => a.raw)).toEqual([
      '（市民政局、各区人民政府按职责分工负责；以下工作均需各区人民政府配合，不再单独列出）',
    ]);
    const all = result.measures.flatMap((m) => m.attributions.map((a) => a.raw));
    expect(all.some((r) => r.includes('以下简称') || r.startsWith('（含'))).toBe(false);
  });

  it('yields 108 agency assignments, excluding implied district cooperation', () => {
    const total = result.measures.reduce((n, m) => n + partiesOf(m).filter((p) => p.role !== 'implied').length, 0);
    expect(total).toBe(108);
    // The hand-made table agrees.
    expect(Object.values(expectedShared).reduce((n, list) => n + list.length, 0)).toBe(108);
  });

  it('lists each party of a measure once with its strongest role', () => {
    expect(partiesOf(result.measures[0])).toEqual([
      { party: '市民政局', role: 'shared' },
      { party: '各区人民政府', role: 'shared' },
    ]);
    expect(partiesOf(result.measures[1])).toEqual([
      { party: '市民政局', role: 'shared' },
      { party: '各区人民政府', role: 'implied' },
    ]);
  });

  it('raises no warnings', () => {
    expect(result.warnings).toEqual([]);
  });

  it('gives the same parse for Windows line endings', () => {
    const crlf = input.replace(/\n/g, '\r\n');
    const r = parsePolicy(crlf);
    expectSpansExact(crlf, r);
    const strip = (x: ParseResult) =>
      x.measures.map((m) => ({
        ...m,
        span: null,
        text: null,
        attributions: m.attributions.map((a) => ({ ...a, span: null })),
      }));
    expect(strip(r)).toEqual(strip(result));
    expect({ ...r, measures: null }).toEqual({ ...result, measures: null });
  });
});

describe('parsePolicy on the corpus', () => {
  it('国办发〔2018〕117号: flat 一、…三十、 measures, 会同…负责', () => {
    const input = read('corpus/guobanfa-2018-117-zhenzhua-shigan-jili.txt');
    const r = parsePolicy(input);
    expect(r.docNumber).toBe('国办发〔2018〕117号');
    expect(r.issuedOn).toBe('2018-12-06');
    expect(r.measures).toHaveLength(30);
    expect(r.measures[0].number).toBe('一、');
    expect(r.measures[29].number).toBe('三十、');
    expect(r.measures.every((m) => m.section === null)).toBe(true);
    const m16 = byNumber(r, '十六、').attributions[0];
    expect([m16.lead, m16.cooperating]).toEqual([['国家发展改革委'], ['有关部门']]);
    expect(byNumber(r, '十八、').attributions[0].lead).toEqual(['国家发展改革委', '财政部']);
    expect(byNumber(r, '八、').attributions[0].shared).toEqual(['人民银行', '银保监会', '证监会']);
    expect(r.warnings.filter((w) => w.code === 'GENERIC_PARTY').map((w) => w.measure)).toEqual([
      '十六、',
      '十七、',
      '十八、',
      '二十、',
    ]);
    // The closing paragraphs after 三十、 are not part of it.
    expect(r.measures[29].text.endsWith('（国务院办公厅负责）')).toBe(true);
    expectSpansExact(input, r);
  });

  it('国发〔2018〕39号: 列第一位者为牵头单位，下同 and X等有关部门和单位', () => {
    const input = read('corpus/guofa-2018-39-cujin-jiuye.txt');
    const r = parsePolicy(input);
    expect(r.measures).toHaveLength(15);
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '（一）', text: '列第一位者为牵头单位，下同' },
    ]);
    const a1 = byNumber(r, '（一）').attributions[0];
    expect([a1.lead, a1.cooperating, a1.roleSource]).toEqual([
      ['人力资源社会保障部'],
      ['财政部'],
      'documentConvention',
    ]);
    const a4 = byNumber(r, '（四）').attributions[0];
    expect(a4.lead).toEqual(['人力资源社会保障部']);
    expect(a4.cooperating).toEqual(['科技部', '财政部', '住房城乡建设部', '市场监管总局', '各省级人民政府']);
    const a7 = byNumber(r, '（七）').attributions[0];
    expect([a7.lead, a7.cooperating]).toEqual([['人力资源社会保障部'], ['财政部', '教育部', '有关部门和单位']]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ measure: '（七）', code: 'OPEN_LIST' }));
    expect(r.warnings).toContainEqual(expect.objectContaining({ measure: '（七）', code: 'GENERIC_PARTY' }));
    expect(r.measures[14].text).not.toContain('从工业企业结构调整专项奖补资金');
    expectSpansExact(input, r);
  });

  it('国发〔2018〕42号: convention stated in （三）, 等负责, 牵头负责', () => {
    const r = parsePolicy(read('corpus/guofa-2018-42-nongye-jixiehua.txt'));
    expect(r.measures).toHaveLength(20);
    expect(r.conventions[0]).toEqual({
      kind: 'firstListedLeads',
      fromMeasure: '（三）',
      text: '列第一位者为牵头单位，下同',
    });
    expect(r.warnings.filter((w) => w.code === 'MISSING_ATTRIBUTION').map((w) => w.measure)).toEqual([
      '（一）',
      '（二）',
    ]);
    const a3 = byNumber(r, '（三）').attributions[0];
    expect([a3.lead, a3.cooperating]).toEqual([['工业和信息化部'], ['发展改革委', '科技部', '农业农村部']]);
    const a18 = byNumber(r, '（十八）').attributions[0];
    expect([a18.lead, a18.roleSource]).toEqual([['农业农村部', '工业和信息化部'], 'explicit']);
  });

  it('国发〔2019〕3号: Arabic 1.–21. items under （一） sub-headings, 排在第一位的部门为牵头部门', () => {
    const r = parsePolicy(read('corpus/guofa-2019-3-zonghe-baoshuiqu.txt'));
    const arabic = r.measures.filter((m) => /^\d+\.$/.test(m.number));
    expect(arabic.map((m) => m.number)).toEqual(Array.from({ length: 21 }, (_, i) => `${i + 1}.`));
    expect(arabic[0].section).toBe('（一）统筹两个市场，打造加工制造中心。');
    expect(arabic[0].title).toBe('拓展两个市场');
    expect(r.conventions).toEqual([
      { kind: 'firstListedLeads', fromMeasure: '1.', text: '排在第一位的部门为牵头部门，下同' },
    ]);
    expect(arabic[0].attributions[0].lead).toEqual(['税务总局']);
    expect(arabic[5].attributions[0].cooperating).toEqual(['商务部', '有关部门']);
    expect(r.coordinator).toBe('海关总署');
  });

  it('国办发〔2018〕128号: several attributions per measure, 牵头/参与/指导, half-width brackets', () => {
    const input = read('corpus/guobanfa-2018-128-wufei-chengshi.txt');
    const r = parsePolicy(input);
    expect(r.title).toBe('国务院办公厅关于印发“无废城市”建设试点工作方案的通知');
    expect(r.issuedOn).toBe('2018-12-29');
    expect(r.measures).toHaveLength(19);
    const tasks = r.measures.filter((m) => m.section === '二、主要任务');
    expect(tasks).toHaveLength(6);
    const first = tasks[0].attributions;
    expect(first).toHaveLength(4);
    expect([first[0].lead, first[0].cooperating]).toEqual([
      ['生态环境部'],
      ['国家发展改革委', '工业和信息化部', '住房城乡建设部', '农业农村部', '国家统计局'],
    ]);
    expect([first[1].guiding, first[1].shared]).toEqual([['生态环境部'], ['试点城市政府']]);
    expect(r.conventions).toContainEqual(
      expect.objectContaining({ kind: 'documentWideCooperating', parties: ['试点城市政府'] }),
    );
    expect(tasks[1].impliedCooperating).toEqual(['试点城市政府']);
    const halfWidth = tasks[5].attributions.find((a) => a.raw.startsWith('('));
    expect(halfWidth?.guiding).toEqual([
      '国家发展改革委',
      '工业和信息化部',
      '住房城乡建设部',
      '市场监管总局',
      '国管局',
    ]);
    const mixed = tasks[5].attributions.find((a) => a.raw === '（商务部指导，供销合作总社参与）');
    expect([mixed?.guiding, mixed?.cooperating]).toEqual([['商务部'], ['供销合作总社']]);
    expectSpansExact(input, r);
  });

  it('上海临港“双特”: measures without any attribution are kept and flagged', () => {
    const r = parsePolicy(read('corpus/shanghai-lingang-shuangte-no-attribution.txt'));
    expect(r.measures).toHaveLength(17);
    expect(r.measures.every((m) => m.attributions.length === 0)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'MISSING_ATTRIBUTION')).toHaveLength(17);
    expect(r.title).toBeNull();
  });
});

describe('attribution styles', () => {
  const one = (attribution: string, prefix = ''): ParseResult =>
    parsePolicy(`${prefix}一、总体要求\n（一）做好某项工作。具体内容。${attribution}\n`);
  const attr = (attribution: string) => one(attribution).measures[0].attributions[0];

  it('牵头单位：A，配合单位：B、C', () => {
    const a = attr('（牵头单位：市发展改革委，配合单位：市财政局、市商务局）');
    expect([a.lead, a.cooperating, a.shared]).toEqual([['市发展改革委'], ['市财政局', '市商务局'], []]);
  });

  it('A牵头，B、C配合', () => {
    const a = attr('（市民政局牵头，市教委、市财政局配合）');
    expect([a.lead, a.cooperating]).toEqual([['市民政局'], ['市教委', '市财政局']]);
  });

  it('责任单位：A、B。 without brackets', () => {
    const r = one('责任单位：市民政局、市教委。');
    const a = r.measures[0].attributions[0];
    expect(a.raw).toBe('责任单位：市民政局、市教委');
    expect(a.shared).toEqual(['市民政局', '市教委']);
  });

  it('keeps 各区、县级市 whole and drops a bare trailing 等', () => {
    const a = attr('（市住房城乡建设局、各区、县级市人民政府、市财政局等按职责分工负责）');
    expect(a.shared).toEqual(['市住房城乡建设局', '各区、县级市人民政府', '市财政局']);
    const r = one('（市住房城乡建设局、各区、县级市人民政府、市财政局等按职责分工负责）');
    expect(r.warnings.map((w) => w.code)).toEqual(['OPEN_LIST']);
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

  it('splits party lists', () => {
    expect(splitParties('人力资源社会保障部等有关部门和单位')).toEqual({
      parties: ['人力资源社会保障部', '有关部门和单位'],
      openList: true,
    });
    expect(splitParties('各省、自治区、直辖市人民政府，市教委')).toEqual({
      parties: ['各省、自治区、直辖市人民政府', '市教委'],
      openList: false,
    });
    expect(splitParties('中等职业学校')).toEqual({ parties: ['中等职业学校'], openList: false });
  });
});

describe('parsePolicy robustness', () => {
  it('returns an empty result for text without measures', () => {
    for (const text of ['', '\n\n', '这是一段没有编号的文字。']) {
      const r = parsePolicy(text);
      expect(r.measures).toEqual([]);
      expect(r.conventions).toEqual([]);
    }
  });

  it('never throws on random strings', () => {
    // Small seeded PRNG (mulberry32) so failures reproduce.
    let seed = 20260130;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Biased towards the characters the parser reacts to.
    const alphabet = [
      ...'（）()一二十、。；，：:1.．\n\r 　等负责牵头配合参与指导会同单位市局委以下均需下同列第一位者为牵头单位各区县年月日〔〕号关于意见',
    ];
    const seedText = read('seed/tianjin-2026-difficult-children-welfare.txt');
    for (let round = 0; round < 500; round += 1) {
      const length = Math.floor(random() * 400);
      let text = '';
      for (let i = 0; i < length; i += 1) {
        text +=
          random() < 0.9
            ? alphabet[Math.floor(random() * alphabet.length)]
            : String.fromCharCode(Math.floor(random() * 0xffff));
      }
      if (round % 5 === 0) {
        // Splice a slice of the real document in, to reach deeper paths.
        const at = Math.floor(random() * seedText.length);
        text = seedText.slice(at, at + Math.floor(random() * 800)) + text;
      }
      const r = parsePolicy(text);
      expectSpansExact(text, r);
    }
  });

  it('stays fast on hostile input', () => {
    const started = Date.now();
    parsePolicy(`（一）标题。${'（'.repeat(50000)}${'（A负责）'.repeat(5000)}`);
    parsePolicy('一、'.repeat(20000));
    parsePolicy(`一、标题\n${'（一）做。（市民政局负责）\n（\n'.repeat(20000)}`);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
