export { AuditModule } from './audit.module';
export { AuditService, type AuditRecord, type AuditView, type AuditPage } from './audit.service';
export { type AuditContext, runWithAuditContext, currentAuditContext, SYSTEM_ACTOR } from './audit-context';
