import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { TasksModule } from '../../tasks/tasks.module';
import { RegistryRepository } from './registry.repository';
import { RegistryService } from './registry.service';

@Module({
  imports: [AuditModule, TasksModule],
  providers: [RegistryService, RegistryRepository],
  exports: [RegistryService],
})
export class RegistryModule {}
