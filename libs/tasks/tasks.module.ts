import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { TaskActionsService } from './task-actions.service';
import { TaskEventsService } from './task-events.service';
import { TaskQueryService } from './task-query.service';

@Module({
  imports: [CalendarModule, AuditModule],
  providers: [TaskActionsService, TaskQueryService, TaskEventsService],
  exports: [TaskActionsService, TaskQueryService, TaskEventsService],
})
export class TasksModule {}

/** What the worker needs: the stores behind the activities, without the Temporal client. */
@Module({
  imports: [CalendarModule],
  providers: [TaskEventsService],
  exports: [TaskEventsService, CalendarModule],
})
export class TaskEventsModule {}
