import { Module } from '@nestjs/common';
import { ImportService } from './import.service';
import { PolicyService } from './policy.service';
import { RegistryService } from './registry.service';

@Module({
  providers: [PolicyService, ImportService, RegistryService],
  exports: [PolicyService, ImportService, RegistryService],
})
export class PolicyModule {}
