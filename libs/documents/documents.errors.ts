import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';

export type DocumentErrorCode = keyof typeof DOCUMENT_ERRORS;

/** Every code of the documents context (parse, import, registry) and its HTTP status. */
export const DOCUMENT_ERRORS = {
  EMPTY_DOCUMENT: 400,
  NOT_TEXT: 400,
  NOT_UTF8: 400,
  INVALID_CORRECTION: 400,
  TEXT_TOO_LONG: 413,
  NO_MEASURES: 422,
  TABLE_WITHOUT_LEAD_COLUMN: 422,
  DOCUMENT_NOT_FOUND: 404,
  MEASURE_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  GROUP_NOT_FOUND: 404,
  IMPORT_CONFIRMED: 409,
  UNRESOLVED_PARTIES: 409,
  AGENCY_EXISTS: 409,
  ALIAS_TAKEN: 409,
  DOCUMENT_WITHDRAWN: 409,
} as const satisfies ErrorStatuses<string>;

/** A document could not be imported or found; also thrown by tasks and launch for a missing document. */
export class DocumentError extends DomainError<DocumentErrorCode> {
  constructor(code: DocumentErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'DocumentError';
  }
}
