import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';
import { PERSONAL_DATA_LABELS, type PersonalDataFound } from './domain/personal-data';

export type EvidenceErrorCode = keyof typeof EVIDENCE_ERRORS;

/** Every code of the evidence context and its HTTP status. */
export const EVIDENCE_ERRORS = {
  FILE_REQUIRED: 400,
  MALFORMED_UPLOAD: 400,
  INVALID_FILE_NAME: 400,
  EMPTY_FILE: 400,
  ATTACHMENT_NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  ATTACHMENT_NOT_OF_TASK: 422,
  PERSONAL_DATA: 422,
} as const satisfies ErrorStatuses<string>;

/** A business error of the evidence context. */
export class EvidenceError extends DomainError<EvidenceErrorCode> {
  constructor(code: EvidenceErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'EvidenceError';
  }
}

/** The refusal of personal data found in `where` (a field's label); it never repeats the number. */
export function personalDataError(where: string, found: PersonalDataFound, field: string): EvidenceError {
  const kind = PERSONAL_DATA_LABELS[found.kind];
  return new EvidenceError(
    'PERSONAL_DATA',
    `${where}第 ${found.index + 1} 个字符起疑似${kind}：督办材料不得含有儿童等个人信息，请删除后重新提交`,
    { field, kind: found.kind, index: found.index },
  );
}
