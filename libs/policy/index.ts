export { PolicyModule } from './policy.module';
export { PolicyService } from './policy.service';
export { ImportService, type ImportPreview, type CorrectionInput } from './import.service';
export { RegistryService, type AgencyView } from './registry.service';
export { PolicyError, type PolicyErrorCode } from './policy.errors';
export { parsePolicy, partiesOf } from './domain/parse-policy';
export { checkText } from './domain/check-text';
export { AGENCY_KINDS, type AgencyKind } from './domain/registry.types';
export type { ParseOptions, ParseResult } from './domain/parse-result.types';
