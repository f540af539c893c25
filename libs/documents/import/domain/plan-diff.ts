/** What a revised document changes against the confirmed one, measure by measure. */
export interface PlanSide {
  measures: { number: string; title: string }[];
  /** Agency names with their role, per measure number. */
  parties: Map<string, Map<string, string>>;
}

export interface PlanDiff {
  added: { number: string; title: string }[];
  removed: { number: string; title: string }[];
  changed: {
    number: string;
    title: string;
    titleBefore?: string;
    partiesAdded: string[];
    partiesRemoved: string[];
    rolesChanged: { party: string; from: string; to: string }[];
  }[];
}

/** Measures are matched by their number as written; a title change under the same number is a change. */
export function diffPlans(before: PlanSide, after: PlanSide): PlanDiff {
  const oldBy = new Map(before.measures.map((m) => [m.number, m]));
  const newBy = new Map(after.measures.map((m) => [m.number, m]));
  const diff: PlanDiff = {
    added: after.measures.filter((m) => !oldBy.has(m.number)),
    removed: before.measures.filter((m) => !newBy.has(m.number)),
    changed: [],
  };
  for (const m of after.measures) {
    const old = oldBy.get(m.number);
    if (!old) continue;
    const was = before.parties.get(m.number) ?? new Map<string, string>();
    const now = after.parties.get(m.number) ?? new Map<string, string>();
    const partiesAdded = [...now.keys()].filter((p) => !was.has(p));
    const partiesRemoved = [...was.keys()].filter((p) => !now.has(p));
    const rolesChanged = [...now.entries()]
      .filter(([p, role]) => was.has(p) && was.get(p) !== role)
      .map(([party, to]) => ({ party, from: was.get(party) ?? '', to }));
    if (old.title !== m.title || partiesAdded.length || partiesRemoved.length || rolesChanged.length) {
      diff.changed.push({
        number: m.number,
        title: m.title,
        ...(old.title !== m.title ? { titleBefore: old.title } : {}),
        partiesAdded,
        partiesRemoved,
        rolesChanged,
      });
    }
  }
  return diff;
}
