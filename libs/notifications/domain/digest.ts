import { shanghaiDay } from '../../clock/domain/beijing-time';
import type { Audience } from '../../clock/domain/ladder';

/**
 * Rung-like notices (ladder rungs and report reminders) are gathered into one digest per
 * recipient group, rung and Beijing day (issue 11); every other notice is sent at once.
 */
export const DIGESTED_EVENTS = ['rung', 'report_due'] as const;

/** At most this many measures are listed in one digest; the rest are counted. */
export const DIGEST_LINES = 50;

/** The digest of one group: its key, and the one user it is addressed to (a leader's own digest) or null. */
export interface DigestAddress {
  key: string;
  userId: string | null;
}

/**
 * The groups a notice's recipients form: the agency (its liaisons), the document (its
 * coordinators), and for leaders each leader it is addressed to (`leaders`: the task agency's 分管
 * leaders, or every leader where none is set), so that each leader has one digest of their own.
 * `all` is the leaders' group when there is no active leader at all: its digest is undeliverable.
 */
export function digestGroups(
  audience: Audience,
  task: { agencyId: string; documentId: string },
  leaders: readonly string[],
): { group: string; userId: string | null }[] {
  switch (audience) {
    case 'liaison':
      return [{ group: task.agencyId, userId: null }];
    case 'coordinator':
      return [{ group: task.documentId, userId: null }];
    case 'leader':
      return leaders.length > 0
        ? [...new Set(leaders)].map((userId) => ({ group: userId, userId }))
        : [{ group: 'all', userId: null }];
  }
}

/** Whether an event's notices are gathered into digests rather than sent at once. */
export const isDigested = (event: { type: string }): boolean =>
  (DIGESTED_EVENTS as readonly string[]).includes(event.type);

/**
 * The digests a notice of an event joins (none for a notice sent at once): one per group of its
 * recipients (`digestGroups`), so a leaders' notice joins the digest of each of its leaders. A key
 * is also its digest workflow's ID and the subject of its digest notice.
 */
export function digestsOf(
  event: { type: string; detail: Record<string, unknown>; occurredAt: string },
  audience: Audience,
  task: { agencyId: string; documentId: string },
  leaders: readonly string[],
): DigestAddress[] {
  if (!isDigested(event)) return [];
  const rule = typeof event.detail.rule === 'string' ? event.detail.rule : event.type;
  const day = shanghaiDay(new Date(event.occurredAt));
  return digestGroups(audience, task, leaders).map(({ group, userId }) => ({
    key: `digest-${audience}-${group}-${rule}-${day}`,
    userId,
  }));
}

/** The Beijing day a digest key is for (its last part). */
export function digestDay(key: string): string {
  return /\d{4}-\d{2}-\d{2}$/.exec(key)?.[0] ?? '';
}

/** The first digest of a key has the key as subject; a later one of the same day (stragglers) a suffix. */
export function digestSubject(key: string, part: number): string {
  return part <= 1 ? key : `${key}#${part}`;
}

export interface DigestItem {
  measure: string;
  agency: string;
  /** False when a liaison digest lists another agency's task (a cooperator's, to its lead). */
  ownAgency?: boolean;
  dueDate: string | null;
  /** The notice the task's rung wrote, used as it is when it is the only one. */
  message: string;
}

/**
 * The text of a digest: a count, then one line per measure (with its agency for coordinators and
 * leaders), capped at `DIGEST_LINES`. A digest of one notice is that notice.
 */
export function digestText(input: { audience: Audience; label: string; day: string; items: DigestItem[] }): string {
  const { audience, label, day, items } = input;
  if (items.length === 1) return items[0].message;
  const lines = items.slice(0, DIGEST_LINES).map((item, i) => {
    const named = audience !== 'liaison' || item.ownAgency === false;
    const about = [named ? item.agency : '', item.dueDate ? `截止日期${item.dueDate}` : '']
      .filter((part) => part !== '')
      .join('，');
    return `${i + 1}. 「${item.measure}」${about ? `（${about}）` : ''}`;
  });
  const more = items.length > DIGEST_LINES ? [`……等 ${items.length} 项`] : [];
  const ask =
    audience === 'liaison'
      ? '请登录督办系统逐项办理。'
      : audience === 'coordinator'
        ? '请跟进督促各责任单位。'
        : '请阅示。';
  return [`【${label}】今日${label}：${items.length} 项（${day}）`, ...lines, ...more, ask].join('\n');
}
