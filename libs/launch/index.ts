export { LaunchModule } from './launch.module';
export {
  DEFAULT_MAX_EXTENSIONS,
  type LaunchPreview,
  type LaunchRequest,
  type LaunchResult,
  LaunchService,
  type MeasureDuePreview,
} from './launch.service';
export { documentWorkflowId, measureWorkflowId, taskWorkflowId } from './launch.definitions';
export { createLaunchActivities, type LaunchActivityDeps } from './launch.activities';
