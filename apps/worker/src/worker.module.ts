import { Module } from '@nestjs/common';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { TaskEventsModule } from '../../../libs/tasks';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [ConfigModule, DatabaseModule, TaskEventsModule],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
