/**
 * The firing plan of one task: its effective due date, each rung's working day and instant,
 * and periodic progress-report reminders. Computed outside the workflow (by an activity, with
 * the calendar from the database) and handed to it; the workflow only sleeps until instants.
 */
import {
  addWorkingDays,
  CalendarGapError,
  provisionalYearsOf,
  type WorkCalendar,
} from '../../calendar/domain/working-days';
import { effectiveDeadline, type EffectiveDeadline, type LedgerEntry, type PauseBasis } from './due-date-ledger';
import { firingInstant } from './beijing-time';
import type { Audience, Rung, RungColour } from './ladder';

export interface ReportCadence {
  /** Progress reports are due monthly on this working day of the month (1 = the first). */
  monthlyWorkingDay: number;
}

/** A rung of the plan: a ladder rung or a report reminder, with the working day and instant it fires. */
export interface PlannedRung {
  key: string;
  kind: 'rung' | 'report';
  /** Working day it belongs to; null when the calendar does not cover it yet. */
  day: string | null;
  at: string | null;
  offset: number;
  audience: Audience[];
  colour: RungColour | null;
  label: string;
}

export interface TaskPlan {
  dueDate: string;
  pausedSince: string | null;
  /** `待审核` while the pause in force is a review's; absent in plans made before reviews paused the clock. */
  pauseBasis?: PauseBasis | null;
  extensions: number;
  /** In firing order; ladder rungs keep ladder order. */
  rungs: PlannedRung[];
  /** Years the calendar must cover before the rungs with day null can be planned. */
  gapYears: number[];
  /** Years of planned days that are provisional (statutory holidays only); absent in older plans. */
  provisionalYears?: number[];
}

export interface PlanInput {
  ledger: LedgerEntry[];
  ladder: Rung[];
  cadence: ReportCadence | null;
  /** Day the task was issued: report reminders start after it. */
  issuedOn: string;
}

/**
 * The report reminder of each month (period) from the issue to the due date: the N-th working day
 * of that month, which may fall in the next one. A period in an uncovered year has no day (null)
 * and names the year; the other periods are planned regardless.
 */
function reportDays(
  cal: WorkCalendar,
  cadence: ReportCadence,
  from: string,
  until: string,
): { period: string; day: string | null; gapYear: number | null }[] {
  const out: { period: string; day: string | null; gapYear: number | null }[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    if (`${period}-01` > until) break;
    // The N-th working day of the month: day 0 of the month rolled forward N working days.
    const lastOfPrev = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
    try {
      const day = addWorkingDays(cal, lastOfPrev, cadence.monthlyWorkingDay);
      if (day > from && day <= until) out.push({ period, day, gapYear: null });
    } catch (err) {
      if (!(err instanceof CalendarGapError)) throw err;
      out.push({ period, day: null, gapYear: err.year });
    }
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

function rawDeadline(ledger: LedgerEntry[]): EffectiveDeadline {
  let dueDate = '';
  let extensions = 0;
  for (const e of ledger) {
    if (e.kind === 'set') dueDate = e.dueDate;
    if (e.kind === 'extension') [dueDate, extensions] = [e.to, extensions + 1];
  }
  return { dueDate, pausedSince: null, pauseBasis: null, extensions };
}

export function planTask(cal: WorkCalendar, input: PlanInput): TaskPlan {
  const gapYears = new Set<number>();
  const attempt = <T>(compute: () => T): T | null => {
    try {
      return compute();
    } catch (err) {
      if (err instanceof CalendarGapError) {
        gapYears.add(err.year);
        return null;
      }
      throw err;
    }
  };
  // A ledger that reaches into an uncovered year keeps its last written date and plans nothing.
  const deadline = attempt(() => effectiveDeadline(cal, input.ledger)) ?? rawDeadline(input.ledger);
  const rungs: PlannedRung[] = input.ladder.map((rung) => {
    const day = gapYears.size > 0 ? null : attempt(() => addWorkingDays(cal, deadline.dueDate, rung.offset));
    return {
      key: rung.key,
      kind: 'rung',
      day,
      at: day ? firingInstant(day) : null,
      offset: rung.offset,
      audience: rung.audience,
      colour: rung.colour,
      label: rung.label,
    };
  });
  if (input.cadence) {
    const cadence = input.cadence;
    for (const { period, day, gapYear } of reportDays(cal, cadence, input.issuedOn, deadline.dueDate)) {
      if (gapYear !== null) gapYears.add(gapYear);
      rungs.push({
        key: `report-${period}`,
        kind: 'report',
        day,
        at: day ? firingInstant(day) : null,
        offset: 0,
        audience: ['liaison'],
        colour: null,
        label: '进展报送提醒',
      });
    }
  }
  // Unplannable rungs sort last: they wait for the calendar, and so does everything after them.
  const order = (a: PlannedRung) => a.at ?? '9999';
  rungs.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const provisionalYears = provisionalYearsOf(cal, [deadline.dueDate, ...rungs.map((a) => a.day)]);
  return { ...deadline, rungs, gapYears: [...gapYears].sort(), provisionalYears };
}

/**
 * A plan as it reaches a workflow: from this code, or from a history or a continued run written
 * before the plan's rungs were called rungs (field `alarms`). Replay hands those back verbatim.
 */
export type PlanOnTheWire = Omit<TaskPlan, 'rungs'> & { rungs?: PlannedRung[]; alarms?: PlannedRung[] };

export function planFromWire(plan: PlanOnTheWire): TaskPlan {
  const { alarms, rungs, ...rest } = plan;
  return { ...rest, rungs: rungs ?? alarms ?? [] };
}
