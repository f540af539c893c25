import { Global, Module } from '@nestjs/common';
import { apiConfig, serviceConfig } from './config';

/** The settings every process needs (AppConfig). */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The API's settings (ApiConfig): sign-in, HTTP, rate limits, and all of APP_CONFIG. */
export const API_CONFIG = Symbol('API_CONFIG');

/** The API's configuration, read once per process. */
@Global()
@Module({
  providers: [
    { provide: API_CONFIG, useFactory: apiConfig },
    { provide: APP_CONFIG, useFactory: apiConfig },
  ],
  exports: [API_CONFIG, APP_CONFIG],
})
export class ConfigModule {}

/** The worker's configuration: only what the worker uses is demanded. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: serviceConfig }],
  exports: [APP_CONFIG],
})
export class WorkerConfigModule {}
