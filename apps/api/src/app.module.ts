import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { PolicyModule } from '../../../libs/policy';
import { TasksModule } from '../../../libs/tasks';
import { TemporalModule } from '../../../libs/temporal';
import { ApiErrorFilter } from './api-error.filter';
import { DocumentsController } from './documents.controller';
import { HealthController } from './health.controller';
import { TasksController } from './tasks.controller';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, PolicyModule, TasksModule],
  controllers: [DocumentsController, TasksController, HealthController],
  providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }],
})
export class AppModule {}
