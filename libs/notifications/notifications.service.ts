import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience } from '../clock/domain/ladder';
import { digestKeyOf } from './domain/digest';
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
    // Nest injects it; code that builds the service by hand gets one on the same data source.
    private readonly notifications: NotificationsRepository = new NotificationsRepository(db),
  ) {}

  /**
   * Writes one notification per audience of a task event, in the event's transaction; notices to
   * liaisons are addressed to the task's agency. A rung's notices name the digest they join
   * (delivered with it, not one by one). A retried event writes none twice.
   */
  async recordForEvent(
    task: { id: string; agencyId: string; documentId: string },
    event: { seq: number; type: string; detail: Record<string, unknown>; occurredAt: string },
    notify: AddressedNotice[],
    tx: EntityManager,
  ): Promise<void> {
    const rows = notify.map((n) => {
      const agencyId = n.audience === 'liaison' ? (n.agencyId ?? task.agencyId) : null;
      const addressee = { agencyId: agencyId ?? task.agencyId, documentId: task.documentId };
      return {
        audience: n.audience,
        agencyId,
        message: n.message,
        digestKey: digestKeyOf(event, n.audience, addressee),
      };
    });
    await this.notifications.insertForEvent(task.id, event.seq, rows, tx);
  }

  /** Deliveries (email, webhook) that failed for good after their retries. */
  failedDeliveries(): Promise<number> {
    return this.notifications.countFailedDeliveries();
  }
}
