/**
 * The coordinators of a document: the one who launched it, while still an active coordinator;
 * otherwise (a document launched before this was recorded, or its coordinator gone) all of them,
 * so that a notice is never dropped for want of an owner.
 */
export function documentCoordinators<R extends { userId: string }>(coordinators: R[], launchedBy: string | null): R[] {
  const own = launchedBy ? coordinators.filter((c) => c.userId === launchedBy) : [];
  return own.length > 0 ? own : coordinators;
}
