import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuditModule } from '../../../libs/audit';
import { AuthModule } from '../../../libs/auth';
import { CalendarModule } from '../../../libs/calendar';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { NotificationsModule } from '../../../libs/notifications';
import { NoticesModule } from '../../../libs/notices';
import { DocumentsModule, ImportModule, RegistryModule } from '../../../libs/documents';
import { LaunchModule } from '../../../libs/launch';
import { LedgerModule } from '../../../libs/ledger';
import { CircularsApiModule } from '../../../libs/circulars';
import { WithdrawalModule } from '../../../libs/withdrawal';
import { RevisionModule } from '../../../libs/revision';
import { TasksModule } from '../../../libs/tasks';
import { TemporalModule } from '../../../libs/temporal';
import { ApiErrorFilter } from './errors/api-error.filter';
import { AuditContextInterceptor } from './audit/audit-context';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AttachmentsController } from './evidence/attachments.controller';
import { AuthGuard } from './auth/auth.guard';
import { CalendarController } from './calendar/calendar.controller';
import { DocumentsController } from './documents/documents.controller';
import { ImportsController } from './imports/imports.controller';
import { InboxController } from './inbox/inbox.controller';
import { LaunchController } from './launch/launch.controller';
import { LedgerController } from './ledger/ledger.controller';
import { CircularsController } from './circulars/circulars.controller';
import { WithdrawalController } from './withdrawal/withdrawal.controller';
import { TaskBatchController } from './tasks/batch.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { NoticesController } from './notices/notices.controller';
import { OpsModule } from './ops/ops.module';
import { RegistryController } from './registry/registry.controller';
import { TasksController } from './tasks/tasks.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    AuthModule,
    AuditModule,
    CalendarModule,
    DocumentsModule,
    RegistryModule,
    ImportModule,
    LaunchModule,
    WithdrawalModule,
    RevisionModule,
    TasksModule,
    LedgerModule,
    CircularsApiModule,
    NotificationsModule,
    NoticesModule,
    OpsModule,
    // The browser app (dist/web, built by Vite) on the same origin: files, and index.html for any
    // other GET outside /api. A renderPath rather than `exclude`: serve-static turns every error on
    // an excluded path into a 404, which would hide the API's 400 and 413 answers.
    ServeStaticModule.forRoot({ rootPath: join(__dirname, '../../../web'), renderPath: /^\/(?!api(?:\/|$))/ }),
  ],
  controllers: [
    AuditController,
    AuthController,
    DocumentsController,
    LaunchController,
    WithdrawalController,
    TaskBatchController,
    NotificationsController,
    ImportsController,
    TasksController,
    LedgerController,
    CircularsController,
    AttachmentsController,
    NoticesController,
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
