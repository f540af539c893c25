export { loadConfig, loadDatabaseUrl, loadDemoPassword, ConfigError } from './config';
export { LOG_LEVELS } from './config';
export type { AppConfig, LogLevel, RateLimits } from './config';
export { ConfigModule, APP_CONFIG } from './config.module';
