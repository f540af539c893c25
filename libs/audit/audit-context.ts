import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and in which request; set once per HTTP request, read where changes are recorded. */
export interface AuditContext {
  actorId: string | null;
  actorName: string;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `fn` (and everything it awaits) with `context` as the current actor and request. */
export function runWithAuditContext<T>(context: AuditContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Outside a request (CLI, first-run admin, worker) changes are made by the system itself. */
export const SYSTEM_ACTOR: AuditContext = { actorId: null, actorName: 'system', requestId: null };

export function currentAuditContext(): AuditContext {
  return storage.getStore() ?? SYSTEM_ACTOR;
}
