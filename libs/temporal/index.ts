export { TemporalModule, TEMPORAL_CLIENT } from './temporal.module';
