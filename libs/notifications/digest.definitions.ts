import { defineSignal } from '@temporalio/workflow';

/** One digest key (audience, group, rung, Beijing day): its workflow ID is the key itself. */
export interface DigestWorkflowInput {
  key: string;
  /** How long to gather after the first arrival (DIGEST_WINDOW_SECONDS). */
  windowSeconds: number;
}

/** A rung's notice joined the digest (its row has committed). */
export const digestArrived = defineSignal<[{ notificationId: string }]>('digestArrived');

/** The digest notices a run composed and started delivering. */
export interface DigestSummary {
  digests: string[];
}

export const digestWorkflowId = (key: string) => key;
