import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ImportService } from './import.service';
import { PolicyService } from './policy.service';
import { RegistryService } from './registry.service';

@Module({
  imports: [AuditModule],
  providers: [PolicyService, ImportService, RegistryService],
  exports: [PolicyService, ImportService, RegistryService],
})
export class PolicyModule {}
