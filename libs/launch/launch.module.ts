import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { LaunchService } from './launch.service';

@Module({
  imports: [CalendarModule, AuditModule],
  providers: [LaunchService],
  exports: [LaunchService],
})
export class LaunchModule {}
