import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '../../../../libs/calendar';
import { API_CONFIG, type ApiConfig } from '../../../../libs/config';
import { NotificationStoreModule } from '../../../../libs/notifications';
import { TasksModule } from '../../../../libs/tasks';
import { loggerParams } from './logging';
import { MetricsService } from './metrics.service';
import { OpsController } from './ops.controller';
import { throttlerOptions } from './rate-limit';
import { ReadinessService } from './readiness.service';

/**
 * Logging, rate-limit settings, probes and metrics. The ThrottlerGuard itself is registered in
 * AppModule, ahead of the auth guard, because global guards run in registration order.
 */
@Module({
  imports: [
    CalendarModule,
    TasksModule,
    NotificationStoreModule,
    LoggerModule.forRootAsync({ inject: [API_CONFIG], useFactory: loggerParams }),
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => throttlerOptions(config.rateLimit),
    }),
  ],
  controllers: [OpsController],
  providers: [MetricsService, ReadinessService],
  exports: [MetricsService],
})
export class OpsModule {}
