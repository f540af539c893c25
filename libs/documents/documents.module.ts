import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ImportService } from './import/import.service';
import { DocumentsService } from './documents.service';
import { RegistryService } from './registry/registry.service';

@Module({
  imports: [AuditModule],
  providers: [DocumentsService, ImportService, RegistryService],
  exports: [DocumentsService, ImportService, RegistryService],
})
export class DocumentsModule {}
