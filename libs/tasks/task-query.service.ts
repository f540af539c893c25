import { Injectable } from '@nestjs/common';
import { AuditService, type AuditView } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkCalendar } from '../calendar/domain/working-days';
import { DocumentsService } from '../documents/documents.service';
import {
  type ClockReading,
  type Colour,
  noteProvisional,
  type ProvisionalNote,
  readClock,
  shanghaiDay,
  worstColour,
} from '../clock';
import { DEFAULT_LADDER, type Rung } from '../clock/domain/ladder';
import { isMeasureDone } from './domain/measure-done';
import { STATE_LABELS, type TaskRole, type TaskState } from './domain/task-state';
import type { Page } from '../database/page';
import { type TaskEventRow, TaskRepository, type TaskViewRow } from './task.repository';
import { TaskError } from './tasks.errors';

export interface TaskView {
  id: string;
  documentId: string;
  measureId: string;
  measureNumber: string;
  measureTitle: string;
  agencyId: string;
  agency: string;
  role: TaskRole;
  state: TaskState;
  stateLabel: string;
  dueDate: string | null;
  /** The period of a recurring measure the task is for (1: the first, or a measure that does not recur). */
  period: number;
  pausedSince: string | null;
  extensionCount: number;
  colour: Colour;
  /** Why the task has its colour: the rung, the calendar day, the working days left. */
  clock: ClockReading & ProvisionalNote;
  updatedAt: string;
}

export interface TaskListFilter {
  agencyId?: string;
  /** A liaison's agencies: only their tasks are listed. */
  scope?: string[] | null;
  documentId?: string;
  state?: TaskState;
  overdue?: boolean;
  sort: 'dueDate' | 'updatedAt' | 'measure';
  page: number;
  pageSize: number;
}

export type { Page } from '../database/page';

/** Reads for dashboards and task lists: from PostgreSQL, with colours derived from today's clock. */
@Injectable()
export class TaskQueryService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly documents: DocumentsService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  private view(task: TaskViewRow, cal: WorkCalendar, ladder: Rung[], now: Date): TaskView {
    const clock = noteProvisional(cal, readClock(cal, task, ladder, now), task.dueDate, ladder);
    return {
      id: task.id,
      documentId: task.documentId,
      measureId: task.measureId,
      measureNumber: task.measureNumber,
      measureTitle: task.measureTitle,
      agencyId: task.agencyId,
      agency: task.agencyName,
      role: task.role,
      state: task.state,
      stateLabel: STATE_LABELS[task.state],
      dueDate: task.dueDate,
      period: task.period,
      pausedSince: task.pausedSince,
      extensionCount: task.extensionCount,
      colour: clock.colour,
      clock,
      updatedAt: task.updatedAt.toISOString(),
    };
  }

  async listTasks(filter: TaskListFilter, now = new Date()): Promise<Page<TaskView>> {
    const today = shanghaiDay(now);
    const { rows: tasks, total } = await this.tasks.list({
      agencyId: filter.agencyId,
      scope: filter.scope,
      documentId: filter.documentId,
      state: filter.state,
      overdue: filter.overdue === undefined ? undefined : { overdue: filter.overdue, today },
      sort: filter.sort,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    const cal = await this.calendar.getWorkCalendar();
    const ladders = await this.documents.ladders(tasks.map((t) => t.documentId));
    const items = tasks.map((t) => this.view(t, cal, ladders.get(t.documentId) ?? DEFAULT_LADDER, now));
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async getTask(id: string, scope: string[] | null = null, now = new Date()) {
    const task = await this.tasks.findView(id);
    // A lead's liaison also sees the cooperating tasks of the measures it leads.
    if (!task || (scope && !scope.includes(task.agencyId) && !(await this.tasks.seenBy(id, scope))))
      throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${id}`);
    const events = await this.tasks.events(id);
    const cal = await this.calendar.getWorkCalendar();
    const ladder = (await this.documents.ladders([task.documentId])).get(task.documentId) ?? DEFAULT_LADDER;
    const sourceText = await this.documents.sourceText(task.documentId);
    const span: [number, number] | null =
      task.attributionStart !== null && task.attributionEnd !== null
        ? [task.attributionStart, task.attributionEnd]
        : null;
    const history = events.map((e) => ({
      seq: e.seq,
      type: e.type,
      fromState: e.fromState,
      toState: e.toState,
      actor: e.actor,
      detail: e.detail,
      occurredAt: e.occurredAt.toISOString(),
    }));
    return {
      ...this.view(task, cal, ladder, now),
      measureText: task.measureText,
      // Where this task came from: the party as the document wrote it and the attribution quoted.
      provenance: {
        source: task.source,
        partyAsWritten: task.partyAsWritten,
        attributionSpan: span,
        attributionText: span && sourceText !== null ? sourceText.slice(span[0], span[1]) : null,
        roleAsWritten: task.roleAsWritten,
      },
      // 牵头/配合: whom a cooperating task reports to, and what a lead's cooperators delivered.
      reportsTo: task.role === 'cooperating' ? await this.tasks.leadAgencies(task.measureId, task.period) : [],
      cooperators: task.role === 'lead' ? await this.tasks.cooperatorsOf(task.measureId, task.period) : [],
      history,
      timeline: mergeTimeline(history, await this.audit.taskEntries(id)),
    };
  }

  /**
   * A document's tasks a caller may see (`scope`: a liaison's agencies) and the events of all its
   * tasks (a 转办 successor's predecessor may be another agency's) that occurred before `before`:
   * what an as-of reading (督办台账) rebuilds them from.
   */
  async historyOfDocument(documentId: string, scope: string[] | null, before: Date) {
    const [tasks, events] = await Promise.all([
      this.tasks.viewsOfDocumentSeenBy(documentId, scope),
      this.tasks.eventsOfDocumentBefore(documentId, before),
    ]);
    const byTask = new Map<string, TaskEventRow[]>();
    for (const { taskId, ...e } of events) {
      const list = byTask.get(taskId) ?? [];
      list.push(e);
      byTask.set(taskId, list);
    }
    return { tasks, events: byTask };
  }

  /** Each measure × party with its state and colour, rolled up to measure and document. */
  async documentStatus(documentId: string, now = new Date()) {
    const today = shanghaiDay(now);
    // The documents' own error: one DOCUMENT_NOT_FOUND for the whole API.
    const doc = await this.documents.getDocument(documentId);
    const measures = await this.documents.measures(documentId);
    const tasks = await this.tasks.viewsOfDocument(documentId);
    const cal = await this.calendar.getWorkCalendar();
    const ladder = doc.ladder ?? DEFAULT_LADDER;
    const byMeasure = new Map<string, TaskView[]>();
    for (const t of tasks) {
      const list = byMeasure.get(t.measureId) ?? [];
      list.push(this.view(t, cal, ladder, now));
      byMeasure.set(t.measureId, list);
    }
    const measureViews = measures.map((m) => {
      const views = byMeasure.get(m.id) ?? [];
      // One rule for every role (domain/measure-done.ts): a done measure is green, never red,
      // whatever its still-open cooperating or guiding tasks read.
      // A recurring measure is read by its latest period: the earlier ones are history.
      const latest = Math.max(1, ...views.map((v) => v.period));
      const done = isMeasureDone(views.filter((v) => v.period === latest));
      return {
        id: m.id,
        number: m.number,
        section: m.section,
        title: m.title,
        // Launched before per-measure dates: the document's date applies.
        dueDate: m.dueDate ?? doc.dueDate,
        dueBasis: m.dueDate ? m.dueBasis : doc.dueBasis,
        colour: done ? ('green' as const) : worstColour(views.map((v) => v.colour)),
        done,
        tasks: views,
      };
    });
    const counts: Partial<Record<TaskState, number>> = {};
    for (const t of tasks) counts[t.state] = (counts[t.state] ?? 0) + 1;
    return {
      id: doc.id,
      title: doc.title,
      status: doc.status,
      dueDate: doc.dueDate,
      today,
      colour: worstColour(measureViews.map((m) => m.colour)),
      done: measureViews.length > 0 && measureViews.every((m) => m.done),
      measuresDone: measureViews.filter((m) => m.done).length,
      taskCounts: counts,
      measures: measureViews,
    };
  }
}

/**
 * What the workflow recorded and what people asked for, in one list by time (oldest first). An
 * action shows twice on purpose: the request (audit) and the change the workflow made (event).
 */
function mergeTimeline(history: { occurredAt: string }[], audit: AuditView[]) {
  const items = [
    ...history.map((e) => ({ at: e.occurredAt, source: 'event' as const, ...e })),
    ...audit.map((a) => ({ ...a, source: 'audit' as const })),
  ];
  // A stable sort keeps each source's own order for entries with the same instant.
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
