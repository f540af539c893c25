export type DocumentErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'NOT_TEXT'
  | 'NOT_UTF8'
  | 'TEXT_TOO_LONG'
  | 'NO_MEASURES'
  | 'DOCUMENT_NOT_FOUND'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_CONFIRMED'
  | 'UNRESOLVED_PARTIES'
  | 'INVALID_CORRECTION'
  | 'AGENCY_NOT_FOUND'
  | 'AGENCY_EXISTS'
  | 'ALIAS_TAKEN'
  | 'GROUP_NOT_FOUND';

/** A document could not be imported or found; the API maps `code` to an HTTP status. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
