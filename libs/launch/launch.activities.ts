import { ApplicationFailure } from '@temporalio/common';
import { shanghaiDay } from '../clock/domain/beijing-time';
import { DEFAULT_LADDER } from '../clock/domain/ladder';
import type { DocumentsService } from '../documents/documents.service';
import type { TasksService } from '../tasks/tasks.service';
import type { MeasureLaunch } from './launch.definitions';

export const DEFAULT_MAX_EXTENSIONS = 2;

export interface LaunchActivityDeps {
  documents: Pick<DocumentsService, 'getDocument' | 'measures'>;
  tasks: Pick<TasksService, 'measureIdsWithTasks' | 'tasksOfMeasure' | 'cancelNotStarted'>;
}

/**
 * Activities of the document and measure workflows, built from injected services: the workflows
 * get ids, and what each child needs is read here from the launch stored on the document.
 */
export function createLaunchActivities(deps: LaunchActivityDeps) {
  return {
    /** The measures of a launched document that have tasks, in document order. */
    async launchMeasureIds(documentId: string): Promise<string[]> {
      return deps.tasks.measureIdsWithTasks(documentId);
    },

    /** The settings stored at launch and the measure's tasks, for the measure workflow to start them. */
    async measureLaunch(documentId: string, measureId: string): Promise<MeasureLaunch> {
      const doc = await deps.documents.getDocument(documentId);
      if (doc.status !== 'launched' || !doc.launchedAt) {
        throw ApplicationFailure.nonRetryable(`document ${documentId} is not launched`, 'NOT_LAUNCHED');
      }
      const measure = (await deps.documents.measures(documentId)).find((m) => m.id === measureId);
      if (!measure) throw ApplicationFailure.nonRetryable(`measure ${measureId} not found`, 'MEASURE_NOT_FOUND');
      // Measures launched before per-measure dates carry none: the document's date applies.
      const dueDate = measure.dueDate ?? doc.dueDate;
      if (!dueDate) throw ApplicationFailure.nonRetryable(`measure ${measureId} has no due date`, 'NOT_LAUNCHED');
      // A withdrawn measure or document starts nothing (the withdrawal may come as the launch runs).
      const withdrawn = measure.withdrawReason ?? doc.withdrawReason;
      if (withdrawn !== null) await deps.tasks.cancelNotStarted(measureId, withdrawn);
      const tasks = withdrawn !== null ? [] : await deps.tasks.tasksOfMeasure(measureId);
      return {
        settings: {
          documentId,
          measureId,
          measureTitle: `${measure.number}${measure.title}`,
          dueDate,
          dueBasis: measure.dueBasis ?? doc.dueBasis ?? '',
          ladder: doc.ladder ?? DEFAULT_LADDER,
          maxExtensions: doc.maxExtensions ?? DEFAULT_MAX_EXTENSIONS,
          cadence: measure.reportCadence ?? doc.reportCadence,
          issuedOn: shanghaiDay(doc.launchedAt),
        },
        tasks: tasks.map((t) => ({ taskId: t.id, agencyName: t.agencyName, role: t.role })),
      };
    },
  };
}
