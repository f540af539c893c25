import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

/** Numbered notices (督办通知单, 催办通知书) and their templates; reads what it lists, writes only its own tables. */
@Module({
  imports: [AuditModule],
  providers: [NoticesService, NoticesRepository],
  exports: [NoticesService],
})
export class NoticesModule {}
