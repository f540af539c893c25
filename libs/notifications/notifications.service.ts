import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import type { Audience } from '../clock/domain/ladder';
import { digestsOf, isDigested } from './domain/digest';
import { NotificationsRepository } from './notifications.repository';

/** The notification rows themselves: written with each task event, counted for metrics. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() db: DataSource,
    // Nest injects them; code that builds the service by hand gets them on the same data source.
    private readonly notifications: NotificationsRepository = new NotificationsRepository(db),
    private readonly users: UsersService = new UsersService(db),
  ) {}

  /**
   * Writes one notification per audience of a task event, in the event's transaction; notices to
   * liaisons are addressed to the task's agency. A rung's notices name the digests they join
   * (delivered with them, not one by one): a leaders' notice joins the digest of each leader who
   * supervises (分管) the task's agency, or of every leader where none does. A retried event
   * writes none twice.
   */
  async recordForEvent(
    task: { id: string; agencyId: string; documentId: string },
    event: { seq: number; type: string; detail: Record<string, unknown>; occurredAt: string },
    notify: { audience: Audience; message: string }[],
    tx: EntityManager,
  ): Promise<void> {
    const toLeaders = isDigested(event) && notify.some((n) => n.audience === 'leader');
    const leaders = toLeaders ? (await this.users.leadersFor(task.agencyId, tx)).map((l) => l.userId) : [];
    const rows = notify.map((n) => ({
      audience: n.audience,
      agencyId: n.audience === 'liaison' ? task.agencyId : null,
      message: n.message,
      digests: digestsOf(event, n.audience, task, leaders),
    }));
    await this.notifications.insertForEvent(task.id, event.seq, rows, tx);
  }

  /** Deliveries (email, webhook) that failed for good after their retries. */
  failedDeliveries(): Promise<number> {
    return this.notifications.countFailedDeliveries();
  }
}
