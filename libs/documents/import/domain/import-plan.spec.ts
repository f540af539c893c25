import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tianjinRegistry } from '../../../../test/factories/registry';
import { planImport, type Correction } from './import-plan';
import { parsePolicy } from '../../parse/parse-policy';
import { diffPlans, measureKey } from './plan-diff';

const seed = readFileSync(
  path.resolve(__dirname, '../../../../../shared/seed/tianjin-2026-difficult-children-welfare.txt'),
  'utf8',
);
const stamp = { by: '协调处室', at: '2026-11-29T00:00:00Z', reason: '核对' };

describe('planImport', () => {
  it('expands 各区人民政府 into the 16 district governments, one task each', () => {
    const plan = planImport(parsePolicy(seed), tianjinRegistry(), []);
    expect(plan.unresolved).toEqual([]);
    // 108 named assignments, 各区人民政府 of （一） becoming 16, plus 16 implied districts in each of （二）–（二十一）.
    expect(plan.tasks).toHaveLength(108 - 1 + 16 + 20 * 16);
    const first = plan.tasks.filter((t) => t.measure === 1);
    expect(first.map((t) => t.agencyName)).toEqual(['市民政局', ...tianjinRegistry().groups[0].memberIds]);
    expect(first[1]).toMatchObject({ party: '各区人民政府', role: 'shared', source: 'group' });
    const second = plan.tasks.filter((t) => t.measure === 2);
    expect(second[0]).toMatchObject({ agencyName: '市民政局', role: 'shared', source: 'explicit' });
    expect(second[1]).toMatchObject({ agencyName: '和平区人民政府', role: 'implied', source: 'implied', span: null });
    // Every named party keeps the span of the attribution it came from.
    const span = second[0].span!;
    expect(seed.slice(span[0], span[1])).toBe('（市民政局负责）');
  });

  const text =
    '一、总则\n（一）做好甲工作。（市民政局、市住建委、国家某局、有关部门按职责分工负责）\n（二）做好乙工作。（市教委负责）\n';

  it('resolves aliases and lists unknown and generic parties for the coordinator', () => {
    const plan = planImport(parsePolicy(text), tianjinRegistry(), []);
    expect(plan.tasks.map((t) => [t.party, t.agencyName, t.source])).toEqual([
      ['市民政局', '市民政局', 'explicit'],
      ['市住建委', '市住房城乡建设委', 'alias'],
      ['市教委', '市教委', 'explicit'],
    ]);
    expect(plan.unresolved).toEqual([
      { party: '国家某局', reason: 'unknown', measures: [1] },
      { party: '有关部门', reason: 'generic', measures: [1] },
    ]);
  });

  it('finds a party by the second name the text wrote in brackets, and reads role collectives as generic', () => {
    const bracketed = '一、总则\n（一）做好丙工作。（某某委（市教委）牵头，各成员单位配合）\n';
    const plan = planImport(parsePolicy(bracketed), tianjinRegistry(), []);
    expect(plan.tasks.map((t) => [t.party, t.agencyName, t.source])).toEqual([['某某委', '市教委', 'alias']]);
    expect(plan.unresolved).toEqual([{ party: '各成员单位', reason: 'generic', measures: [1] }]);
  });

  it('applies corrections: create, map, drop, add, set role, drop a measure', () => {
    const corrections: Correction[] = [
      { op: 'createAgency', party: '国家某局', name: '国家某局', kind: 'central_ministry', ...stamp },
      { op: 'dropParty', party: '有关部门', ...stamp },
      { op: 'setRole', measure: 1, party: '市民政局', role: 'lead', ...stamp },
      { op: 'addParty', measure: 1, party: '市财政局', role: 'cooperating', ...stamp },
      { op: 'dropMeasure', measure: 2, ...stamp },
    ];
    const plan = planImport(parsePolicy(text), tianjinRegistry(), corrections);
    expect(plan.unresolved).toEqual([]);
    expect(plan.newAgencies).toEqual([{ name: '国家某局', kind: 'central_ministry' }]);
    expect(plan.tasks.map((t) => [t.agencyName, t.role, t.source])).toEqual([
      ['市民政局', 'lead', 'correction'],
      ['市住房城乡建设委', 'shared', 'alias'],
      ['国家某局', 'shared', 'correction'],
      ['市财政局', 'cooperating', 'correction'],
    ]);
    expect(plan.measures.map((m) => m.dropped)).toEqual([false, true]);
    const mapped = planImport(parsePolicy(text), tianjinRegistry(), [
      { op: 'mapParty', party: '国家某局', agencyId: '市发展改革委', ...stamp },
    ]);
    expect(mapped.tasks.find((t) => t.party === '国家某局')?.agencyName).toBe('市发展改革委');
  });
});

describe('diffPlans', () => {
  const m = (number: string, title: string, text = `${title}正文`, section: string | null = '一、总则') => ({
    number,
    section,
    title,
    text,
  });
  const side = (measures: ReturnType<typeof m>[], parties: [string, [string, string][]][]) => ({
    measures,
    parties: new Map(parties.map(([n, ps]) => [`一、总则|${n}`, new Map(ps)])),
  });
  const before = side(
    [m('（一）', '甲'), m('（二）', '乙'), m('（三）', '丙')],
    [
      [
        '（一）',
        [
          ['市民政局', 'shared'],
          ['市教委', 'shared'],
        ],
      ],
      ['（三）', [['市财政局', 'shared']]],
    ],
  );

  it('reports measures added, removed and changed, by section and number, body text included', () => {
    const after = side(
      [m('（一）', '甲'), m('（三）', '丙', '丙正文，增加一句新的要求'), m('（四）', '丁')],
      [
        [
          '（一）',
          [
            ['市民政局', 'lead'],
            ['市财政局', 'cooperating'],
          ],
        ],
        ['（三）', [['市财政局', 'shared']]],
      ],
    );
    expect(diffPlans(before, after)).toEqual({
      added: [{ number: '（四）', section: '一、总则', title: '丁' }],
      removed: [{ number: '（二）', section: '一、总则', title: '乙' }],
      changed: [
        {
          number: '（一）',
          section: '一、总则',
          title: '甲',
          textChanged: false,
          partiesAdded: ['市财政局'],
          partiesRemoved: ['市教委'],
          rolesChanged: [{ party: '市民政局', from: 'shared', to: 'lead' }],
        },
        {
          number: '（三）',
          section: '一、总则',
          title: '丙',
          textChanged: true,
          partiesAdded: [],
          partiesRemoved: [],
          rolesChanged: [],
        },
      ],
    });
  });

  it('shows no change for a document against itself, and tells a repeated number in another section apart', () => {
    expect(diffPlans(before, before)).toEqual({ added: [], removed: [], changed: [] });
    const other = { ...before, measures: [...before.measures, m('（一）', '甲', '甲正文', '二、保障')] };
    expect(diffPlans(before, other).added).toEqual([{ number: '（一）', section: '二、保障', title: '甲' }]);
  });

  it('diffs the seed against itself as no change, through the real parse and plan', () => {
    const plan = planImport(parsePolicy(seed), tianjinRegistry(), []);
    const parse = parsePolicy(seed);
    const sideOf = (): Parameters<typeof diffPlans>[0] => {
      const parties = new Map<string, Map<string, string>>();
      for (const t of plan.tasks) {
        const key = measureKey(parse.measures[t.measure - 1]);
        parties.set(key, (parties.get(key) ?? new Map<string, string>()).set(t.agencyName, t.role));
      }
      return {
        measures: parse.measures.map(({ number, section, title, text }) => ({ number, section, title, text })),
        parties,
      };
    };
    expect(diffPlans(sideOf(), sideOf())).toEqual({ added: [], removed: [], changed: [] });
  });
});
