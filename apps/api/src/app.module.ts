import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuditModule } from '../../../libs/audit';
import { AuthModule } from '../../../libs/auth';
import { CalendarModule } from '../../../libs/calendar';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { NotificationsModule } from '../../../libs/notifications';
import { PolicyModule } from '../../../libs/policy';
import { TasksModule } from '../../../libs/tasks';
import { TemporalModule } from '../../../libs/temporal';
import { ApiErrorFilter } from './api-error.filter';
import { AuditContextInterceptor } from './audit-context';
import { AuditController } from './audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { CalendarController } from './calendar.controller';
import { DocumentsController } from './documents.controller';
import { ImportsController } from './imports.controller';
import { InboxController } from './inbox.controller';
import { OpsModule } from './ops/ops.module';
import { RegistryController } from './registry.controller';
import { TasksController } from './tasks.controller';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    AuthModule,
    AuditModule,
    CalendarModule,
    PolicyModule,
    TasksModule,
    NotificationsModule,
    OpsModule,
  ],
  controllers: [
    AuditController,
    AuthController,
    DocumentsController,
    ImportsController,
    TasksController,
    RegistryController,
    CalendarController,
    InboxController,
    WebhooksController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ApiErrorFilter },
    // Global guards run in this order: floods are limited before any token is checked.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor },
  ],
})
export class AppModule {}
