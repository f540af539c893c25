import { ApplicationFailure } from '@temporalio/common';
import type { CalendarService } from '../calendar/calendar.service';
import { shanghaiDay } from '../clock/domain/beijing-time';
import { DEFAULT_LADDER } from '../clock/domain/ladder';
import type { PolicyDocumentRow } from '../documents/documents.repository';
import type { MeasureRow } from '../documents/documents.repository';
import type { RecurringTimeLimit } from '../documents/parse/parse-result.types';
import type { DocumentsService } from '../documents/documents.service';
import type { TasksService } from '../tasks/tasks.service';
import { measurePeriod, periodBasis } from './domain/measure-periods';
import type { MeasureLaunch, NextPeriod } from './launch.definitions';

export const DEFAULT_MAX_EXTENSIONS = 2;

export interface LaunchActivityDeps {
  documents: Pick<DocumentsService, 'getDocument' | 'measures'>;
  tasks: Pick<TasksService, 'measureIdsWithTasks' | 'tasksOfMeasure' | 'cancelNotStarted' | 'createPeriodTasks'>;
  /** For the periods of recurring measures (their issue days are working days). */
  calendar: Pick<CalendarService, 'getWorkCalendar'>;
}

interface Launched {
  doc: PolicyDocumentRow & { launchedAt: Date };
  measure: MeasureRow;
  /** The measure's or its document's withdrawal reason. */
  withdrawn: string | null;
  /** The measure's limit when it recurs (each period gets its tasks). */
  recurring: RecurringTimeLimit | null;
}

/**
 * Activities of the document and measure workflows, built from injected services: the workflows
 * get ids, and what each child needs is read here from the launch stored on the document.
 */
export function createLaunchActivities(deps: LaunchActivityDeps) {
  const launched = async (documentId: string, measureId: string): Promise<Launched> => {
    const doc = await deps.documents.getDocument(documentId);
    if (doc.status !== 'launched' || !doc.launchedAt) {
      throw ApplicationFailure.nonRetryable(`document ${documentId} is not launched`, 'NOT_LAUNCHED');
    }
    const measure = (await deps.documents.measures(documentId)).find((m) => m.id === measureId);
    if (!measure) throw ApplicationFailure.nonRetryable(`measure ${measureId} not found`, 'MEASURE_NOT_FOUND');
    // Read from the text as it stands now (a revision may have changed it); parses before v2 have none.
    const limit = doc.parse.measures[measure.seq - 1]?.timeLimit ?? null;
    const recurring = limit?.kind === 'recurring' ? limit : null;
    return {
      doc: { ...doc, launchedAt: doc.launchedAt },
      measure,
      withdrawn: measure.withdrawReason ?? doc.withdrawReason,
      recurring,
    };
  };

  const settings = ({ doc, measure }: Launched, documentId: string, dueDate: string): MeasureLaunch['settings'] => ({
    documentId,
    measureId: measure.id,
    measureTitle: `${measure.number}${measure.title}`,
    dueDate,
    dueBasis: measure.dueBasis ?? doc.dueBasis ?? '',
    ladder: doc.ladder ?? DEFAULT_LADDER,
    maxExtensions: doc.maxExtensions ?? DEFAULT_MAX_EXTENSIONS,
    cadence: measure.reportCadence ?? doc.reportCadence,
    issuedOn: shanghaiDay(doc.launchedAt),
  });

  // The period after `period` of a recurring measure not withdrawn; it never ends otherwise.
  const nextOf = async (l: Launched, period: number): Promise<NextPeriod | null> => {
    if (!l.recurring || l.withdrawn !== null) return null;
    const next = measurePeriod(
      l.recurring,
      shanghaiDay(l.doc.launchedAt),
      period + 1,
      await deps.calendar.getWorkCalendar(),
    );
    return { period: next.period, issueAt: next.issueAt };
  };

  return {
    /** The measures of a launched document that have tasks, in document order. */
    async launchMeasureIds(documentId: string): Promise<string[]> {
      return deps.tasks.measureIdsWithTasks(documentId);
    },

    /** The settings stored at launch and the measure's tasks, for the measure workflow to start them. */
    async measureLaunch(documentId: string, measureId: string): Promise<MeasureLaunch> {
      const l = await launched(documentId, measureId);
      // Measures launched before per-measure dates carry none: the document's date applies.
      const dueDate = l.measure.dueDate ?? l.doc.dueDate;
      if (!dueDate) throw ApplicationFailure.nonRetryable(`measure ${measureId} has no due date`, 'NOT_LAUNCHED');
      // A withdrawn measure or document starts nothing (the withdrawal may come as the launch runs).
      if (l.withdrawn !== null) await deps.tasks.cancelNotStarted(measureId, l.withdrawn);
      const tasks = l.withdrawn !== null ? [] : await deps.tasks.tasksOfMeasure(measureId);
      return {
        settings: settings(l, documentId, dueDate),
        tasks: tasks.map((t) => ({ taskId: t.id, agencyName: t.agencyName, role: t.role })),
        next: await nextOf(l, 1),
      };
    },

    /**
     * A later period of a recurring measure: its tasks (written once, one per agency carrying the
     * period before), due on the period's date by the same rule as the first. Null when the
     * measure or its document was withdrawn, or its text no longer recurs: no period follows.
     */
    async issuePeriod(input: { documentId: string; measureId: string; period: number }): Promise<MeasureLaunch | null> {
      const { documentId, measureId, period } = input;
      const l = await launched(documentId, measureId);
      if (l.withdrawn !== null || !l.recurring) return null;
      const p = measurePeriod(
        l.recurring,
        shanghaiDay(l.doc.launchedAt),
        period,
        await deps.calendar.getWorkCalendar(),
      );
      const tasks = await deps.tasks.createPeriodTasks(measureId, period, p.due);
      return {
        settings: {
          ...settings(l, documentId, p.due),
          dueBasis: periodBasis(l.recurring, p),
          issuedOn: p.issueOn,
          period,
        },
        tasks: tasks.map((t) => ({ taskId: t.id, agencyName: t.agencyName, role: t.role })),
        next: await nextOf(l, period),
      };
    },
  };
}
