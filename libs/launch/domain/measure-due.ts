import { isCovered, type WorkCalendar } from '../../calendar/domain/working-days';
import type { ParsedTimeLimit } from '../../documents/parse/parse-result.types';
import { measurePeriod, periodBasis, yearEndAfter } from './measure-periods';

export { firstPeriodDue, yearEndAfter } from './measure-periods';

/** The launch's document-wide due date and how it was set, when the request gave one. */
export interface DocumentDue {
  dueDate: string;
  dueBasis: string;
}

export interface MeasureDueInput {
  /** The limit the parser read for the measure (null: none, or a parse from before version 2). */
  timeLimit: ParsedTimeLimit | null;
  /** The coordinator's date for this measure, already checked (a date, after today, in a covered year). */
  requested: string | null;
  documentDue: DocumentDue | null;
  /** The launch day (Beijing). */
  today: string;
  cal: WorkCalendar;
}

export type DueSource = 'request' | 'timeLimit' | 'document';

export type DueProblemCode = 'TIME_LIMIT_PASSED' | 'CALENDAR_NOT_COVERED' | 'DUE_REQUIRED';

export interface DueProblem {
  code: DueProblemCode;
  message: string;
  /** True when the launch cannot go ahead until the coordinator gives this measure a date. */
  blocking: boolean;
}

export interface MeasureDue {
  dueDate: string | null;
  dueBasis: string | null;
  source: DueSource | null;
  /** Ongoing measures (长期坚持) report their progress monthly. */
  reportsMonthly: boolean;
  /** The due date lies in a year the calendar plans provisionally (statutory holidays only). */
  provisional: boolean;
  problem: DueProblem | null;
}

export const REQUESTED_BASIS = '协调处室逐项指定';
export const ONGOING_BASIS = '长期任务：按月报送进展，年底前报送年度情况';

/**
 * The due date of one measure and its basis: the coordinator's date for it, else the text's limit
 * (a date after today; a recurring limit's first period, later ones issued by the measure's workflow; for an ongoing one the document-wide date
 * or the year's end, with monthly reports), else the document-wide date. A limit already past is
 * not taken: the document-wide date stands in and the problem says so.
 */
export function measureDue(input: MeasureDueInput): MeasureDue {
  const { timeLimit: t, requested, documentDue, today } = input;
  if (requested !== null) return checked(input, requested, REQUESTED_BASIS, 'request', false, null);
  if (t?.kind === 'date' && t.due > today) return checked(input, t.due, `文件规定：${t.raw}`, 'timeLimit', false, null);
  if (t?.kind === 'recurring') {
    const first = measurePeriod(t, today, 1, input.cal);
    return checked(input, first.due, periodBasis(t, first), 'timeLimit', false, null);
  }
  if (t?.kind === 'ongoing') {
    if (documentDue) {
      const basis = `长期任务：按月报送进展，${documentDue.dueDate}前报送阶段情况（${documentDue.dueBasis}）`;
      return checked(input, documentDue.dueDate, basis, 'document', true, null);
    }
    return checked(input, yearEndAfter(today), ONGOING_BASIS, 'timeLimit', true, null);
  }
  const passed: DueProblem | null =
    t?.kind === 'date'
      ? {
          code: 'TIME_LIMIT_PASSED',
          message: `文件规定的时限「${t.raw}」（${t.due}）已过，${documentDue ? '改用下发时指定的截止日期' : '请为该措施指定截止日期'}`,
          blocking: !documentDue,
        }
      : null;
  if (documentDue) {
    const basis = passed ? `${documentDue.dueBasis}（文件规定的「${t?.raw}」已过）` : documentDue.dueBasis;
    return checked(input, documentDue.dueDate, basis, 'document', false, passed);
  }
  return {
    dueDate: null,
    dueBasis: null,
    source: null,
    reportsMonthly: false,
    provisional: false,
    problem: passed ?? {
      code: 'DUE_REQUIRED',
      message: '文件未规定该措施的完成时限，请为该措施指定截止日期，或给出全文统一的截止日期',
      blocking: true,
    },
  };
}

function checked(
  { cal }: MeasureDueInput,
  dueDate: string,
  dueBasis: string,
  source: DueSource,
  reportsMonthly: boolean,
  problem: DueProblem | null,
): MeasureDue {
  const year = Number(dueDate.slice(0, 4));
  if (!isCovered(cal, year)) {
    problem = {
      code: 'CALENDAR_NOT_COVERED',
      message: `截止日期 ${dueDate} 所在的 ${year} 年工作日历未覆盖，请为该措施另指定日期或请管理员先维护该年度日历`,
      blocking: true,
    };
  }
  return { dueDate, dueBasis, source, reportsMonthly, provisional: cal.provisional.has(year), problem };
}

/** Ongoing measures report on the 5th working day of each month unless the launch sets a cadence. */
export const ONGOING_REPORT_WORKING_DAY = 5;
