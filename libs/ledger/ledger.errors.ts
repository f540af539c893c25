import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';
import type { SharedErrorCode } from '../errors/shared.errors';

export type LedgerErrorCode = SharedErrorCode | keyof typeof LEDGER_ERRORS;

/** Every code of the ledger context and its HTTP status; an invalid date is the shared INVALID_DATE. */
export const LEDGER_ERRORS = {
  // A ledger records what happened: a day that has not come yet has nothing to show.
  AS_OF_IN_FUTURE: 422,
} as const satisfies ErrorStatuses<string>;

/** A ledger export was refused. */
export class LedgerError extends DomainError<LedgerErrorCode> {
  constructor(code: LedgerErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'LedgerError';
  }
}
