/** Withdrawal (撤销) of a measure or a whole document: one durable fan-out per withdrawn thing. */
/** `task`: one task, when a revision of its document no longer names its agency on the measure. */
export type WithdrawalScope = 'measure' | 'document' | 'task';

export interface WithdrawalInput {
  scope: WithdrawalScope;
  /** The measure's or the document's id. */
  id: string;
  reason: string;
  by: string;
  /** Where a continued run picks up: the last task id already told, and the counts so far. */
  after?: string | null;
  signalled?: number;
  missing?: number;
}

export interface WithdrawalResult {
  /** Running task workflows told to end. */
  signalled: number;
  /** Tasks whose workflow was gone (finished meanwhile). */
  missing: number;
}

export interface WithdrawalPage {
  tasks: { taskId: string; workflowId: string }[];
}

/** Business key: a repeated withdrawal finds its fan-out started and starts nothing new. */
export const withdrawalWorkflowId = (scope: WithdrawalScope, id: string): string => `withdraw-${scope}-${id}`;

export const WITHDRAW_PAGE_SIZE = 200;
