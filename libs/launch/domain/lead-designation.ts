import type { TaskRole } from '../../tasks/domain/task-state';

/** A party of a measure as the launch sees it. */
export interface MeasureParty {
  agencyId: string;
  agencyName: string;
  role: TaskRole;
}

export type LeadProblemCode = 'LEAD_ALREADY_NAMED' | 'AGENCY_NOT_ON_MEASURE';

export interface LeadProblem {
  code: LeadProblemCode;
  message: string;
}

/**
 * Whether the coordinator may make `agencyId` the lead (牵头) of a measure at launch: only where the
 * text names no lead, and only one of the measure's own parties (a new party is a correction in
 * the import preview, not a launch setting).
 */
export function leadDesignationProblem(
  measureNumber: string,
  parties: readonly MeasureParty[],
  agencyId: string,
): LeadProblem | null {
  const named = parties.filter((p) => p.role === 'lead');
  if (named.length > 0) {
    const names = named.map((p) => p.agencyName).join('、');
    return {
      code: 'LEAD_ALREADY_NAMED',
      message: `措施${measureNumber}原文已明确牵头单位（${names}），不能另行指定`,
    };
  }
  if (!parties.some((p) => p.agencyId === agencyId)) {
    return {
      code: 'AGENCY_NOT_ON_MEASURE',
      message: `指定的牵头单位不是措施${measureNumber}的责任单位，请从该措施的责任单位中选择`,
    };
  }
  return null;
}

/** The roles a designation gives: the lead, and the shared parties cooperating with it; others keep theirs. */
export function rolesAfterDesignation(parties: readonly MeasureParty[], agencyId: string): TaskRole[] {
  return parties.map((p) => (p.agencyId === agencyId ? 'lead' : p.role === 'shared' ? 'cooperating' : p.role));
}
