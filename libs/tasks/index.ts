export { TasksModule, TaskEventsModule } from './tasks.module';
export { TASK_ERRORS, TaskError, type TaskErrorCode } from './tasks.errors';
export { TaskActionsService, type TaskCommand } from './task-actions.service';
export { TaskQueryService } from './task-query.service';
export { TasksService } from './tasks.service';
export { TaskEventsService } from './task-events.service';
export { createTaskActivities } from './task.activities';
export { TASK_STATES, STATE_LABELS, type TaskState } from './domain/task-state';
