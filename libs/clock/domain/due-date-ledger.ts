/**
 * A task's deadline is its initial due date plus a ledger of extensions and pauses; the
 * effective due date is derived from the ledger on demand, never stored as the truth.
 */
import {
  addWorkingDays,
  nextWorkingDay,
  type WorkCalendar,
  workingDaysBetween,
} from '../../calendar/domain/working-days';
import { addDays } from './beijing-time';

interface Stamp {
  by: string;
  at: string;
  reason: string;
}
export type LedgerEntry =
  | ({ kind: 'set'; dueDate: string; basis: string } & Stamp)
  | ({ kind: 'extension'; from: string; to: string; requestedBy: string } & Stamp)
  | ({ kind: 'pause'; day: string; basis?: PauseBasis } & Stamp)
  | ({ kind: 'resume'; day: string; basis?: PauseBasis } & Stamp);

/**
 * Why the clock stands still. A pause without a basis is the coordinator's (暂停计时); `待审核` is
 * the time a submission waits for review, which is not charged to the agency: the workflow opens
 * it on submission and closes it when the submission is returned.
 */
export const REVIEW_PAUSE = '待审核';
export type PauseBasis = typeof REVIEW_PAUSE;

export interface EffectiveDeadline {
  dueDate: string;
  /** Day the clock stopped, while paused. */
  pausedSince: string | null;
  /** Basis of the pause in force: `待审核` while a submission waits for review, null otherwise. */
  pauseBasis: PauseBasis | null;
  extensions: number;
}

/**
 * The working days a pause covered: from its first day up to the day before it ended, so the
 * resume day is the agency's again. Paused Friday, resumed Monday: Friday; a weekend alone: none.
 */
export function pausedWorkingDays(cal: WorkCalendar, from: string, until: string): number {
  return until <= from ? 0 : workingDaysBetween(cal, addDays(from, -1), addDays(until, -1));
}

// A due date on a day off first rolls to its working day; the pause is added from there.
function pushBy(cal: WorkCalendar, dueDate: string, days: number): string {
  return addWorkingDays(cal, nextWorkingDay(cal, dueDate, true), days);
}

/**
 * Replays the ledger. A pause pushes the due date by the working days it covered (counted on
 * resume, or up to `today` while still paused; see `pausedWorkingDays`); an extension replaces
 * the due date. A due date on a day off moves to the next working day, as statutory time limits do.
 */
export function effectiveDeadline(cal: WorkCalendar, ledger: LedgerEntry[], today?: string): EffectiveDeadline {
  let dueDate = '';
  let pausedSince: string | null = null;
  let pauseBasis: PauseBasis | null = null;
  let extensions = 0;
  for (const entry of ledger) {
    switch (entry.kind) {
      case 'set':
        dueDate = entry.dueDate;
        break;
      case 'extension':
        dueDate = entry.to;
        extensions += 1;
        break;
      case 'pause':
        if (pausedSince === null) [pausedSince, pauseBasis] = [entry.day, entry.basis ?? null];
        break;
      case 'resume':
        if (pausedSince !== null) {
          dueDate = pushBy(cal, dueDate, pausedWorkingDays(cal, pausedSince, entry.day));
          [pausedSince, pauseBasis] = [null, null];
        }
        break;
    }
  }
  if (pausedSince !== null && today !== undefined && today > pausedSince) {
    dueDate = pushBy(cal, dueDate, pausedWorkingDays(cal, pausedSince, today));
  }
  return { dueDate: nextWorkingDay(cal, dueDate, true), pausedSince, pauseBasis, extensions };
}
