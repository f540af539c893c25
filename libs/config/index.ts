export { loadConfig, loadDatabaseUrl, ConfigError } from './config';
export type { AppConfig } from './config';
export { ConfigModule, APP_CONFIG } from './config.module';
