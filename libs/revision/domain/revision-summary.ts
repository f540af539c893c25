import type { PlanDiff } from '../../documents/import/domain/plan-diff';

const ROLE: Record<string, string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '配合（全文约定）',
};

/** What a revision changed in one measure, in the words a liaison reads in the notice. */
export function revisionSummary(change: PlanDiff['changed'][number]): string {
  const parts: string[] = [];
  if (change.titleBefore !== undefined) parts.push(`标题由「${change.titleBefore}」改为「${change.title}」`);
  if (change.textChanged) parts.push('措施内容有修改');
  if (change.partiesAdded.length > 0) parts.push(`新增责任单位：${change.partiesAdded.join('、')}`);
  if (change.partiesRemoved.length > 0) parts.push(`不再由${change.partiesRemoved.join('、')}承担`);
  for (const r of change.rolesChanged) {
    parts.push(`${r.party}由${ROLE[r.from] ?? r.from}改为${ROLE[r.to] ?? r.to}`);
  }
  return parts.join('；');
}
