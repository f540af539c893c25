/**
 * The coordinators of a document: the one who launched it, while still an active coordinator;
 * otherwise (a document launched before this was recorded, or its coordinator gone) all of them,
 * so that a notice is never dropped for want of an owner.
 */
export function documentCoordinators<R extends { userId: string }>(coordinators: R[], launchedBy: string | null): R[] {
  return ownOrAll(coordinators, launchedBy);
}

/**
 * The leader a digest is addressed to, while still an active leader; otherwise (no addressee, or
 * the leader disabled since it was composed) all leaders, so that a 督办 is never dropped.
 */
export function addressedLeaders<R extends { userId: string }>(leaders: R[], addressee: string | null): R[] {
  return ownOrAll(leaders, addressee);
}

function ownOrAll<R extends { userId: string }>(users: R[], owner: string | null): R[] {
  const own = owner ? users.filter((u) => u.userId === owner) : [];
  return own.length > 0 ? own : users;
}
