export { EvidenceModule } from './evidence.module';
export { EvidenceService, type AttachmentView, type AttachmentRef } from './evidence.service';
export { EVIDENCE_ERRORS, EvidenceError, type EvidenceErrorCode, personalDataError } from './evidence.errors';
export { findPersonalData, PERSONAL_DATA_LABELS, type PersonalDataFound } from './domain/personal-data';
export { ALLOWED_EXTENSIONS, CONTENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_NAME_LENGTH } from './domain/file-types';
