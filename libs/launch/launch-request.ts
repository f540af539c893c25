// A launch request and its answers, and the checks the request itself must pass.
import { CalendarGapError, isWorkingDay, type WorkCalendar } from '../calendar/domain/working-days';
import { isIsoDate } from '../clock';
import type { ReportCadence } from '../clock/domain/firing-plan';
import { ladderProblems, type Rung } from '../clock/domain/ladder';
import type { ParsedTimeLimit } from '../documents/parse/parse-result.types';
import type { TaskRole } from '../tasks/domain/task-state';
import { TaskError } from '../tasks/tasks.errors';
import type { DocumentDue, MeasureDue } from './domain/measure-due';

export interface MeasureDueRequest {
  measureId: string;
  dueDate: string;
}

/** The coordinator's lead (牵头) for a measure whose text names none. */
export interface LeadRequest {
  measureId: string;
  agencyId: string;
}

export interface LaunchRequest {
  /** At most one of dueDate and dueInWorkingDays; neither only when every measure gets a date otherwise. */
  dueDate?: string;
  dueInWorkingDays?: number;
  /** Due dates for single measures, overriding the text's limit and the document-wide date. */
  measures?: MeasureDueRequest[];
  /** Leads designated where the text names none: that party leads, the shared ones cooperate. */
  leads?: LeadRequest[];
  ladder?: Rung[];
  maxExtensions?: number;
  reportCadence?: ReportCadence | null;
}

export interface LaunchResult {
  documentId: string;
  workflowId: string;
  /** The document-wide date, or (without one) the latest of the measures'. */
  dueDate: string;
  dueBasis: string;
  tasks: number;
  /** True when this call found the document already launched with the same due dates. */
  alreadyLaunched: boolean;
}

/** One measure in a launch preview: what the text says, what the launch would set, and what is wrong. */
export interface MeasureDuePreview extends MeasureDue {
  measureId: string;
  number: string;
  title: string;
  /** Tasks the launch would start for it (0: nothing is launched for this measure). */
  tasks: number;
  timeLimit: ParsedTimeLimit | null;
  reportCadence: ReportCadence | null;
  /** The parties as the launch would start them, with any designated lead applied. */
  parties: LaunchParty[];
}

export interface LaunchParty {
  taskId: string;
  agencyId: string;
  agency: string;
  role: TaskRole;
  /** The role the text gave, where a designated lead changed it. */
  roleAsWritten: TaskRole | null;
}

export interface LaunchPreview {
  documentId: string;
  /** The request's document-wide date, or null when it gave none. */
  dueDate: string | null;
  dueBasis: string | null;
  /** False when a measure with tasks has a blocking problem: launching this request would be refused. */
  launchable: boolean;
  alreadyLaunched: boolean;
  measures: MeasureDuePreview[];
}

export interface LaunchPlan {
  documentDue: DocumentDue | null;
  measures: MeasureDuePreview[];
}

/** Measure ids as the database writes them (lower case), so an upper-case UUID names the same measure. */
export function normalised(req: LaunchRequest): LaunchRequest {
  const lower = <T extends { measureId: string }>(m: T): T => ({ ...m, measureId: m.measureId.toLowerCase() });
  return {
    ...req,
    ...(req.measures ? { measures: req.measures.map(lower) } : {}),
    ...(req.leads ? { leads: req.leads.map((l) => ({ ...lower(l), agencyId: l.agencyId.toLowerCase() })) } : {}),
  };
}

export const PER_MEASURE_BASIS = '各项措施分别确定截止日期（以最晚者为准）';

export function checkLadder(ladder: Rung[]): void {
  const problems = ladderProblems(ladder);
  if (problems.length > 0) throw new TaskError('INVALID_LADDER', `升级规则有误：${problems.join('；')}`, { problems });
}

/** Calendar arithmetic, with a year the calendar lacks refused instead of guessed (Mon–Fri). */
export function covered<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof CalendarGapError) throw new TaskError('CALENDAR_NOT_COVERED', err.message, { year: err.year });
    throw err;
  }
}

export function checkDate(cal: WorkCalendar, dueDate: string): void {
  if (!isIsoDate(dueDate)) {
    throw new TaskError('INVALID_DATE', `截止日期「${dueDate}」不是有效日期（格式 YYYY-MM-DD）`);
  }
  covered(() => isWorkingDay(cal, dueDate));
}

export function checkNotPast(documentDue: DocumentDue | null, req: LaunchRequest, today: string): void {
  if (documentDue && documentDue.dueDate <= today) {
    throw new TaskError('DUE_DATE_IN_PAST', `截止日期 ${documentDue.dueDate} 必须晚于今天（${today}）`);
  }
  for (const m of req.measures ?? []) {
    if (m.dueDate <= today) {
      throw new TaskError('DUE_DATE_IN_PAST', `措施 ${m.measureId} 的截止日期 ${m.dueDate} 必须晚于今天（${today}）`, {
        measureId: m.measureId,
      });
    }
  }
}

/** Measures that would launch tasks but have no usable date. */
export function blocking(plan: LaunchPlan): MeasureDuePreview[] {
  return plan.measures.filter((m) => m.tasks > 0 && m.problem?.blocking);
}

export function refuseBlocked(plan: LaunchPlan): void {
  const blocked = blocking(plan);
  if (blocked.length === 0) return;
  const uncovered = blocked.filter((m) => m.problem?.code === 'CALENDAR_NOT_COVERED');
  if (uncovered.length > 0) {
    const names = uncovered.map((m) => `${m.number}（${m.dueDate}）`).join('、');
    throw new TaskError(
      'CALENDAR_NOT_COVERED',
      `工作日历未覆盖以下措施截止日期所在年份：${names}；请逐项指定日期或先维护日历`,
      {
        measures: uncovered.map((m) => ({ measureId: m.measureId, number: m.number, dueDate: m.dueDate })),
      },
    );
  }
  throw new TaskError(
    'DUE_REQUIRED',
    `以下措施没有可用的截止日期：${blocked.map((m) => m.number).join('、')}；请给出截止日期 dueDate 或工作日数 dueInWorkingDays，或逐项指定`,
    { measures: blocked.map((m) => ({ measureId: m.measureId, number: m.number, problem: m.problem?.code })) },
  );
}
