export { DocumentsModule } from './documents.module';
export { DocumentsService } from './documents.service';
export { ImportService, type ImportPreview, type CorrectionInput } from './import/import.service';
export { RegistryService, type AgencyView } from './registry/registry.service';
export { DocumentError, type DocumentErrorCode } from './documents.errors';
export { parsePolicy, partiesOf } from './parse/parse-policy';
export { checkText } from './parse/check-text';
export { AGENCY_KINDS, type AgencyKind } from './registry/domain/registry.types';
export type { ParseOptions, ParseResult } from './parse/parse-result.types';
