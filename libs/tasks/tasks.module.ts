import { Module } from '@nestjs/common';
import { LaunchService } from './launch.service';
import { TaskActionsService } from './task-actions.service';
import { TaskEventsService } from './task-events.service';
import { TaskQueryService } from './task-query.service';

@Module({
  providers: [LaunchService, TaskActionsService, TaskQueryService, TaskEventsService],
  exports: [LaunchService, TaskActionsService, TaskQueryService, TaskEventsService],
})
export class TasksModule {}

/** What the worker needs: the event store behind the activities, without the Temporal client. */
@Module({
  providers: [TaskEventsService],
  exports: [TaskEventsService],
})
export class TaskEventsModule {}
