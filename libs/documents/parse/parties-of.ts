import type { ParsedMeasure, PartyRole } from './parse-result.types';

/**
 * Each distinct party of a measure once, with its strongest role, in first-appearance order.
 * The importer creates one assignment per (measure, party) from this list.
 */
export function partiesOf(measure: ParsedMeasure): { party: string; role: PartyRole | 'implied' }[] {
  const rank: Record<PartyRole | 'implied', number> = { lead: 0, shared: 1, cooperating: 2, guiding: 3, implied: 4 };
  const out: { party: string; role: PartyRole | 'implied' }[] = [];
  const offer = (party: string, role: PartyRole | 'implied'): void => {
    const existing = out.find((e) => e.party === party);
    if (!existing) out.push({ party, role });
    else if (rank[role] < rank[existing.role]) existing.role = role;
  };
  for (const a of measure.attributions) {
    const roles: { party: string; role: PartyRole }[] = [
      ...a.lead.map((party) => ({ party, role: 'lead' as const })),
      ...a.shared.map((party) => ({ party, role: 'shared' as const })),
      ...a.cooperating.map((party) => ({ party, role: 'cooperating' as const })),
      ...a.guiding.map((party) => ({ party, role: 'guiding' as const })),
    ];
    // Order by where the name is written in the attribution (牵头单位 may come after 配合单位).
    const at = (p: string): number => {
      const i = a.raw.indexOf(p);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    roles.sort((x, y) => at(x.party) - at(y.party));
    for (const r of roles) offer(r.party, r.role);
  }
  for (const p of measure.impliedCooperating) offer(p, 'implied');
  return out;
}
