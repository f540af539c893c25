export {
  apiConfig,
  ConfigError,
  loadConfig,
  loadDatabaseUrl,
  loadDemoPassword,
  loadServiceConfig,
  LOG_LEVELS,
  resetConfigCache,
  serviceConfig,
} from './config';
export type { ApiConfig, AppConfig, LogLevel, RateLimits } from './config';
export { API_CONFIG, APP_CONFIG, ConfigModule, WorkerConfigModule } from './config.module';
