import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotificationError } from './notifications.errors';

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

type Row = Omit<WebhookView, 'createdAt' | 'disabledAt'> & { createdAt: Date; disabledAt: Date | null };

const COLUMNS = `id, agency_id AS "agencyId", url, description, active, created_by AS "createdBy",
  created_at AS "createdAt", disabled_at AS "disabledAt"`;

const view = (r: Row): WebhookView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  disabledAt: r.disabledAt ? r.disabledAt.toISOString() : null,
});

/** Admins register webhooks; the secret is shown once, on creation, and never listed. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Nest injects it; code that builds the service by hand gets one on the same data source.
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  async list(): Promise<WebhookView[]> {
    return (await this.db.query<Row[]>(`SELECT ${COLUMNS} FROM webhook ORDER BY created_at, id`)).map(view);
  }

  async create(input: {
    url: string;
    agencyId?: string | null;
    description?: string;
    secret?: string;
    createdBy: string;
  }): Promise<WebhookView & { secret: string }> {
    if (input.agencyId) {
      const agency = await this.db.query<unknown[]>('SELECT 1 FROM agency WHERE id = $1', [input.agencyId]);
      if (agency.length === 0) throw new NotificationError('AGENCY_NOT_FOUND', `找不到单位 ${input.agencyId}`);
    }
    const secret = input.secret ?? randomBytes(32).toString('hex');
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Row[]>(
        `INSERT INTO webhook (agency_id, url, secret, description, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLUMNS}`,
        [input.agencyId ?? null, input.url, secret, input.description ?? '', input.createdBy],
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
      const before = await tx.query<Row[]>(`SELECT ${COLUMNS} FROM webhook WHERE id = $1 FOR UPDATE`, [id]);
      if (before.length === 0) throw new NotificationError('WEBHOOK_NOT_FOUND', `找不到 webhook ${id}`);
      if (!before[0].active) return view(before[0]);
      await tx.query('UPDATE webhook SET active = false, disabled_at = now() WHERE id = $1', [id]);
      const [after] = await tx.query<Row[]>(`SELECT ${COLUMNS} FROM webhook WHERE id = $1`, [id]);
      await this.audit.record(tx, {
        action: 'webhook.disable',
        targetType: 'webhook',
        targetId: id,
        before: view(before[0]),
        after: view(after),
      });
      return view(after);
    });
  }
}
