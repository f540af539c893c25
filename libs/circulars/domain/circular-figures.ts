/**
 * The figures of a 情况通报 for one document as of a day, from each task as it stood then (rebuilt
 * from its events, libs/ledger) and its clock reading of that day. Pure and deterministic: the
 * same tasks as of the same day give the same figures whenever they are computed.
 *
 * People first: units are listed in document order (measure) and registry order (agency), never
 * ranked by rate; only outcomes are counted (no activity scores).
 */
import type { TaskRole, TaskState } from '../../tasks/domain/task-state';
import type { CircularPeriod } from './circular-period';

export interface CircularTask {
  measureSeq: number;
  measureNumber: string;
  measureTitle: string;
  agency: string;
  role: TaskRole;
  state: TaskState;
  /** Day of acceptance or closing with the measure, null while open. */
  doneOn: string | null;
  /** Of an accepted task: whether its submission came in time (null: not accepted, or unknown). */
  onTime: boolean | null;
  overdue: boolean;
  /** Working days left (negative: overdue by), null without a running clock. */
  workingDaysLeft: number | null;
  instructions: { day: string; actor: string | null; text: string }[];
}

export interface Share {
  count: number;
  /** Percent of the tasks counted, one decimal. */
  percent: number;
}

/** The figures only: the period's name is the stored circular's (an issue week or a month). */
export interface CircularFigures {
  asOf: string;
  from: string;
  to: string;
  /** 总体情况: tasks counted (withdrawn and reassigned ones are not: their successor is). */
  total: number;
  done: Share;
  onTime: Share;
  overdue: Share;
  /** 进展滞后: overdue tasks, by measure then agency, with the working days overdue. */
  lagging: { measure: string; agency: string; daysOverdue: number | null }[];
  /** 已办结 in the period. */
  completed: { measure: string; agency: string; day: string }[];
  /** 领导批示 in the period. */
  instructions: { measure: string; agency: string; day: string; actor: string | null; text: string }[];
  /** For the chart: completion by agency (registry order) and by measure (document order). */
  byAgency: { agency: string; total: number; done: number }[];
  byMeasure: { measure: string; total: number; done: number }[];
}

const COUNTED = (t: CircularTask) => t.state !== 'cancelled' && t.state !== 'reassigned' && t.state !== 'draft';
const DONE = (t: CircularTask) => t.state === 'accepted' || t.state === 'closed';

const share = (count: number, total: number): Share => ({
  count,
  percent: total === 0 ? 0 : Math.round((count / total) * 1000) / 10,
});

const measureOf = (t: CircularTask) => `${t.measureNumber}${t.measureTitle}`;
const inPeriod = (day: string, p: CircularPeriod) => day >= p.from && day <= p.to;

export function circularFigures(
  period: CircularPeriod,
  tasks: readonly CircularTask[],
  agencyOrder: readonly string[],
): CircularFigures {
  const agencyRank = new Map(agencyOrder.map((name, i) => [name, i]));
  const byAgencyName = (a: string, b: string) =>
    (agencyRank.get(a) ?? Number.MAX_SAFE_INTEGER) - (agencyRank.get(b) ?? Number.MAX_SAFE_INTEGER) ||
    a.localeCompare(b, 'zh-CN');
  // Document order, then registry order: the same list whatever order the tasks come in.
  const counted = tasks.filter(COUNTED).sort((a, b) => a.measureSeq - b.measureSeq || byAgencyName(a.agency, b.agency));
  const tally = (key: (t: CircularTask) => string) => {
    const rows = new Map<string, { total: number; done: number }>();
    for (const t of counted) {
      const row = rows.get(key(t)) ?? { total: 0, done: 0 };
      row.total++;
      if (DONE(t)) row.done++;
      rows.set(key(t), row);
    }
    return rows;
  };
  const agencies = tally((t) => t.agency);
  const measures = tally(measureOf);
  return {
    asOf: period.asOf,
    from: period.from,
    to: period.to,
    total: counted.length,
    done: share(counted.filter(DONE).length, counted.length),
    onTime: share(counted.filter((t) => t.onTime === true).length, counted.length),
    overdue: share(counted.filter((t) => t.overdue).length, counted.length),
    lagging: counted
      .filter((t) => t.overdue)
      .map((t) => ({
        measure: measureOf(t),
        agency: t.agency,
        daysOverdue: t.workingDaysLeft === null ? null : Math.abs(Math.min(t.workingDaysLeft, 0)),
      })),
    completed: counted
      .filter((t) => DONE(t) && t.doneOn !== null && inPeriod(t.doneOn, period))
      .map((t) => ({ measure: measureOf(t), agency: t.agency, day: t.doneOn ?? '' })),
    instructions: counted.flatMap((t) =>
      t.instructions
        .filter((i) => inPeriod(i.day, period))
        .map((i) => ({ measure: measureOf(t), agency: t.agency, ...i })),
    ),
    byAgency: [...agencies.keys()].sort(byAgencyName).map((agency) => ({ agency, ...agencies.get(agency)! })),
    byMeasure: [...measures.entries()].map(([measure, row]) => ({ measure, ...row })),
  };
}
