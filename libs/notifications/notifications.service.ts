import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import type { Audience } from '../clock/domain/ladder';
import { digestsOf, isDigested } from './domain/digest';
import { NotificationsRepository } from './notifications.repository';

/** A notice of a task event; a liaison notice goes to `agencyId` when given (a lead's), else the task's agency. */
export interface AddressedNotice {
  audience: Audience;
  message: string;
  agencyId?: string;
}

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
    notify: AddressedNotice[],
    tx: EntityManager,
  ): Promise<void> {
    const toLeaders = isDigested(event) && notify.some((n) => n.audience === 'leader');
    const leaders = toLeaders ? (await this.users.leadersFor(task.agencyId, tx)).map((l) => l.userId) : [];
    const rows = notify.map((n) => {
      // A liaison notice goes to the agency it names (a cooperating task's lead) or the task's own.
      const agencyId = n.audience === 'liaison' ? (n.agencyId ?? task.agencyId) : null;
      const addressee = { agencyId: agencyId ?? task.agencyId, documentId: task.documentId };
      return {
        audience: n.audience,
        agencyId,
        message: n.message,
        digests: digestsOf(event, n.audience, addressee, leaders),
      };
    });
    await this.notifications.insertForEvent(task.id, event.seq, rows, tx);
  }

  /** Deliveries (email, webhook) that failed for good after their retries. */
  failedDeliveries(): Promise<number> {
    return this.notifications.countFailedDeliveries();
  }
}
