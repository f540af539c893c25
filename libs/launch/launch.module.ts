import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsModule } from '../documents/documents.module';
import { TasksModule } from '../tasks/tasks.module';
import { LaunchService } from './launch.service';

@Module({
  imports: [CalendarModule, AuditModule, DocumentsModule, TasksModule],
  providers: [LaunchService],
  exports: [LaunchService],
})
export class LaunchModule {}
