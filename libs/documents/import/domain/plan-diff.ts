/** What a revised document changes against the confirmed one, measure by measure. */
export interface SideMeasure {
  number: string;
  section: string | null;
  title: string;
  text: string;
}

export interface PlanSide {
  measures: SideMeasure[];
  /** Agency names with their role, per measure key (see measureKey). */
  parties: Map<string, Map<string, string>>;
}

export interface PlanDiff {
  added: { number: string; section: string | null; title: string }[];
  removed: { number: string; section: string | null; title: string }[];
  changed: {
    number: string;
    section: string | null;
    title: string;
    titleBefore?: string;
    /** The body text differs (wording, not only the title or the parties). */
    textChanged: boolean;
    partiesAdded: string[];
    partiesRemoved: string[];
    rolesChanged: { party: string; from: string; to: string }[];
  }[];
}

/**
 * Measures are matched by their section and number as written (（一） repeats across sections), so
 * a document diffed against itself shows no change; whitespace alone is no change of text.
 */
export const measureKey = (m: { section: string | null; number: string }): string => `${m.section ?? ''}|${m.number}`;

const words = (text: string) => text.replace(/\s+/g, '');

export function diffPlans(before: PlanSide, after: PlanSide): PlanDiff {
  const oldBy = new Map(before.measures.map((m) => [measureKey(m), m]));
  const newBy = new Map(after.measures.map((m) => [measureKey(m), m]));
  const brief = ({ number, section, title }: SideMeasure) => ({ number, section, title });
  const diff: PlanDiff = {
    added: after.measures.filter((m) => !oldBy.has(measureKey(m))).map(brief),
    removed: before.measures.filter((m) => !newBy.has(measureKey(m))).map(brief),
    changed: [],
  };
  for (const m of after.measures) {
    const key = measureKey(m);
    const old = oldBy.get(key);
    if (!old) continue;
    const was = before.parties.get(key) ?? new Map<string, string>();
    const now = after.parties.get(key) ?? new Map<string, string>();
    const partiesAdded = [...now.keys()].filter((p) => !was.has(p));
    const partiesRemoved = [...was.keys()].filter((p) => !now.has(p));
    const rolesChanged = [...now.entries()]
      .filter(([p, role]) => was.has(p) && was.get(p) !== role)
      .map(([party, to]) => ({ party, from: was.get(party) ?? '', to }));
    const textChanged = words(old.text) !== words(m.text);
    if (old.title !== m.title || textChanged || partiesAdded.length || partiesRemoved.length || rolesChanged.length) {
      diff.changed.push({
        ...brief(m),
        ...(old.title !== m.title ? { titleBefore: old.title } : {}),
        textChanged,
        partiesAdded,
        partiesRemoved,
        rolesChanged,
      });
    }
  }
  return diff;
}
