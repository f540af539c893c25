import { Module } from '@nestjs/common';
import { UsersModule } from '../auth/auth.module';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** The notifications context's tables, for the tasks context (events write notifications) and the modules below. */
@Module({
  // Leaders' notices join their 分管 leaders' digests, which the users decide.
  imports: [UsersModule],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsRepository, NotificationsService],
})
export class NotificationStoreModule {}
