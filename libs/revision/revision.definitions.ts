/** One run per changed or added measure and revision: tells its running tasks, starts the tasks it added. */
export interface MeasureRevisionInput {
  documentId: string;
  measureId: string;
  revision: number;
  /** What changed, for the liaisons; empty when only new tasks are to start. */
  summary: string;
  /** Tasks the revision added to the measure (a handful: its new parties). */
  newTaskIds: string[];
}

export const measureRevisionWorkflowId = (measureId: string, revision: number): string =>
  `revise-${measureId}-r${revision}`;
