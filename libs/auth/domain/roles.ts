/** Who may do what: the roles of PRODUCT.md and the principal a request carries. */
export const ROLES = ['admin', 'coordinator', 'liaison', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Agencies a liaison acts for. */
  agencyIds: string[];
  /** Liaisons who named this user their deputy (代理) for a period that includes today. */
  actingFor?: ActingFor[];
}

export interface ActingFor {
  userId: string;
  displayName: string;
  agencyIds: string[];
}

export function hasAnyRole(p: Principal, allowed: readonly Role[]): boolean {
  return p.roles.some((r) => allowed.includes(r));
}

/**
 * Liaisons see only their agencies' tasks; everyone else with access sees all. Returns the
 * agency ids to restrict to, or null for no restriction.
 */
export function agencyScope(p: Principal): string[] | null {
  return hasAnyRole(p, ['admin', 'coordinator', 'leader']) ? null : liaisonScope(p);
}

/**
 * Separation of duties: a liaison acts only for their own agencies (and those of liaisons they
 * stand in for today), whatever other roles they hold, so a coordinator who is also a liaison
 * cannot acknowledge or submit another agency's task.
 */
export function liaisonScope(p: Principal): string[] {
  return [...new Set([...p.agencyIds, ...(p.actingFor ?? []).flatMap((a) => a.agencyIds)])];
}

/** Whom the user stands in for on an agency's task: null on their own agencies' tasks. */
export function standingInFor(p: Principal, agencyId: string): ActingFor | null {
  if (p.agencyIds.includes(agencyId)) return null;
  return p.actingFor?.find((a) => a.agencyIds.includes(agencyId)) ?? null;
}

/** A password good enough for a government system: 10+ characters, letters and digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}
