export { DomainError, type ErrorStatuses } from './domain/domain-error';
export { SHARED_ERRORS, type SharedErrorCode } from './shared.errors';
