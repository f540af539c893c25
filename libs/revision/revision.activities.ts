import { ApplicationFailure } from '@temporalio/common';
import type { DocumentsService } from '../documents/documents.service';

export interface RevisionActivityDeps {
  documents: Pick<DocumentsService, 'getDocument'>;
}

/** Activities of the measure revision workflow, built from injected services. */
export function createRevisionActivities(deps: RevisionActivityDeps) {
  return {
    /**
     * Fails (and is retried) until the revision's transaction has committed; the workflow is
     * started inside it, so for a moment the new measures and tasks may not be visible yet.
     */
    async revisionCommitted(input: { documentId: string; revision: number }): Promise<void> {
      const doc = await deps.documents.getDocument(input.documentId);
      if (doc.revision < input.revision) {
        throw ApplicationFailure.retryable(
          `revision ${input.revision} of ${input.documentId} is not committed`,
          'NOT_COMMITTED',
        );
      }
    },
  };
}
