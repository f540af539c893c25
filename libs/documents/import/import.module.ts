import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { TasksModule } from '../../tasks/tasks.module';
import { DocumentsModule } from '../documents.module';
import { RegistryModule } from '../registry/registry.module';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

@Module({
  imports: [AuditModule, DocumentsModule, RegistryModule, TasksModule],
  providers: [ImportService, ImportRepository],
  exports: [ImportService],
})
export class ImportModule {}
