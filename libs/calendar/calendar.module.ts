import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { HolidayNoticeService } from './holiday-notice.service';

@Module({
  imports: [AuditModule],
  providers: [CalendarService, CalendarRepository, HolidayNoticeService],
  exports: [CalendarService, HolidayNoticeService],
})
export class CalendarModule {}
