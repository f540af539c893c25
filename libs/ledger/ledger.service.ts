import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { isIsoDate, shanghaiDay } from '../clock/domain/beijing-time';
import { DEFAULT_LADDER } from '../clock/domain/ladder';
import { DocumentsService } from '../documents/documents.service';
import { TaskQueryService } from '../tasks/task-query.service';
import { clockAsOf, readingInstant } from './domain/clock-as-of';
import { type LedgerFilter, type LedgerSheet, type LedgerTask, ledgerSheet } from './domain/ledger-sheet';
import { endOfBeijingDay, reassignedFrom, taskAsOf, type TaskAsOf } from './domain/task-as-of';
import { ledgerCsv, ledgerXlsx } from './ledger-files';
import { ledgerPdf } from './ledger-pdf';
import { LedgerError } from './ledger.errors';

export const LEDGER_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export interface LedgerFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export const LEDGER_CONTENT_TYPES: Record<LedgerFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * 督办台账: a document's tasks as of a Beijing day, rebuilt from their event history (never the
 * task rows' current mirror), read on the clock of that day, laid out and written as a file.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly tasks: TaskQueryService,
    private readonly calendar: CalendarService,
  ) {}

  /** The ledger's layout; `scope` is a liaison's agencies (their rows only), null for everyone else. */
  async sheet(
    documentId: string,
    asOfDay: string | undefined,
    filter: LedgerFilter,
    scope: string[] | null,
    now = new Date(),
  ): Promise<LedgerSheet> {
    const asOf = this.asOf(asOfDay, now);
    const { title, tasks } = await this.tasksAsOf(documentId, asOf, scope, now);
    return ledgerSheet({ documentTitle: title ?? '未命名文件', asOf, tasks, filter });
  }

  /**
   * A document's tasks as they stood at the end of `asOf` (rebuilt from their events), each read
   * on the clock of that day: what the ledger lays out and the 情况通报 counts.
   */
  async tasksAsOf(
    documentId: string,
    asOf: string,
    scope: string[] | null,
    now = new Date(),
  ): Promise<{ title: string | null; tasks: LedgerTask[] }> {
    const doc = await this.documents.getDocument(documentId);
    const ladder = doc.ladder ?? DEFAULT_LADDER;
    const [history, cal] = await Promise.all([
      this.tasks.historyOfDocument(documentId, scope, endOfBeijingDay(asOf)),
      this.calendar.getWorkCalendar(),
    ]);
    const at = readingInstant(asOf, now);
    const states = new Map<string, TaskAsOf>();
    // A 转办 successor carries its predecessor's fired rungs and extensions on (a chain, never a cycle).
    const stateOf = (taskId: string, depth = 0): TaskAsOf => {
      const known = states.get(taskId);
      if (known) return known;
      const events = history.events.get(taskId) ?? [];
      const from = depth < 20 ? reassignedFrom(events) : null;
      const state = taskAsOf(events, asOf, from ? stateOf(from, depth + 1) : null);
      states.set(taskId, state);
      return state;
    };
    const tasks = history.tasks.map((task) => {
      const state = stateOf(task.id);
      return {
        taskId: task.id,
        measureId: task.measureId,
        measureSeq: task.measureSeq,
        measureNumber: task.measureNumber,
        measureTitle: task.measureTitle,
        agencyId: task.agencyId,
        agency: task.agencyName,
        role: task.role,
        asOf: state,
        reading: clockAsOf(cal, state, ladder, at),
      };
    });
    return { title: doc.title, tasks };
  }

  async export(
    documentId: string,
    asOfDay: string | undefined,
    format: LedgerFormat,
    filter: LedgerFilter,
    scope: string[] | null,
    now = new Date(),
  ): Promise<LedgerFile> {
    const asOf = this.asOf(asOfDay, now);
    const sheet = await this.sheet(documentId, asOf, filter, scope, now);
    const bytes =
      format === 'xlsx'
        ? await ledgerXlsx(sheet)
        : format === 'csv'
          ? await ledgerCsv(sheet)
          : await ledgerPdf(sheet, new Date(`${asOf}T00:00:00+08:00`));
    return { name: `${sheet.baseName}.${format}`, contentType: LEDGER_CONTENT_TYPES[format], bytes };
  }

  private asOf(day: string | undefined, now: Date): string {
    const today = shanghaiDay(now);
    if (day === undefined) return today;
    if (!isIsoDate(day)) throw new LedgerError('INVALID_DATE', `「${day}」不是有效日期（格式 YYYY-MM-DD）`);
    if (day > today)
      throw new LedgerError('AS_OF_IN_FUTURE', `截至日期 ${day} 晚于今天（${today}），台账只记载已经发生的情况`, {
        asOf: day,
        today,
      });
    return day;
  }
}
