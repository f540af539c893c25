export { LaunchModule } from './launch.module';
export { DEFAULT_MAX_EXTENSIONS, type LaunchRequest, type LaunchResult, LaunchService } from './launch.service';
export { documentWorkflowId, measureWorkflowId, taskWorkflowId } from './launch.definitions';
export { createLaunchActivities, type LaunchActivityDeps } from './launch.activities';
