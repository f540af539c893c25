/**
 * 牵头 / 配合 (issue 11): a cooperating agency works for the lead, not for leadership. Its rungs go
 * to itself and to the lead's liaisons, never to leaders; its submission is an input delivered to
 * the lead, who consolidates it. `lead` is resolved to the lead agency's liaisons when the notice is
 * stored (or to the document's coordinators where the measure has no lead).
 */
import type { Audience } from '../../clock/domain/ladder';
import type { TaskRole } from './task-state';

export type NoticeTarget = Audience | 'lead';

export function rungTargets(role: TaskRole, audience: readonly Audience[]): NoticeTarget[] {
  if (role !== 'cooperating') return [...audience];
  const targets = audience.map((a): NoticeTarget => (a === 'liaison' ? 'liaison' : 'lead'));
  return [...new Set(targets)];
}
