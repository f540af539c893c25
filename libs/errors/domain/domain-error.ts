/**
 * A business rule refused something. `code` is the stable string clients branch on, `message` is
 * Chinese for people, `details` says what was wrong. Each context subclasses it with its codes and
 * declares their HTTP statuses in one table beside the class; the API's filter looks them up.
 * Pure TypeScript, so domain code (and the workflow sandbox) can throw it.
 */
export abstract class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A context's codes and the HTTP status each one answers with. */
export type ErrorStatuses<C extends string> = Readonly<Record<C, number>>;
