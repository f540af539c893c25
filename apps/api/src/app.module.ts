import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthModule } from '../../../libs/auth';
import { CalendarModule } from '../../../libs/calendar';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { PolicyModule } from '../../../libs/policy';
import { TasksModule } from '../../../libs/tasks';
import { TemporalModule } from '../../../libs/temporal';
import { ApiErrorFilter } from './api-error.filter';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { CalendarController } from './calendar.controller';
import { DocumentsController } from './documents.controller';
import { ImportsController } from './imports.controller';
import { OpsModule } from './ops/ops.module';
import { RegistryController } from './registry.controller';
import { TasksController } from './tasks.controller';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    AuthModule,
    CalendarModule,
    PolicyModule,
    TasksModule,
    OpsModule,
  ],
  controllers: [
    AuthController,
    DocumentsController,
    ImportsController,
    TasksController,
    RegistryController,
    CalendarController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ApiErrorFilter },
    // Global guards run in this order: floods are limited before any token is checked.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AppModule {}
