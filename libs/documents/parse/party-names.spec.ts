import fc from 'fast-check';
import { parsePolicy } from './parse-policy';
import type { ParsedAttribution, ParseResult } from './parse-result.types';
import { isGenericParty, splitParties } from './party-list';

// Invented examples in the manner of municipal implementation plans; no real document is quoted.
const doc = (attribution: string): ParseResult =>
  parsePolicy(`一、重点任务\n（一）抓好某项工作。具体要求。${attribution}\n`);
const attr = (attribution: string): ParsedAttribution | undefined => doc(attribution).measures[0].attributions[0];
const roles = (a: ParsedAttribution | undefined) =>
  a && { lead: a.lead, shared: a.shared, cooperating: a.cooperating, aliases: a.aliases };
const only = (p: Partial<ParsedAttribution>) => ({ lead: [], shared: [], cooperating: [], aliases: {}, ...p });
const codes = (r: ParseResult): string[] => r.warnings.map((w) => w.code);

describe('party names with quoted terms, kept whole', () => {
  it.each([
    ['“…”', '市“河长制”办公室'],
    ['「…」', '「一网通办」工作专班'],
    ['『…』', '区『智慧社区』建设指挥部'],
    ['‘…’', '市‘十五五’规划编制领导小组办公室'],
    ['"…"', '市"菜篮子"工程领导小组办公室'],
    ['＂…＂', '区＂接诉即办＂工作专班'],
    ['〝…〞', '市〝城市大脑〞运营中心'],
    ['《…》', '市《促进条例》执法检查组'],
  ])('%s: %s', (_, name) => {
    expect(roles(attr(`（${name}牵头，市水务局、市农业农村委配合）`))).toEqual(
      only({ lead: [name], cooperating: ['市水务局', '市农业农村委'] }),
    );
    expect(doc(`（${name}负责）`).warnings).toEqual([]);
  });

  it('separators, role words, 等 and figures inside the quotes do not cut the name', () => {
    expect(roles(attr('（市“放管服、优化营商环境”改革领导小组办公室牵头，市政务服务办配合）'))).toEqual(
      only({ lead: ['市“放管服、优化营商环境”改革领导小组办公室'], cooperating: ['市政务服务办'] }),
    );
    expect(roles(attr('（区“多方参与，共建共治”社区治理工作专班负责）'))).toEqual(
      only({ shared: ['区“多方参与，共建共治”社区治理工作专班'] }),
    );
    expect(roles(attr('（市“12345”政务服务便民热线管理中心、市数据局按职责分工负责）'))).toEqual(
      only({ shared: ['市“12345”政务服务便民热线管理中心', '市数据局'] }),
    );
    expect(roles(attr('（市“一站式、等不来”服务专班等负责）'))).toEqual(
      only({ shared: ['市“一站式、等不来”服务专班'] }),
    );
  });

  it('in labelled lists and 责任单位： sentences too', () => {
    expect(roles(attr('（牵头单位：市“无废城市”建设工作专班；配合单位：市生态环境局、市城市管理委）'))).toEqual(
      only({ lead: ['市“无废城市”建设工作专班'], cooperating: ['市生态环境局', '市城市管理委'] }),
    );
    expect(roles(attr('责任单位：市「一网统管」运行中心、各区人民政府。'))).toEqual(
      only({ shared: ['市「一网统管」运行中心', '各区人民政府'] }),
    );
  });

  it('in a document-wide cooperation convention', () => {
    const r = doc('（市水务局负责；以下工作均需市“河长制”办公室配合，不再单独列出）');
    expect(r.conventions.map((c) => c.kind === 'documentWideCooperating' && c.parties)).toEqual([['市“河长制”办公室']]);
  });

  it('a quoted slogan in prose or an unclosed quote is still no attribution', () => {
    expect(attr('（推行“双随机、一公开”监管，由区市场监管局负责）')).toBeUndefined();
    expect(attr('（市“河长制办公室负责）')).toBeUndefined();
  });

  const QUOTE_PAIRS = [
    ['“', '”'],
    ['‘', '’'],
    ['「', '」'],
    ['『', '』'],
    ['"', '"'],
    ['＂', '＂'],
    ['〝', '〞'],
    ['《', '》'],
  ];
  // What a quoted term may hold: words, list separators, role words, 等, figures, sentence marks.
  const TERM = [
    '河长',
    '放管服',
    '一网通办',
    '、',
    '，',
    '；',
    '。',
    '牵头',
    '负责',
    '配合',
    '参与',
    '等',
    '有关',
    '5G',
    '12345',
    '%',
    '：',
    '的',
  ];
  const quotedName = fc
    .tuple(
      fc.constantFrom('', '市', '区', '省', '县'),
      fc.constantFrom(...QUOTE_PAIRS),
      fc.array(fc.constantFrom(...TERM), { minLength: 1, maxLength: 5 }),
      fc.constantFrom('办公室', '工作专班', '领导小组办公室', '指挥部', '服务中心'),
    )
    .map(([prefix, [open, close], term, suffix]) => `${prefix}${open}${term.join('')}${close}${suffix}`);

  it('property: any quoted term inside an agency name leaves the name whole, in any role', () => {
    fc.assert(
      fc.property(quotedName, quotedName, (a, b) => {
        const r = attr(`（${a}牵头，市水务局、${b}配合）`);
        expect(roles(r)).toEqual(only({ lead: [a], cooperating: [...new Set(['市水务局', b])] }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('collectives whose name holds 、 or a role word, kept whole', () => {
  it.each([
    '各县（市、区）',
    '各县（市、区）人民政府',
    '各市（州）、县（市、区）人民政府',
    '有关县（市、区）人民政府',
    '各市、县',
    '各市、县（区）人民政府',
    '有关区、县人民政府',
    '相关区、县',
    '其他市、县',
    '各区、县级市',
    '各乡镇（街道）',
    '各乡镇、街道',
    '市、县级人民政府',
    '县（市、区）人民政府',
  ])('%s', (collective) => {
    expect(splitParties(`市民政局、${collective}、市财政局`).parties).toEqual(['市民政局', collective, '市财政局']);
    expect(roles(attr(`（市民政局牵头，${collective}负责）`))).toEqual(
      only({ lead: ['市民政局'], shared: [collective] }),
    );
  });

  it('a bracket the name does not close is the edge of the text around it', () => {
    expect(splitParties('中国（上海）自由贸易试验区管委会）').parties).toEqual(['中国（上海）自由贸易试验区管委会']);
    expect(splitParties('（市民政局、市教委').parties).toEqual(['市民政局', '市教委']);
    expect(splitParties('市民政局（具体由').parties).toEqual(['市民政局']);
  });

  it('but a bare level beside a concrete agency is not joined to it', () => {
    expect(splitParties('各区人民政府、市财政局').parties).toEqual(['各区人民政府', '市财政局']);
    expect(splitParties('各区、有关部门').parties).toEqual(['各区', '有关部门']);
  });

  it.each(['各牵头部门', '有关责任单位', '各配合单位', '各成员单位', '相关责任部门', '其他成员单位', '各有关责任单位'])(
    '%s: one generic party, not cut at its role word',
    (collective) => {
      expect(isGenericParty(collective)).toBe(true);
      const r = doc(`（市发展改革委牵头，${collective}按职责分工负责）`);
      expect(roles(r.measures[0].attributions[0])).toEqual(only({ lead: ['市发展改革委'], shared: [collective] }));
      expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
        ['GENERIC_PARTY', `（一） 的责任单位“${collective}”为泛指，需明确具体部门`],
      ]);
      expect(roles(attr(`（市民政局负责，${collective}配合）`))).toEqual(
        only({ shared: ['市民政局'], cooperating: [collective] }),
      );
    },
  );

  it('role words still work around them: 各有关部门配合, 牵头单位：', () => {
    expect(roles(attr('（市民政局牵头，各有关部门配合）'))).toEqual(
      only({ lead: ['市民政局'], cooperating: ['各有关部门'] }),
    );
    expect(roles(attr('（牵头单位：市商务局；配合单位：各成员单位）'))).toEqual(
      only({ lead: ['市商务局'], cooperating: ['各成员单位'] }),
    );
  });

  const collective = fc
    .tuple(
      fc.constantFrom('', '各', '有关', '相关', '其他', '各有关'),
      fc.constantFrom('市', '区', '县', '乡镇', '县级市', '自治县'),
      fc.array(fc.constantFrom('市', '区', '县', '县级市', '街道', '乡', '镇'), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.constantFrom('', '人民政府', '政府'),
    )
    .filter(([q, first]) => q !== '' || first !== '区') // a bare 区 alone is too short to read as a level
    .map(([q, first, rest, bracketed, suffix]) =>
      bracketed ? `${q}${first}（${rest.join('、')}）${suffix}` : `${q}${[first, ...rest].join('、')}${suffix}`,
    );

  it('property: a qualified list of region kinds is one party among others', () => {
    fc.assert(
      fc.property(collective, (c) => {
        expect(splitParties(`市民政局、${c}，市财政局`).parties).toEqual(['市民政局', c, '市财政局']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a second name in brackets after a party', () => {
  it('is an alias of the party named before it', () => {
    expect(roles(attr('（市市场监管委（市知识产权局）负责）'))).toEqual(
      only({ shared: ['市市场监管委'], aliases: { 市市场监管委: ['市知识产权局'] } }),
    );
    expect(roles(attr('（市委网信办（市互联网信息办公室）牵头，市公安局配合）'))).toEqual(
      only({ lead: ['市委网信办'], cooperating: ['市公安局'], aliases: { 市委网信办: ['市互联网信息办公室'] } }),
    );
  });

  it('in half-width brackets, labelled lists, with several names, before 等, and as 以下简称', () => {
    expect(roles(attr('（牵头单位：市委宣传部(市新闻出版局)；配合单位：市文化和旅游局）'))).toEqual(
      only({ lead: ['市委宣传部'], cooperating: ['市文化和旅游局'], aliases: { 市委宣传部: ['市新闻出版局'] } }),
    );
    expect(roles(attr('（市政府办公厅（市政府研究室、市政府参事室）、市发展改革委按职责分工负责）'))).toEqual(
      only({
        shared: ['市政府办公厅', '市发展改革委'],
        aliases: { 市政府办公厅: ['市政府研究室', '市政府参事室'] },
      }),
    );
    const r = doc('（市市场监管委（市知识产权局）等有关部门负责）');
    expect(roles(r.measures[0].attributions[0])).toEqual(
      only({ shared: ['市市场监管委', '有关部门'], aliases: { 市市场监管委: ['市知识产权局'] } }),
    );
    expect(codes(r).sort()).toEqual(['GENERIC_PARTY', 'OPEN_LIST']);
    expect(roles(attr('（市市场监督管理委员会（以下简称市市场监管委）负责）'))).toEqual(
      only({ shared: ['市市场监督管理委员会'], aliases: { 市市场监督管理委员会: ['市市场监管委'] } }),
    );
    expect(roles(attr('（市地方金融监督管理局（以下简称“市金融局”）负责）'))).toEqual(
      only({ shared: ['市地方金融监督管理局'], aliases: { 市地方金融监督管理局: ['市金融局'] } }),
    );
  });

  it('in a 责任单位： sentence without brackets', () => {
    expect(roles(attr('责任单位：市市场监管委（市知识产权局）、市公安局。'))).toEqual(
      only({ shared: ['市市场监管委', '市公安局'], aliases: { 市市场监管委: ['市知识产权局'] } }),
    );
  });

  it('survives a first-listed-leads convention', () => {
    const r = parsePolicy(
      '一、重点任务\n（一）抓好某项工作。（市委网信办（市互联网信息办公室）、市公安局负责，列第一位者为牵头单位，下同）\n',
    );
    const a = r.measures[0].attributions[0];
    expect([a.lead, a.cooperating, a.aliases, a.roleSource]).toEqual([
      ['市委网信办'],
      ['市公安局'],
      { 市委网信办: ['市互联网信息办公室'] },
      'documentConvention',
    ]);
  });

  it('is not a region qualifier, a place in the middle of a name, a note or a role', () => {
    for (const name of ['各县（市、区）', '各乡镇（街道）', '中国（上海）自由贸易试验区管委会', '各区（开发区）'])
      expect(roles(attr(`（${name}负责）`))).toEqual(only({ shared: [name] }));
    // A note says what the party covers: the party is the name before it, with no alias.
    expect(roles(attr('（市教委（含市属高校）、市人社局按职责分工负责）'))).toEqual(
      only({ shared: ['市教委', '市人社局'] }),
    );
    // A bracketed role is the party's role, not a second name.
    expect(roles(attr('（市民政局（牵头）、市教委、市财政局按职责分工负责）'))).toEqual(
      only({ lead: ['市民政局'], shared: ['市教委', '市财政局'] }),
    );
  });

  const agency = fc.constantFrom(
    '市市场监管委',
    '市委网信办',
    '市政府办公厅',
    '区数据局',
    '市委宣传部',
    '市文化和旅游局',
  );
  const secondName = fc.constantFrom(
    '市知识产权局',
    '市互联网信息办公室',
    '市政府研究室',
    '区政务服务中心',
    '市新闻出版局',
  );

  it('property: every party of a list may carry a bracketed second name; the names and aliases come out', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(agency, fc.option(secondName, { nil: undefined }), fc.constantFrom('（）', '()')), {
          minLength: 1,
          maxLength: 4,
          selector: ([a]) => a,
        }),
        (list) => {
          const written = list.map(([a, alias, [o, c]]) => (alias ? `${a}${o}${alias}${c}` : a)).join('、');
          const expectedAliases = Object.fromEntries(list.flatMap(([a, alias]) => (alias ? [[a, [alias]]] : [])));
          expect(roles(attr(`（${written}按职责分工负责）`))).toEqual(
            only({ shared: list.map(([a]) => a), aliases: expectedAliases }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
