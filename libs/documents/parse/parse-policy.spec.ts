import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePolicy, partiesOf } from './parse-policy';
import type { ParsedMeasure, ParseResult } from './parse-result.types';

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
