import { Module } from '@nestjs/common';
import { ConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { DeliveryModule } from '../../../libs/notifications';
import { TaskEventsModule } from '../../../libs/tasks';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [ConfigModule, DatabaseModule, TaskEventsModule, DeliveryModule],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
