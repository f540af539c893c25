/**
 * From a parse, the registry and the coordinator's corrections to the task list an import would
 * create: aliases resolved, groups expanded (各区人民政府 → one task per district), generic and
 * unknown parties listed for the coordinator to map, create or drop. Pure: the preview and the
 * confirm run the same function, so what is previewed is what is created.
 */
import { isGenericParty } from '../../parse/party-list';
import type { ParseResult, PartyRole } from '../../parse/parse-result.types';
import type { AgencyKind, RegistrySnapshot } from '../../registry/domain/registry.types';

export type PlannedRole = PartyRole | 'implied';
export type TaskSource = 'explicit' | 'alias' | 'group' | 'implied' | 'correction';

interface Stamp {
  by: string;
  at: string;
  reason: string;
}
/** Measures are named by position (1-based): numbers such as （一） can repeat across sections. */
export type Correction = Stamp &
  (
    | { op: 'mapParty'; party: string; agencyId: string }
    | { op: 'createAgency'; party: string; name: string; kind: AgencyKind }
    | { op: 'dropParty'; party: string; measure?: number }
    | { op: 'addParty'; measure: number; party: string; role: PlannedRole }
    | { op: 'setRole'; measure: number; party: string; role: PlannedRole }
    | { op: 'dropMeasure'; measure: number }
  );

export interface PlannedTask {
  measure: number;
  measureNumber: string;
  party: string;
  /** Null for an agency the confirm will create (see newAgencies). */
  agencyId: string | null;
  agencyName: string;
  role: PlannedRole;
  source: TaskSource;
  /** The attribution the party came from; null for implied parties and corrections. */
  span: [number, number] | null;
}

export interface ImportPlan {
  measures: { seq: number; number: string; title: string; dropped: boolean }[];
  tasks: PlannedTask[];
  unresolved: { party: string; reason: 'unknown' | 'generic'; measures: number[] }[];
  newAgencies: { name: string; kind: AgencyKind }[];
}

const STRENGTH: Record<PlannedRole, number> = { lead: 5, shared: 4, cooperating: 3, guiding: 2, implied: 1 };
const GENERIC_NAME = /^(各)?有关|^相关部门|^各(地区|部门|单位)/;

interface Party {
  party: string;
  role: PlannedRole;
  span: [number, number] | null;
  corrected: boolean;
}

function partiesWithSpans(measure: ParseResult['measures'][number]): Party[] {
  const out = new Map<string, Party>();
  const add = (party: string, role: PlannedRole, span: [number, number] | null) => {
    const seen = out.get(party);
    if (!seen || STRENGTH[role] > STRENGTH[seen.role])
      out.set(party, { party, role, span: seen?.span ?? span, corrected: false });
  };
  for (const a of measure.attributions) {
    for (const role of ['lead', 'shared', 'cooperating', 'guiding'] as const) {
      for (const p of a[role]) add(p, role, a.span);
    }
  }
  for (const p of measure.impliedCooperating) add(p, 'implied', null);
  return [...out.values()];
}

function applyMeasureCorrections(seq: number, parties: Party[], corrections: Correction[]): Party[] {
  let list = parties;
  for (const c of corrections) {
    if (c.op === 'dropParty' && (c.measure === undefined || c.measure === seq)) {
      list = list.filter((p) => p.party !== c.party);
    } else if (c.op === 'addParty' && c.measure === seq) {
      list = [
        ...list.filter((p) => p.party !== c.party),
        { party: c.party, role: c.role, span: null, corrected: true },
      ];
    } else if (c.op === 'setRole' && c.measure === seq) {
      list = list.map((p) => (p.party === c.party ? { ...p, role: c.role, corrected: true } : p));
    }
  }
  return list;
}

export function planImport(parse: ParseResult, registry: RegistrySnapshot, corrections: Correction[]): ImportPlan {
  const byName = new Map(registry.agencies.map((a) => [a.name, a]));
  const byId = new Map(registry.agencies.map((a) => [a.id, a]));
  const aliases = new Map(registry.aliases.map((a) => [a.alias, a.agencyId]));
  const groups = new Map(registry.groups.map((g) => [g.name, g.memberIds]));
  const mapped = new Map<string, string>();
  const created = new Map<string, { name: string; kind: AgencyKind }>();
  // The last decision about a party wins.
  for (const c of corrections) {
    if (c.op === 'mapParty') {
      mapped.set(c.party, c.agencyId);
      created.delete(c.party);
    } else if (c.op === 'createAgency') {
      created.set(c.party, { name: c.name, kind: c.kind });
      mapped.delete(c.party);
    }
  }
  const droppedMeasures = new Set(corrections.flatMap((c) => (c.op === 'dropMeasure' ? [c.measure] : [])));

  const tasks: PlannedTask[] = [];
  const unresolved = new Map<string, { party: string; reason: 'unknown' | 'generic'; measures: number[] }>();
  const measures = parse.measures.map((m, i) => ({
    seq: i + 1,
    number: m.number,
    title: m.title,
    dropped: droppedMeasures.has(i + 1),
  }));

  // A registry agency under one of the names the text wrote in brackets after the party, if any.
  const writtenAlias = (m: (typeof parse.measures)[number], party: string) => {
    for (const name of m.attributions.flatMap((a) => a.aliases?.[party] ?? [])) {
      const named = byName.get(name);
      if (named && named.kind !== 'generic') return { id: named.id, name: named.name };
      const id = aliases.get(name);
      if (id && byId.has(id)) return { id, name: byId.get(id)?.name ?? '' };
    }
    return null;
  };

  parse.measures.forEach((m, i) => {
    const seq = i + 1;
    if (droppedMeasures.has(seq)) return;
    const planned = new Map<string, PlannedTask>();
    const put = (t: PlannedTask) => {
      const key = t.agencyId ?? `new:${t.agencyName}`;
      const seen = planned.get(key);
      if (!seen || STRENGTH[t.role] > STRENGTH[seen.role]) planned.set(key, t);
    };
    for (const p of applyMeasureCorrections(seq, partiesWithSpans(m), corrections)) {
      const base = { measure: seq, measureNumber: m.number, party: p.party, role: p.role, span: p.span };
      const source: TaskSource = p.corrected ? 'correction' : p.role === 'implied' ? 'implied' : 'explicit';
      const toCreate = created.get(p.party);
      const mappedId = mapped.get(p.party);
      const direct = byName.get(p.party);
      const aliasId = aliases.get(p.party);
      const members = groups.get(p.party);
      if (toCreate)
        put({
          ...base,
          agencyId: byName.get(toCreate.name)?.id ?? null,
          agencyName: toCreate.name,
          source: 'correction',
        });
      else if (mappedId && byId.has(mappedId))
        put({ ...base, agencyId: mappedId, agencyName: byId.get(mappedId)?.name ?? '', source: 'correction' });
      else if (members) {
        const viaGroup = source === 'explicit' ? 'group' : source;
        for (const id of members)
          put({ ...base, agencyId: id, agencyName: byId.get(id)?.name ?? '', source: viaGroup });
      } else if (direct && direct.kind !== 'generic')
        put({ ...base, agencyId: direct.id, agencyName: direct.name, source });
      else if (aliasId && byId.has(aliasId)) {
        put({
          ...base,
          agencyId: aliasId,
          agencyName: byId.get(aliasId)?.name ?? '',
          source: source === 'explicit' ? 'alias' : source,
        });
      } else if (writtenAlias(m, p.party)) {
        // The text names it with a second name in brackets (市市场监管委（市知识产权局）) the registry knows.
        const known = writtenAlias(m, p.party)!;
        put({ ...base, agencyId: known.id, agencyName: known.name, source: source === 'explicit' ? 'alias' : source });
      } else {
        const generic = direct?.kind === 'generic' || GENERIC_NAME.test(p.party) || isGenericParty(p.party);
        const reason = generic ? 'generic' : 'unknown';
        const entry = unresolved.get(p.party) ?? { party: p.party, reason, measures: [] };
        entry.measures.push(seq);
        unresolved.set(p.party, entry);
      }
    }
    tasks.push(...planned.values());
  });

  const newAgencies = [
    ...new Map([...created.values()].filter((a) => !byName.has(a.name)).map((a) => [a.name, a])).values(),
  ];
  return { measures, tasks, unresolved: [...unresolved.values()], newAgencies };
}
