import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ImportModule } from '../documents/import/import.module';
import { TasksModule } from '../tasks/tasks.module';
import { WithdrawalModule } from '../withdrawal/withdrawal.module';
import { RevisionService } from './revision.service';

@Module({
  imports: [DocumentsModule, ImportModule, TasksModule, WithdrawalModule],
  providers: [RevisionService],
  exports: [RevisionService],
})
export class RevisionModule {}
