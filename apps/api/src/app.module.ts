import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CalendarModule } from '../../../libs/calendar';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { PolicyModule } from '../../../libs/policy';
import { TasksModule } from '../../../libs/tasks';
import { TemporalModule } from '../../../libs/temporal';
import { ApiErrorFilter } from './api-error.filter';
import { CalendarController } from './calendar.controller';
import { DocumentsController } from './documents.controller';
import { HealthController } from './health.controller';
import { ImportsController } from './imports.controller';
import { RegistryController } from './registry.controller';
import { TasksController } from './tasks.controller';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, CalendarModule, PolicyModule, TasksModule],
  controllers: [
    DocumentsController,
    ImportsController,
    TasksController,
    RegistryController,
    CalendarController,
    HealthController,
  ],
  providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }],
})
export class AppModule {}
