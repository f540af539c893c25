import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Contact, NoticeItem } from './domain/notice-content';
import type { NoticeKind, TemplateKind } from './domain/notice-number';
import type { AgencyTasks, NumberedNotice, UrgeDay } from './domain/notice-set';

export interface NoticeRow extends NumberedNotice {
  id: string;
  documentId: string;
  agency: string;
}

export interface NoticeDocument {
  id: string;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  coordinator: string | null;
  /** The Beijing day of the launch; null before it. */
  launchDay: string | null;
  launchedBy: Contact | null;
}

export interface TemplateRow {
  kind: NoticeKind;
  name: string;
  content: Buffer;
  sha256: string;
  uploadedAt: Date;
}

const BEIJING_DAY = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
const NOTICE = `n.id, n.document_id AS "documentId", n.agency_id AS "agencyId", a.name AS agency, n.kind,
  n.day::text AS day, n.year, n.seq, n.number`;

/**
 * SQL of the notices context: it writes `notice` and `notice_template` only. Its read model joins
 * the tables a notice is made from (document, measures, tasks and their 催办 events, the agency's
 * liaisons' contacts as stored, the inbox items and digest members a 催办 reached), never writing them.
 */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Serialises numbering per document for the caller's transaction. */
  async lockNumbering(documentId: string, tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('notice:' || $1::text, 0))`, [documentId]);
  }

  async document(id: string, manager: EntityManager = this.db.manager): Promise<NoticeDocument | null> {
    const rows = await manager.query<(Omit<NoticeDocument, 'launchedBy'> & { byName: string | null } & Contact)[]>(
      `SELECT d.id, d.title, d.doc_number AS "docNumber", d.issuer, d.coordinator,
         ${BEIJING_DAY('d.launched_at')} AS "launchDay",
         u.display_name AS "byName", u.phone, u.email
       FROM policy_document d LEFT JOIN app_user u ON u.id = d.launched_by WHERE d.id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    const { byName, phone, email, ...doc } = rows[0];
    return { ...doc, launchedBy: byName ? { name: byName, phone, email } : null };
  }

  /** The agencies the launch issued tasks to (not successors of a 转办), with their first measure. */
  agencyTasks(documentId: string, manager: EntityManager): Promise<AgencyTasks[]> {
    return manager.query<AgencyTasks[]>(
      `SELECT t.agency_id AS "agencyId", a.name AS "agencyName", min(m.seq)::int AS "firstSeq"
       FROM task t JOIN measure m ON m.id = t.measure_id JOIN agency a ON a.id = t.agency_id
       WHERE t.document_id = $1 AND t.workflow_id IS NOT NULL AND t.reassigned_from IS NULL
       GROUP BY t.agency_id, a.name`,
      [documentId],
    );
  }

  /** Each agency and Beijing day on which one of its tasks on the document fired the 催办 rung (when it fired, not when planned). */
  urgeDays(documentId: string, manager: EntityManager): Promise<UrgeDay[]> {
    return manager.query<UrgeDay[]>(
      `SELECT DISTINCT t.agency_id AS "agencyId",
         ${BEIJING_DAY('e.occurred_at')} AS day
       FROM task_event e JOIN task t ON t.id = e.task_id
       WHERE t.document_id = $1 AND e.type = 'rung' AND e.detail->>'rule' = 'urge'`,
      [documentId],
    );
  }

  numbered(documentId: string, manager: EntityManager = this.db.manager): Promise<NoticeRow[]> {
    return manager.query<NoticeRow[]>(
      `SELECT ${NOTICE} FROM notice n JOIN agency a ON a.id = n.agency_id
       WHERE n.document_id = $1 ORDER BY n.kind, n.year, n.seq`,
      [documentId],
    );
  }

  async insert(documentId: string, fresh: NumberedNotice[], tx: EntityManager): Promise<void> {
    if (fresh.length === 0) return;
    await tx.query(
      `INSERT INTO notice (document_id, agency_id, kind, day, year, seq, number)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::date[], $5::int[], $6::int[], $7::text[])`,
      [
        documentId,
        fresh.map((n) => n.agencyId),
        fresh.map((n) => n.kind),
        fresh.map((n) => n.day),
        fresh.map((n) => n.year),
        fresh.map((n) => n.seq),
        fresh.map((n) => n.number),
      ],
    );
  }

  async notice(documentId: string, id: string): Promise<NoticeRow | null> {
    const rows = await this.db.query<NoticeRow[]>(
      `SELECT ${NOTICE} FROM notice n JOIN agency a ON a.id = n.agency_id WHERE n.document_id = $1 AND n.id = $2`,
      [documentId, id],
    );
    return rows[0] ?? null;
  }

  /** The measures of the agency's launched tasks, with the time limit set at launch. */
  supervisionItems(documentId: string, agencyId: string): Promise<NoticeItem[]> {
    return this.db.query<NoticeItem[]>(
      `SELECT m.number AS "measureNumber", m.title AS "measureTitle", t.role,
         (SELECT count(*) FROM task p WHERE p.measure_id = t.measure_id AND p.reassigned_from IS NULL)::int AS parties,
         COALESCE(m.due_date, d.due_date, t.due_date)::text AS "dueDate"
       FROM task t JOIN measure m ON m.id = t.measure_id JOIN policy_document d ON d.id = t.document_id
       WHERE t.document_id = $1 AND t.agency_id = $2 AND t.workflow_id IS NOT NULL AND t.reassigned_from IS NULL
       ORDER BY m.seq`,
      [documentId, agencyId],
    );
  }

  /** The agency's tasks whose 催办 fired on the day: the due date then, and the working days past it. */
  urgeItems(documentId: string, agencyId: string, day: string): Promise<NoticeItem[]> {
    return this.db.query<NoticeItem[]>(
      `SELECT DISTINCT ON (m.seq, t.id) m.number AS "measureNumber", m.title AS "measureTitle", t.role,
         (SELECT count(*) FROM task p WHERE p.measure_id = t.measure_id AND p.reassigned_from IS NULL)::int AS parties,
         COALESCE(e.detail->>'dueDate', t.due_date::text) AS "dueDate",
         greatest(COALESCE((e.detail->>'offset')::int, 0), 0) AS "overdueDays"
       FROM task_event e JOIN task t ON t.id = e.task_id JOIN measure m ON m.id = t.measure_id
       WHERE t.document_id = $1 AND t.agency_id = $2 AND e.type = 'rung' AND e.detail->>'rule' = 'urge'
         AND ${BEIJING_DAY('e.occurred_at')} = $3
       ORDER BY m.seq, t.id, e.seq`,
      [documentId, agencyId, day],
    );
  }

  /** The agency's active liaisons' names and contact details as they stored them. */
  liaisons(agencyId: string): Promise<Contact[]> {
    return this.db.query<Contact[]>(
      `SELECT u.display_name AS name, u.phone, u.email FROM app_user u JOIN user_agency ua ON ua.user_id = u.id
       WHERE ua.agency_id = $1 AND 'liaison' = ANY(u.roles) AND NOT u.disabled ORDER BY u.display_name, u.id`,
      [agencyId],
    );
  }

  /** A task's document and agency, for the notices concerning it. */
  async taskRef(taskId: string): Promise<{ documentId: string; agencyId: string } | null> {
    const rows = await this.db.query<{ documentId: string; agencyId: string }[]>(
      `SELECT document_id AS "documentId", agency_id AS "agencyId" FROM task WHERE id = $1`,
      [taskId],
    );
    return rows[0] ?? null;
  }

  /** Whether the inbox item is the user's own. */
  async ownsInboxItem(itemId: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM inbox_item WHERE id = $1 AND user_id = $2`, [
      itemId,
      userId,
    ]);
    return rows.length > 0;
  }

  /**
   * The (document, agency, day) of every 催办 an inbox item tells of: the rung notices its digest
   * lists, or the item's own notice. The day is the firing's, as in the digest key and the notice.
   */
  /** The 催办 a notification tells of (itself, or the members of a digest), as (document, agency, day). */
  notificationUrges(notificationId: string): Promise<{ documentId: string; agencyId: string; day: string }[]> {
    return this.db.query(
      `SELECT DISTINCT t.document_id AS "documentId", t.agency_id AS "agencyId", ${BEIJING_DAY('e.occurred_at')} AS day
       FROM notification m
       JOIN task t ON t.id = m.task_id
       JOIN task_event e ON e.task_id = m.task_id AND e.seq = m.event_seq
       WHERE (m.id = $1 OR m.id IN (SELECT notification_id FROM digest_member WHERE digest_id = $1))
         AND e.type = 'rung' AND e.detail->>'rule' = 'urge'`,
      [notificationId],
    );
  }

  inboxUrges(itemId: string): Promise<{ documentId: string; agencyId: string; day: string }[]> {
    return this.db.query(
      `SELECT DISTINCT t.document_id AS "documentId", t.agency_id AS "agencyId", ${BEIJING_DAY('e.occurred_at')} AS day
       FROM inbox_item i
       JOIN notification m ON m.id = i.notification_id
         OR m.id IN (SELECT notification_id FROM digest_member WHERE digest_id = i.notification_id)
       JOIN task t ON t.id = m.task_id
       JOIN task_event e ON e.task_id = m.task_id AND e.seq = m.event_seq
       WHERE i.id = $1 AND e.type = 'rung' AND e.detail->>'rule' = 'urge'`,
      [itemId],
    );
  }

  async template(kind: TemplateKind, manager: EntityManager = this.db.manager): Promise<TemplateRow | null> {
    const rows = await manager.query<TemplateRow[]>(
      `SELECT kind, name, content, sha256, uploaded_at AS "uploadedAt" FROM notice_template WHERE kind = $1`,
      [kind],
    );
    return rows[0] ?? null;
  }

  async putTemplate(
    t: { kind: TemplateKind; name: string; content: Buffer; sha256: string; uploadedBy: string | null },
    tx: EntityManager,
  ): Promise<Date> {
    const rows = await tx.query<{ uploadedAt: Date }[]>(
      `INSERT INTO notice_template (kind, name, content, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind) DO UPDATE SET name = EXCLUDED.name, content = EXCLUDED.content, sha256 = EXCLUDED.sha256,
         uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()
       RETURNING uploaded_at AS "uploadedAt"`,
      [t.kind, t.name, t.content, t.sha256, t.uploadedBy],
    );
    return rows[0].uploadedAt;
  }

  async deleteTemplate(kind: TemplateKind, tx: EntityManager): Promise<{ name: string; sha256: string } | null> {
    const rows = await tx.query<{ name: string; sha256: string }[]>(
      // In a CTE, so the driver answers rows (a bare DELETE … RETURNING answers [rows, count]).
      `WITH gone AS (DELETE FROM notice_template WHERE kind = $1 RETURNING name, sha256) SELECT * FROM gone`,
      [kind],
    );
    return rows[0] ?? null;
  }
}
