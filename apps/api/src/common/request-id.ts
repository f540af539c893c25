import type { Principal } from '../../../../libs/auth';

/** The id a retried request (same Idempotency-Key) is recognised by: per user, so two people's keys never collide. */
export const requestIdOf = (me: Principal, key?: string): string | undefined =>
  key ? `${me.userId}:${key.slice(0, 200)}` : undefined;
