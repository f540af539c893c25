import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { isIsoDate, shanghaiDay } from '../clock/domain/beijing-time';
import { DocumentsService } from '../documents/documents.service';
import { endOfBeijingDay } from '../ledger/domain/task-as-of';
import type { LedgerTask } from '../ledger/domain/ledger-sheet';
import { LedgerService } from '../ledger/ledger.service';
import { circularText } from '../notifications/domain/notice-texts';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { NoticesService } from '../notices/notices.service';
import type { CircularRunResult } from './circular.definitions';
import { CircularError } from './circulars.errors';
import { type CircularRow, CircularsRepository } from './circulars.repository';
import { circularDocx, circularPdf } from './circular-files';
import { circularContent } from './domain/circular-content';
import { circularFigures, type CircularFigures, type CircularTask } from './domain/circular-figures';
import { circularAsOf, circularDueOn, type CircularKind, type CircularPeriod } from './domain/circular-period';

export const CIRCULAR_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type CircularFormat = (typeof CIRCULAR_FORMATS)[number];
export const CIRCULAR_CONTENT_TYPES: Record<CircularFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Starts the delivery of stored notices (inbox, email, webhooks); the worker passes its DeliveryStarter. */
export type StartDeliveries = (notificationIds: string[]) => Promise<void>;

const toCircularTask = (t: LedgerTask): CircularTask => ({
  measureSeq: t.measureSeq,
  measureNumber: t.measureNumber,
  measureTitle: t.measureTitle,
  agency: t.agency,
  role: t.role,
  state: t.asOf.state,
  doneOn: t.asOf.doneOn,
  onTime: t.asOf.acceptance?.onTime ?? null,
  overdue: t.reading.overdue,
  workingDaysLeft: t.reading.workingDaysLeft,
  instructions: t.asOf.instructions.map((i) => ({ day: i.day, actor: i.actor, text: i.text })),
});

/** 情况通报: figures rebuilt from the events as of a closed day, stored once per period, delivered. */
@Injectable()
export class CircularsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly circulars: CircularsRepository,
    private readonly ledger: LedgerService,
    private readonly documents: DocumentsService,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsRepository,
    private readonly templates: NoticesService,
  ) {}

  /** A document's figures for a period, from its tasks as they stood at the end of the as-of day. */
  async figures(documentId: string, period: CircularPeriod): Promise<CircularFigures> {
    // The as-of day is closed (before today): its reading is its last instant, the same whenever made.
    const { tasks } = await this.ledger.tasksAsOf(documentId, period.asOf, null, endOfBeijingDay(period.asOf));
    return circularFigures(period, tasks.map(toCircularTask), []);
  }

  /**
   * One scheduled run: on the circular's issue day, a circular for every document running then,
   * each stored once per period and told to its readers; on any other day nothing.
   */
  async issue(kind: CircularKind, day: string, deliver: StartDeliveries): Promise<CircularRunResult> {
    const period = circularDueOn(await this.calendar.getWorkCalendar(), kind, day);
    if (!period) return { day, due: false, period: null, created: 0, existing: 0 };
    let created = 0;
    let existing = 0;
    for (const doc of await this.documents.runningAt(endOfBeijingDay(period.asOf))) {
      const figures = await this.figures(doc.id, period);
      const stored = await this.circulars.insertOnce({
        kind,
        period: period.period,
        documentId: doc.id,
        asOf: period.asOf,
        figures,
      });
      if (stored.created) created++;
      else existing++;
      // Made once, with the circular: a run that crashed before makes them now.
      if (stored.row.files.length === 0) await this.makeFiles(stored.row, period.issuedOn ?? period.asOf);
      // Also for one stored before: a run that crashed after storing delivers now (the subject is unique).
      await deliver(await this.notice(stored.row, doc.title ?? '未命名文件'));
    }
    return { day, due: true, period: period.period, created, existing };
  }

  /** The circular's .pdf and .docx (the same words) and its attachment, the ledger as of the day (.xlsx). */
  private async makeFiles(c: CircularRow, issuedOn: string): Promise<void> {
    const doc = await this.documents.getDocument(c.documentId);
    const title = doc.title ?? '未命名文件';
    const at = new Date(`${issuedOn}T09:00:00+08:00`);
    const ledger = await this.ledger.export(c.documentId, c.asOf, 'xlsx', {}, null, endOfBeijingDay(c.asOf));
    const content = circularContent({
      kind: c.kind,
      documentTitle: title,
      issuer: doc.coordinator ?? doc.issuer ?? '协调处室',
      figures: c.figures,
      date: issuedOn,
      ledgerName: ledger.name,
    });
    const base = `《${title}》情况通报（${content.periodText}）`;
    const files = [
      { format: 'pdf', name: `${base}.pdf`, bytes: await circularPdf(content, at) },
      {
        format: 'docx',
        name: `${base}.docx`,
        bytes: circularDocx(await this.templates.templateContent('circular'), content, at),
      },
      { format: 'xlsx', name: ledger.name, bytes: ledger.bytes },
    ];
    await this.circulars.saveFiles(
      c.id,
      files.map((f) => ({ ...f, sha256: createHash('sha256').update(f.bytes).digest('hex') })),
    );
  }

  /** A stored circular's file: pdf, docx, or the ledger attached (xlsx). */
  async file(id: string, format: string): Promise<{ name: string; bytes: Buffer; contentType: string }> {
    await this.get(id);
    const found = await this.circulars.file(id, format);
    if (!found) throw new CircularError('CIRCULAR_NOT_FOUND', `情况通报 ${id} 没有 ${format} 文件`);
    return { ...found, contentType: CIRCULAR_CONTENT_TYPES[format as CircularFormat] };
  }

  /** What a circular's email carries: its PDF and the ledger of its day (`subject` is `circular:<id>`). */
  async mailAttachments(subject: string | null): Promise<{ filename: string; content: Buffer; contentType: string }[]> {
    const id = subject?.startsWith('circular:') ? subject.slice('circular:'.length) : null;
    if (!id) return [];
    const files = await Promise.all((['pdf', 'xlsx'] as const).map((f) => this.circulars.file(id, f)));
    return files.flatMap((f, i) => {
      const format = (['pdf', 'xlsx'] as const)[i];
      return f ? [{ filename: f.name, content: f.bytes, contentType: CIRCULAR_CONTENT_TYPES[format] }] : [];
    });
  }

  private async notice(c: CircularRow, title: string): Promise<string[]> {
    const { total, done, overdue, lagging } = c.figures;
    const message = circularText({ kind: c.kind, title, asOf: c.asOf, total, done, overdue, lagging });
    const subject = `circular:${c.id}`;
    const row =
      c.kind === 'weekly'
        ? { audience: 'coordinator' as const, message, documentId: c.documentId }
        : { audience: 'leader' as const, message };
    await this.db.transaction((tx) => this.notifications.insertSystemNotice(subject, [row], tx));
    return this.notifications.idsOfSubject(subject);
  }

  /** Regenerated as of a past day (not stored): the figures a circular of that day has, whenever asked. */
  async asOf(documentId: string, kind: CircularKind, day: string, now = new Date()) {
    if (!isIsoDate(day)) throw new CircularError('INVALID_DATE', `「${day}」不是有效日期（格式 YYYY-MM-DD）`);
    const today = shanghaiDay(now);
    if (day >= today) {
      throw new CircularError('AS_OF_NOT_CLOSED', `情况通报截至已结束的一天：请选择 ${today} 以前的日期`, {
        asOf: day,
        today,
      });
    }
    const doc = await this.documents.getDocument(documentId);
    const period = circularAsOf(kind, day);
    return { documentId, title: doc.title, ...period, figures: await this.figures(documentId, period) };
  }

  async get(id: string): Promise<CircularRow> {
    const found = await this.circulars.find(id);
    if (!found) throw new CircularError('CIRCULAR_NOT_FOUND', `找不到情况通报 ${id}`);
    return found;
  }

  list(filter: { documentId?: string; kind?: CircularKind }, page: number, pageSize: number) {
    return this.circulars.page(filter, pageSize, (page - 1) * pageSize);
  }
}
