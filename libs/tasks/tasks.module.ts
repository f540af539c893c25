import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { LaunchService } from './launch.service';
import { TaskActionsService } from './task-actions.service';
import { TaskEventsService } from './task-events.service';
import { TaskQueryService } from './task-query.service';
import { NotificationQueryService } from './notification-query.service';

@Module({
  imports: [CalendarModule, AuditModule],
  providers: [LaunchService, TaskActionsService, TaskQueryService, TaskEventsService, NotificationQueryService],
  exports: [LaunchService, TaskActionsService, TaskQueryService, TaskEventsService, NotificationQueryService],
})
export class TasksModule {}

/** What the worker needs: the stores behind the activities, without the Temporal client. */
@Module({
  imports: [CalendarModule],
  providers: [TaskEventsService],
  exports: [TaskEventsService, CalendarModule],
})
export class TaskEventsModule {}
