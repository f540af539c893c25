export { PolicyModule } from './policy.module';
export { PolicyService, type ImportedDocument } from './policy.service';
export { PolicyError, type PolicyErrorCode } from './policy.errors';
export { parsePolicy, partiesOf } from './domain/parse-policy';
export { checkText } from './domain/check-text';
export type { ParseResult } from './domain/parse-result.types';
