import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsModule } from '../documents/documents.module';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationStoreModule } from '../notifications/notification-store.module';
import { NoticesModule } from '../notices/notices.module';
import { AuditModule } from '../audit/audit.module';
import { CircularBackfillService } from './circular-backfill.service';
import { CircularsRepository } from './circulars.repository';
import { CircularsService } from './circulars.service';

/** 情况通报: owns the `circular` table; reads tasks through the ledger's as-of rebuild. */
@Module({
  imports: [LedgerModule, DocumentsModule, CalendarModule, NotificationStoreModule, NoticesModule],
  providers: [CircularsRepository, CircularsService],
  exports: [CircularsService],
})
export class CircularsModule {}

/** The API's side: reads, and backfill through the schedules (needs the Temporal client). */
@Module({
  imports: [CircularsModule, AuditModule, DocumentsModule],
  providers: [CircularBackfillService],
  exports: [CircularsModule, CircularBackfillService],
})
export class CircularsApiModule {}
