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
import type { CircularRunResult } from './circular.definitions';
import { CircularError } from './circulars.errors';
import { type CircularRow, CircularsRepository } from './circulars.repository';
import { circularFigures, type CircularFigures, type CircularTask } from './domain/circular-figures';
import { circularAsOf, circularDueOn, type CircularKind, type CircularPeriod } from './domain/circular-period';

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
      // Also for one stored before: a run that crashed after storing delivers now (the subject is unique).
      await deliver(await this.notice(stored.row, doc.title ?? '未命名文件'));
    }
    return { day, due: true, period: period.period, created, existing };
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
