import { parsePolicy } from './parse-policy';
import type { ParsedTimeLimit } from './parse-result.types';
import { chooseTimeLimit, maskTimeClauses, scanTimeLimits } from './time-limit';

const inText = (text: string, issuedOn: string | null = null): ParsedTimeLimit | null =>
  chooseTimeLimit(scanTimeLimits(text, 0, text.length, { issuedOn }).found);
const inCell = (text: string): ParsedTimeLimit | null =>
  chooseTimeLimit(scanTimeLimits(text, 0, text.length, { cell: true }).found);
const due = (limit: ParsedTimeLimit | null): string | null => (limit?.kind === 'date' ? limit.due : null);

describe('dates', () => {
  it.each([
    ['2026年底前完成制度建设。', '2026-12-31'],
    ['2026年年底前完成。', '2026-12-31'],
    ['2027年6月底前完成摸底。', '2027-06-30'],
    ['2026年10月1日前上线运行。', '2026-10-01'],
    ['2027年上半年，出台实施细则。', '2027-06-30'],
    ['2026年第三季度末前完成。', '2026-09-30'],
    ['2026年三季度完成评估。', '2026-09-30'],
    ['2028年2月底前报送。', '2028-02-29'],
    ['到2027年，基本建立困境儿童关爱服务体系。', '2027-12-31'],
    ['于２０２６年１２月３１日前报送。', '2026-12-31'],
    ['2026年9月，全面完成改造。', '2026-09-30'],
    ['2026年6月中旬前完成。', '2026-06-20'],
    ['2026年内完成全部改造。', '2026-12-31'],
    ['在本方案印发之日起3个月内完成。', null],
  ])('%s → %s', (text, expected) => {
    expect(due(inText(text))).toBe(expected);
  });

  it('keeps the wording and its offsets', () => {
    const text = '建立台账。2026年底前完成。';
    expect(inText(text)).toEqual({
      kind: 'date',
      due: '2026-12-31',
      raw: '2026年底前完成',
      span: [5, 14],
      source: 'text',
    });
  });

  it.each([
    ['到2025年' + '的目标写入《2026年工作要点》。'],
    ['2024年以来，累计帮扶1万人。'],
    ['自2026年1月1日起施行。'],
    ['2019年1月1日至2020年12月31日，继续实施补贴政策。'],
    ['2026年全市投入资金3亿元。'],
    ['2026年度考核结果。'],
    ['截至2025年底，全市已建成儿童之家500个。'],
  ])('no limit in %s', (text) => {
    expect(inText(text)).toBeNull();
  });

  it('reads "印发之日起30日内" from the document date, and not without one', () => {
    expect(due(inText('在本意见印发之日起30日内出台办法。', '2018-11-16'))).toBe('2018-12-16');
    const scan = scanTimeLimits('印发之日起30日内出台办法。', 0, 14, {});
    expect([scan.found, scan.unreadable.map((u) => u.raw)]).toEqual([[], ['印发之日起30日内']]);
  });

  it('takes the latest of several dates in the text', () => {
    expect(due(inText('2026年6月底前启动试点，2027年底前全面推开，2026年9月底前形成方案。'))).toBe('2027-12-31');
  });

  it('refuses an impossible date as unreadable rather than guessing', () => {
    const scan = scanTimeLimits('2026年2月30日前完成。', 0, 13, {});
    expect([scan.found, scan.unreadable.map((u) => u.raw)]).toEqual([[], ['2026年2月30日前完成']]);
  });
});

describe('recurring and ongoing limits', () => {
  it.each([
    ['每年年底前报送工作总结。', 'year', { month: 12, day: 31 }],
    ['每年2月底前报送上一年度情况。', 'year', { month: 2, day: 'end' }],
    ['每季度报送工作进展。', 'quarter', null],
    ['每季度末通报进度。', 'quarter', { month: null, day: 'end' }],
    ['每月10日前报送数据。', 'month', { month: null, day: 10 }],
    ['每半年开展一次评估。', 'half-year', null],
    ['按季度调度推进情况。', 'quarter', null],
  ])('%s', (text, every, by) => {
    expect(inText(text)).toMatchObject({ kind: 'recurring', every, by });
  });

  it('does not read a payment or a quantity per period as a limit', () => {
    expect(inText('每月给予临港津贴。')).toBeNull();
    expect(inText('每年培训5000人次。')).toBeNull();
  });

  it('reads 长期坚持 / 持续推进 as ongoing only as a clause of their own', () => {
    expect(inText('完善工作机制，长期坚持。')).toMatchObject({ kind: 'ongoing', raw: '长期坚持' });
    expect(inText('持续推进“点亮微心愿”等公益项目。')).toBeNull();
  });

  it('prefers a date to a recurring limit in the same source', () => {
    expect(inText('每季度报送进展，2026年底前全面完成。')).toMatchObject({ kind: 'date', due: '2026-12-31' });
  });
});

describe('time cells', () => {
  it.each([
    ['2026年', '2026-12-31'],
    ['2026年9月', '2026-09-30'],
    ['2026—2027年', '2027-12-31'],
    ['2026年6月底前启动，2026年底前完成', '2026-12-31'],
  ])('%s → %s', (cell, expected) => {
    expect(inCell(cell)).toMatchObject({ kind: 'date', due: expected, source: 'tableCell' });
  });

  it('reads 长期, 持续推进, 每季度 and leaves 无 / — empty without a warning', () => {
    expect(inCell('长期')).toMatchObject({ kind: 'ongoing' });
    expect(inCell('持续推进')).toMatchObject({ kind: 'ongoing' });
    expect(inCell('每季度')).toMatchObject({ kind: 'recurring', every: 'quarter' });
    for (const empty of ['无', '—', '-', ''])
      expect(scanTimeLimits(empty, 0, empty.length, { cell: true })).toEqual({ found: [], unreadable: [] });
  });

  it('reports a cell it cannot read as a whole', () => {
    expect(scanTimeLimits('按计划推进', 0, 5, { cell: true }).unreadable.map((u) => u.raw)).toEqual(['按计划推进']);
  });
});

describe('in a parsed document', () => {
  const doc = [
    '某市关于加强困境儿童保障的实施方案',
    '（一）健全工作台账。建立困境儿童信息台账。（市民政局牵头，市教委配合，2026年底前完成）',
    '（二）加强监测。2026年6月底前建立监测机制，每季度通报。（市民政局负责）',
    '（三）强化宣传。尽快制定宣传方案。（市委宣传部负责）',
    '（四）落实补贴。6月底前发放到位。（市财政局负责）',
    '（五）常态关爱。开展关爱服务。（团市委负责，长期坚持）',
  ].join('\n');
  const r = parsePolicy(doc);

  it('reads the limit inside an attribution without making it a party', () => {
    const [one] = r.measures;
    expect(one.attributions[0]).toMatchObject({ lead: ['市民政局'], cooperating: ['市教委'], shared: [] });
    expect(one.attributions[0].raw).toBe('（市民政局牵头，市教委配合，2026年底前完成）');
    expect(one.timeLimit).toMatchObject({
      kind: 'date',
      due: '2026-12-31',
      source: 'attribution',
      raw: '2026年底前完成',
    });
    expect(doc.slice(...(one.timeLimit?.span ?? [0, 0]))).toBe('2026年底前完成');
  });

  it('gives every measure its limit or null', () => {
    expect(r.measures.map((m) => m.timeLimit?.kind ?? null)).toEqual(['date', 'date', null, null, 'ongoing']);
    expect(r.measures[4].attributions[0].shared).toEqual(['团市委']);
  });

  it('warns, without guessing, where the wording names no readable date', () => {
    expect(r.warnings.filter((w) => w.code === 'UNREADABLE_TIME_LIMIT').map((w) => [w.measure, w.message])).toEqual([
      ['（三）', '（三） 的时限“尽快”无法读成具体日期，请人工确认完成时限'],
      ['（四）', '（四） 的时限“6月底前”无法读成具体日期，请人工确认完成时限'],
    ]);
    expect(r.warnings.map((w) => w.code).every((c) => c === 'UNREADABLE_TIME_LIMIT')).toBe(true);
  });
});

describe('maskTimeClauses', () => {
  it('blanks time clauses inside brackets only, keeping every offset', () => {
    const text = '2026年底前完成。（市民政局牵头，2026年底前完成）';
    const masked = maskTimeClauses(text);
    expect(masked.length).toBe(text.length);
    expect(masked.startsWith('2026年底前完成。（市民政局牵头，')).toBe(true);
    expect(masked.endsWith('\u3000）')).toBe(true);
  });
});
