import type { CircularRunResult } from './circular.definitions';
import type { CircularKind } from './domain/circular-period';

export interface CircularActivityDeps {
  circulars: { issue(kind: CircularKind, day: string): Promise<CircularRunResult> };
}

/** Activities of the circular workflow (no Nest inside). */
export function createCircularActivities(deps: CircularActivityDeps) {
  return {
    /** Repeat-safe: a period already stored is answered, not stored or delivered again. */
    issueCirculars(input: { kind: CircularKind; day: string }): Promise<CircularRunResult> {
      return deps.circulars.issue(input.kind, input.day);
    },
  };
}
