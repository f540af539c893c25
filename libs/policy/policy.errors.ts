export type PolicyErrorCode = 'EMPTY_DOCUMENT' | 'NOT_TEXT' | 'TEXT_TOO_LONG' | 'NO_MEASURES' | 'DOCUMENT_NOT_FOUND';

/** A document could not be imported or found; the API maps `code` to an HTTP status. */
export class PolicyError extends Error {
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}
