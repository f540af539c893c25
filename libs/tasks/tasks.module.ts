import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsModule } from '../documents/documents.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { NotificationStoreModule } from '../notifications/notification-store.module';
import { CalendarReplanService } from './calendar-replan.service';
import { TaskActionsService } from './task-actions.service';
import { TaskAttachmentsService } from './task-attachments.service';
import { TaskBatchService } from './task-batch.service';
import { TaskEventsService } from './task-events.service';
import { TaskQueryService } from './task-query.service';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [CalendarModule, AuditModule, DocumentsModule, NotificationStoreModule, EvidenceModule],
  providers: [
    TaskActionsService,
    TaskAttachmentsService,
    TaskBatchService,
    TaskQueryService,
    TaskEventsService,
    TasksService,
    TaskRepository,
    CalendarReplanService,
  ],
  exports: [
    TaskActionsService,
    TaskAttachmentsService,
    TaskBatchService,
    TaskQueryService,
    TaskEventsService,
    TasksService,
    CalendarReplanService,
  ],
})
export class TasksModule {}

/**
 * What the worker needs: the stores behind the activities and the reads (as-of rebuilds for the
 * 台账 and 情况通报), without the Temporal client.
 */
@Module({
  imports: [CalendarModule, NotificationStoreModule, AuditModule, DocumentsModule],
  providers: [TaskEventsService, TaskRepository, TasksService, TaskQueryService],
  exports: [TaskEventsService, TasksService, TaskQueryService, CalendarModule],
})
export class TaskEventsModule {}
