import { Module } from '@nestjs/common';
import { WorkerConfigModule } from '../../../libs/config';
import { DatabaseModule } from '../../../libs/database';
import { DocumentsModule } from '../../../libs/documents/documents.module';
import { DeliveryModule } from '../../../libs/notifications';
import { TaskEventsModule } from '../../../libs/tasks';
import { CircularsModule } from '../../../libs/circulars';
import { NoticesModule } from '../../../libs/notices';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [
    WorkerConfigModule,
    DatabaseModule,
    DocumentsModule,
    TaskEventsModule,
    DeliveryModule,
    CircularsModule,
    NoticesModule,
  ],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
