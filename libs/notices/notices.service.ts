import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { DocumentError } from '../documents/documents.errors';
import { NotificationError } from '../notifications/notifications.errors';
import { TaskError } from '../tasks/tasks.errors';
import { defaultTemplate } from './default-templates';
import { renderDocx, validateTemplate } from './docx-render';
import { noticeContent } from './domain/notice-content';
import {
  NOTICE_TITLES,
  noticeFileName,
  type NoticeFormat,
  type NoticeKind,
  type TemplateKind,
} from './domain/notice-number';
import { allocateNumbers, noticesOf } from './domain/notice-set';
import { NoticeError } from './notices.errors';
import { type NoticeRow, NoticesRepository } from './notices.repository';
import { renderPdf } from './pdf-render';

export interface NoticeView {
  id: string;
  documentId: string;
  kind: NoticeKind;
  title: string;
  number: string;
  agencyId: string;
  agency: string;
  /** The Beijing day of issue: the launch day, or the day the 催办 rung fired. */
  day: string;
}

export interface NoticeFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface TemplateView {
  kind: TemplateKind;
  /** True for an admin's upload; false for the shipped default. */
  custom: boolean;
  name: string;
  size: number;
  sha256: string;
  uploadedAt: string | null;
}

export const CONTENT_TYPES: Record<NoticeFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const view = (n: NoticeRow): NoticeView => ({
  id: n.id,
  documentId: n.documentId,
  kind: n.kind,
  title: NOTICE_TITLES[n.kind],
  number: n.number,
  agencyId: n.agencyId,
  agency: n.agency,
  day: n.day,
});
// The instant a notice's files carry: 09:00 Beijing time on its day, whenever they are made.
const issuedAt = (day: string) => new Date(`${day}T01:00:00Z`);

/**
 * 督办通知单 and 催办通知书 (issue 12): which a document has, numbered once on first listing or
 * download, and made on request from stored facts as Word (from the kind's template) or PDF.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The document's notices (a liaison's scope: their agencies'), numbering any new ones. */
  async list(documentId: string, scope: string[] | null): Promise<NoticeView[]> {
    const all = await this.numbered(documentId);
    return all.filter((n) => scope === null || scope.includes(n.agencyId)).map(view);
  }

  /** The notices concerning a task's agency on its document. */
  async forTask(taskId: string, scope: string[] | null): Promise<NoticeView[]> {
    const task = await this.notices.taskRef(taskId);
    if (!task || (scope !== null && !scope.includes(task.agencyId))) {
      throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${taskId}`);
    }
    const all = await this.numbered(task.documentId);
    return all.filter((n) => n.agencyId === task.agencyId).map(view);
  }

  /**
   * The 催办通知书 an inbox item (a 催办 digest, or one 催办 notice) is about: for each document its
   * lines come from, the notice of the agency and the day. Another user's item answers 404.
   */
  async forInboxItem(itemId: string, userId: string, scope: string[] | null): Promise<NoticeView[]> {
    if (!(await this.notices.ownsInboxItem(itemId, userId))) {
      throw new NotificationError('INBOX_ITEM_NOT_FOUND', `找不到收件箱条目 ${itemId}`);
    }
    const urges = (await this.notices.inboxUrges(itemId)).filter((u) => scope === null || scope.includes(u.agencyId));
    const found: NoticeView[] = [];
    for (const documentId of [...new Set(urges.map((u) => u.documentId))].sort()) {
      const numbered = await this.numbered(documentId);
      const wanted = urges.filter((u) => u.documentId === documentId);
      found.push(
        ...numbered
          .filter((n) => n.kind === 'urge' && wanted.some((u) => u.agencyId === n.agencyId && u.day === n.day))
          .map(view),
      );
    }
    return found;
  }

  /**
   * The 催办通知书 PDFs a 催办 notice to an agency's liaisons carries by email (its digest's 催办, one
   * per document and day). Without the CJK font the email goes without them (the notice links them).
   */
  async urgeAttachments(notificationId: string): Promise<{ filename: string; content: Buffer; contentType: string }[]> {
    const urges = await this.notices.notificationUrges(notificationId);
    const files: { filename: string; content: Buffer; contentType: string }[] = [];
    for (const documentId of [...new Set(urges.map((u) => u.documentId))].sort()) {
      const wanted = urges.filter((u) => u.documentId === documentId);
      const numbered = (await this.numbered(documentId)).filter(
        (n) => n.kind === 'urge' && wanted.some((u) => u.agencyId === n.agencyId && u.day === n.day),
      );
      for (const n of numbered) {
        try {
          const f = await this.file(documentId, n.id, 'pdf', null);
          files.push({ filename: f.name, content: f.bytes, contentType: f.contentType });
        } catch (err) {
          if (err instanceof NoticeError && err.code === 'NOTICE_FONT_MISSING') return [];
          throw err;
        }
      }
    }
    return files;
  }

  async file(documentId: string, noticeId: string, format: NoticeFormat, scope: string[] | null): Promise<NoticeFile> {
    const doc = await this.notices.document(documentId);
    if (!doc) throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${documentId}`);
    const notice = await this.notices.notice(documentId, noticeId);
    if (!notice || (scope !== null && !scope.includes(notice.agencyId))) {
      throw new NoticeError('NOTICE_NOT_FOUND', `找不到通知 ${noticeId}`);
    }
    const [items, liaisons] = await Promise.all([
      notice.kind === 'supervision'
        ? this.notices.supervisionItems(documentId, notice.agencyId)
        : this.notices.urgeItems(documentId, notice.agencyId, notice.day),
      this.notices.liaisons(notice.agencyId),
    ]);
    const content = noticeContent({
      kind: notice.kind,
      number: notice.number,
      day: notice.day,
      agency: notice.agency,
      documentTitle: doc.title,
      docNumber: doc.docNumber,
      issuer: doc.issuer,
      coordinator: doc.coordinator,
      coordinatorContact: doc.launchedBy,
      items,
      liaisons,
    });
    const at = issuedAt(notice.day);
    const bytes =
      format === 'pdf'
        ? await renderPdf(content, notice.kind === 'urge', at)
        : renderDocx((await this.template(notice.kind)).content, content, at);
    return {
      name: noticeFileName(notice.kind, notice.number, notice.agency, format),
      contentType: CONTENT_TYPES[format],
      bytes,
    };
  }

  /** The Word template in use for a kind (the 情况通报 renders from it too). */
  async templateContent(kind: TemplateKind): Promise<Buffer> {
    return (await this.template(kind)).content;
  }

  /** The template in use for a kind: the admin's upload, else the shipped default. */
  async templateFile(kind: TemplateKind): Promise<NoticeFile & { view: TemplateView }> {
    const t = await this.template(kind);
    return { name: t.view.name, contentType: CONTENT_TYPES.docx, bytes: t.content, view: t.view };
  }

  /** An admin's own template for a kind (e.g. with their 红头), checked before it replaces the one in use. */
  async putTemplate(kind: TemplateKind, name: string, content: Buffer, byUserId: string | null): Promise<TemplateView> {
    validateTemplate(content, kind);
    const digest = sha256(content);
    return this.notices.transaction(async (tx) => {
      const before = await this.notices.template(kind, tx);
      const uploadedAt = await this.notices.putTemplate(
        { kind, name, content, sha256: digest, uploadedBy: byUserId },
        tx,
      );
      await this.audit.record(tx, {
        action: 'notice_template.put',
        targetType: 'notice_template',
        targetId: kind,
        before: before ? { name: before.name, sha256: before.sha256 } : { default: true },
        after: { name, sha256: digest, size: content.length },
      });
      return { kind, custom: true, name, size: content.length, sha256: digest, uploadedAt: uploadedAt.toISOString() };
    });
  }

  /** Back to the shipped default; a kind already on it changes nothing and records nothing. */
  async resetTemplate(kind: TemplateKind): Promise<TemplateView & { reset: boolean }> {
    const reset = await this.notices.transaction(async (tx) => {
      const gone = await this.notices.deleteTemplate(kind, tx);
      if (gone) {
        await this.audit.record(tx, {
          action: 'notice_template.reset',
          targetType: 'notice_template',
          targetId: kind,
          before: gone,
          after: { default: true },
        });
      }
      return gone !== null;
    });
    return { ...(await this.template(kind)).view, reset };
  }

  private async template(kind: TemplateKind): Promise<{ content: Buffer; view: TemplateView }> {
    const custom = await this.notices.template(kind);
    if (custom) {
      const { name, content, uploadedAt } = custom;
      return {
        content,
        view: {
          kind,
          custom: true,
          name,
          size: content.length,
          sha256: custom.sha256,
          uploadedAt: uploadedAt.toISOString(),
        },
      };
    }
    const shipped = defaultTemplate(kind);
    return {
      content: shipped.content,
      view: {
        kind,
        custom: false,
        name: shipped.name,
        size: shipped.content.length,
        sha256: sha256(shipped.content),
        uploadedAt: null,
      },
    };
  }

  /**
   * Every notice the document has now, each with its number: those not numbered yet take the next
   * numbers, in the order `noticesOf` gives, under a lock on the document (and unique constraints).
   */
  private async numbered(documentId: string): Promise<NoticeRow[]> {
    const doc = await this.notices.document(documentId);
    if (!doc) throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${documentId}`);
    if (!doc.launchDay) return [];
    const launchDay = doc.launchDay;
    return this.notices.transaction(async (tx) => {
      const agencies = await this.notices.agencyTasks(documentId, tx);
      const urges = await this.notices.urgeDays(documentId, tx);
      const existing = await this.notices.numbered(documentId, tx);
      const fresh = allocateNumbers(existing, noticesOf(launchDay, agencies, urges));
      if (fresh.length === 0) return existing;
      await this.notices.lockNumbering(documentId, tx);
      // Read again under the lock: another request may have numbered them meanwhile.
      const current = await this.notices.numbered(documentId, tx);
      await this.notices.insert(documentId, allocateNumbers(current, noticesOf(launchDay, agencies, urges)), tx);
      return this.notices.numbered(documentId, tx);
    });
  }
}
