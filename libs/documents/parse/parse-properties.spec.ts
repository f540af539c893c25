import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePolicy, partiesOf } from './parse-policy';
import type { ParseResult } from './parse-result.types';

const seedText = readFileSync(
  path.resolve(__dirname, '../../../../shared/seed/tianjin-2026-difficult-children-welfare.txt'),
  'utf8',
);

/** Every span slices back to the text it claims, measure and attribution alike, inside the input. */
function spansHold(input: string, result: ParseResult): boolean {
  return result.measures.every(
    (m) =>
      m.span[0] >= 0 &&
      m.span[0] <= m.span[1] &&
      m.span[1] <= input.length &&
      input.slice(m.span[0], m.span[1]) === m.text &&
      m.attributions.every(
        (a) => a.span[0] >= m.span[0] && a.span[1] <= m.span[1] && input.slice(a.span[0], a.span[1]) === a.raw,
      ),
  );
}

/** The pieces the parser reacts to, to reach its deeper paths. */
const FRAGMENTS = [
  '一、',
  '二、',
  '十一、',
  '（一）',
  '（二）',
  '(三)',
  '（十二）',
  '1.',
  '2．',
  '12、',
  '（1）',
  '\n',
  '\r\n',
  '　',
  ' ',
  '（',
  '）',
  '(',
  ')',
  '负责）',
  '按职责分工负责',
  '牵头',
  '配合',
  '参与',
  '指导',
  '会同',
  '等',
  '等有关部门',
  '牵头单位：',
  '配合单位：',
  '责任单位：',
  '。',
  '；',
  '，',
  '、',
  '市民政局',
  '各区、县级市',
  '各区人民政府',
  '列第一位者为牵头单位，下同',
  '排在第一位的部门为牵头部门',
  '以下工作均需各区人民政府配合，不再单独列出',
  '以下均需试点城市政府落实，不再列出',
  '（以下简称低保）',
  '（此件公开发布）',
  '（含',
  '市（地、州、盟）',
  '中国（上海）',
  '各县（市、区）',
  '有关区、县人民政府',
  '各牵头部门',
  '有关责任单位',
  '市“河长制”办公室',
  '「一网通办」工作专班',
  '“',
  '”',
  '"',
  '市市场监管委（市知识产权局）',
  '（以下简称',
  '7.5G',
  '８．',
  '2026年',
  '7.5%',
  '国发〔2018〕39号',
  '2018年11月16日',
  '二〇二六年一月三十日',
  '国务院',
  '关于',
  '意见',
  '#',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '😀',
];
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join(''));
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const seedSlices = fc
  .tuple(fc.nat(seedText.length), fc.nat(1500), fragmentText)
  .map(([at, length, extra]) => seedText.slice(at, at + length) + extra);

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  codeUnits,
  fragmentText,
  seedSlices,
);

describe('parsePolicy properties', () => {
  it('never throws, always returns the contract shape, on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parsePolicy(text);
        expect(Array.isArray(r.measures) && Array.isArray(r.warnings) && Array.isArray(r.conventions)).toBe(true);
        for (const m of r.measures) partiesOf(m);
      }),
      { numRuns: 600 },
    );
  });

  it('keeps every measure and attribution span pointing at the quoted text', () => {
    fc.assert(
      fc.property(anyText, (text) => spansHold(text, parsePolicy(text))),
      { numRuns: 600 },
    );
  });

  it('never lets a warning name a measure the result does not have', () => {
    fc.assert(
      fc.property(fragmentText, (text) => {
        const r = parsePolicy(text, { isKnownAgency: (name) => name.length % 2 === 0 });
        const numbers = new Set(r.measures.map((m) => m.number));
        return r.warnings.every((w) => w.measure === null || numbers.has(w.measure));
      }),
      { numRuns: 300 },
    );
  });
});

/** Brackets and quotes a party name opens, it closes: no fragment of 各县（市、区） or 市“河长制”办公室. */
function balanced(name: string): boolean {
  let depth = 0;
  for (const c of name) {
    if (c === '（' || c === '(') depth += 1;
    else if (c === '）' || c === ')') depth -= 1;
    if (depth < 0) return false;
  }
  const count = (re: RegExp): number => (name.match(re) ?? []).length;
  return depth === 0 && count(/“/g) === count(/”/g) && count(/「/g) === count(/」/g) && count(/"/g) % 2 === 0;
}

describe('parsePolicy party properties', () => {
  it('names only whole parties (balanced brackets and quotes), and aliases only parties it names', () => {
    fc.assert(
      fc.property(fragmentText, (text) => {
        for (const m of parsePolicy(text).measures) {
          for (const a of m.attributions) {
            const parties = [...a.lead, ...a.shared, ...a.cooperating, ...a.guiding];
            expect(parties.filter((p) => !balanced(p))).toEqual([]);
            for (const [party, names] of Object.entries(a.aliases)) {
              expect(parties).toContain(party);
              expect(names.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 600 },
    );
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

  it('stays fast on hostile input', () => {
    const started = Date.now();
    parsePolicy(`（一）标题。${'（'.repeat(50000)}${'（A负责）'.repeat(5000)}`);
    parsePolicy('一、'.repeat(20000));
    parsePolicy(`一、标题\n${'（一）做。（市民政局负责）\n（\n'.repeat(20000)}`);
    parsePolicy(`${'（一）做。（市民政局负责） '.repeat(20000)}`);
    parsePolicy(' 1.'.repeat(50000));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
