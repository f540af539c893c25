import { formatNoticeNumber, type NoticeKind } from './notice-number';

/** A notice is one (kind, agency, day) of a document. */
export interface NoticeKey {
  kind: NoticeKind;
  agencyId: string;
  day: string;
}

export interface AgencyTasks {
  agencyId: string;
  agencyName: string;
  /** The smallest measure position of the agency's tasks on the document. */
  firstSeq: number;
}

/** A Beijing day on which a task of the agency fired its 催办 rung. */
export interface UrgeDay {
  agencyId: string;
  day: string;
}

/**
 * The notices a launched document has, in the order they are numbered: a 督办通知单 per agency on
 * the launch day, the agencies in the order of their first measure (then name), then a 催办通知书
 * per agency and day with a 催办, by day and then the same agency order.
 */
export function noticesOf(launchDay: string, agencies: AgencyTasks[], urges: UrgeDay[]): NoticeKey[] {
  const ordered = [...agencies].sort(
    (a, b) =>
      a.firstSeq - b.firstSeq || a.agencyName.localeCompare(b.agencyName, 'zh-CN') || cmp(a.agencyId, b.agencyId),
  );
  const rank = new Map(ordered.map((a, i) => [a.agencyId, i]));
  const urgeKeys = [...new Map(urges.map((u) => [`${u.agencyId}|${u.day}`, u])).values()]
    .filter((u) => rank.has(u.agencyId))
    .sort((a, b) => cmp(a.day, b.day) || rank.get(a.agencyId)! - rank.get(b.agencyId)!);
  return [
    ...ordered.map((a): NoticeKey => ({ kind: 'supervision', agencyId: a.agencyId, day: launchDay })),
    ...urgeKeys.map((u): NoticeKey => ({ kind: 'urge', agencyId: u.agencyId, day: u.day })),
  ];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface NumberedNotice extends NoticeKey {
  year: number;
  seq: number;
  number: string;
}

export const keyOf = (k: NoticeKey): string => `${k.kind}|${k.agencyId}|${k.day}`;

/**
 * Numbers for the notices not numbered yet: each takes the next sequence of its kind and year of
 * issue after those already given, in the order asked. A numbered notice keeps its number.
 */
export function allocateNumbers(existing: NumberedNotice[], wanted: NoticeKey[]): NumberedNotice[] {
  const taken = new Set(existing.map(keyOf));
  const last = new Map<string, number>();
  for (const n of existing) {
    const series = `${n.kind}|${n.year}`;
    last.set(series, Math.max(last.get(series) ?? 0, n.seq));
  }
  const fresh: NumberedNotice[] = [];
  for (const k of wanted) {
    if (taken.has(keyOf(k))) continue;
    taken.add(keyOf(k));
    const year = Number(k.day.slice(0, 4));
    const series = `${k.kind}|${year}`;
    const seq = (last.get(series) ?? 0) + 1;
    last.set(series, seq);
    fresh.push({ ...k, year, seq, number: formatNoticeNumber(k.kind, year, seq) });
  }
  return fresh;
}
