import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsModule } from '../documents/documents.module';
import { TaskEventsModule } from '../tasks/tasks.module';
import { LedgerService } from './ledger.service';

/** 督办台账: reads through the documents, tasks and calendar contexts; owns no table. */
@Module({
  imports: [DocumentsModule, TaskEventsModule, CalendarModule],
  providers: [LedgerService],
  exports: [LedgerService],
})
export class LedgerModule {}
