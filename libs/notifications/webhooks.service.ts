import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryService } from '../documents/registry/registry.service';
import { DocumentError } from '../documents/documents.errors';
import { NotificationError } from './notifications.errors';
import { NotificationsRepository, type WebhookRow } from './notifications.repository';

export interface WebhookView {
  id: string;
  agencyId: string | null;
  url: string;
  description: string;
  active: boolean;
  createdBy: string | null;
  createdAt: string;
  disabledAt: string | null;
}

const view = (r: WebhookRow): WebhookView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  disabledAt: r.disabledAt ? r.disabledAt.toISOString() : null,
});

/** Admins register webhooks; the secret is shown once, on creation, and never listed. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsRepository,
    private readonly registry: RegistryService,
  ) {}

  async list(): Promise<WebhookView[]> {
    return (await this.notifications.webhooks()).map(view);
  }

  async create(input: {
    url: string;
    agencyId?: string | null;
    description?: string;
    secret?: string;
    createdBy: string;
  }): Promise<WebhookView & { secret: string }> {
    if (input.agencyId) {
      // The registry's own error: one AGENCY_NOT_FOUND for the whole API.
      if (!(await this.registry.agencyExists(input.agencyId))) {
        throw new DocumentError('AGENCY_NOT_FOUND', `找不到单位 ${input.agencyId}`);
      }
    }
    const secret = input.secret ?? randomBytes(32).toString('hex');
    return this.db.transaction(async (tx) => {
      const row = await this.notifications.insertWebhook(
        {
          agencyId: input.agencyId ?? null,
          url: input.url,
          secret,
          description: input.description ?? '',
          createdBy: input.createdBy,
        },
        tx,
      );
      const created = view(row);
      // The secret stays out of the audit log.
      await this.audit.record(tx, {
        action: 'webhook.create',
        targetType: 'webhook',
        targetId: created.id,
        after: created,
      });
      return { ...created, secret };
    });
  }

  /** Repeat-safe; deliveries already under way finish their current attempt, later ones skip it. */
  async disable(id: string): Promise<WebhookView> {
    return this.db.transaction(async (tx) => {
      const before = await this.notifications.webhookById(id, tx, true);
      if (!before) throw new NotificationError('WEBHOOK_NOT_FOUND', `找不到 webhook ${id}`);
      if (!before.active) return view(before);
      await this.notifications.disableWebhook(id, tx);
      const after = await this.notifications.webhookById(id, tx);
      if (!after) throw new NotificationError('WEBHOOK_NOT_FOUND', `找不到 webhook ${id}`);
      await this.audit.record(tx, {
        action: 'webhook.disable',
        targetType: 'webhook',
        targetId: id,
        before: view(before),
        after: view(after),
      });
      return view(after);
    });
  }
}
