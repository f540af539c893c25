import { currentAuditContext, runWithAuditContext } from '../audit/audit-context';

/** For a deputy (代理): the name of the liaison they stand in for on an agency's tasks, if any. */
export type StandIn = (agencyId: string) => string | null;

/**
 * Runs `fn` as 「甲 代 乙」 when the user stands in for 乙 (`name`): the audit actor's name says so,
 * and `fn` gets the suffix to add to the actor text it records. Without a name, as it is.
 */
export function asStandIn<T>(name: string | null | undefined, fn: (suffix: string) => T): T {
  if (!name) return fn('');
  const who = currentAuditContext();
  return runWithAuditContext({ ...who, actorName: `${who.actorName} 代 ${name}` }, () => fn(` 代 ${name}`));
}
