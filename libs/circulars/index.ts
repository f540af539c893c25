export { CircularsApiModule, CircularsModule } from './circulars.module';
export { CircularBackfillService } from './circular-backfill.service';
export {
  CIRCULAR_CONTENT_TYPES,
  CIRCULAR_FORMATS,
  type CircularFormat,
  CircularsService,
  type StartDeliveries,
} from './circulars.service';
export { CIRCULAR_ERRORS, CircularError, type CircularErrorCode } from './circulars.errors';
export { CircularSchedules } from './circular-schedules';
export { createCircularActivities } from './circular.activities';
export { circularScheduleId } from './circular.definitions';
export { CIRCULAR_KINDS, type CircularKind } from './domain/circular-period';
