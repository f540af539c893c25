/** A task's clock read for a day: its colour, the rung that explains it, the working days left. */
import {
  addWorkingDays,
  CalendarGapError,
  type WorkCalendar,
  workingDaysBetween,
} from '../../calendar/domain/working-days';
import { firingInstant, shanghaiDay } from './beijing-time';
import type { Rung } from './ladder';
import type { TaskState } from '../../tasks/domain/task-state';
import { isOpenForAgency } from '../../tasks/domain/task-state';

export type Colour = 'green' | 'yellow' | 'red' | 'grey';

/** What an acceptance recorded about its submission; older acceptances recorded nothing. */
export interface Acceptance {
  onTime?: boolean;
  submittedOn?: string;
  dueDate?: string;
  workingDaysLate?: number;
}

export interface ClockReading {
  colour: Colour;
  /** The rung whose day has come, which is what made the task yellow or red. */
  rule: { key: string; label: string; day: string } | null;
  /** Working days from today to the due date; negative once overdue. */
  workingDaysLeft: number | null;
  overdue: boolean;
  /** Set when the calendar lacks a year needed to read the clock. */
  calendarGapYear: number | null;
  explanation: string;
}

/**
 * Reads a task's clock at an instant (a Beijing day alone is read at 09:00, when that day's rungs
 * fire), from its effective due date, the launch's ladder and the calendar: derived on every read,
 * never stored. A rung colours the task from the instant it fires, not from midnight of its day.
 * `submittedOn`, the Beijing day of the submission under review, makes a late submission read late;
 * `acceptance` makes an accepted task say whether it was on time or how many working days late.
 */
export function readClock(
  cal: WorkCalendar,
  task: {
    state: TaskState;
    dueDate: string | null;
    pausedSince: string | null;
    submittedOn?: string | null;
    acceptance?: Acceptance | null;
  },
  ladder: Rung[],
  now: Date | string,
): ClockReading {
  const today = typeof now === 'string' ? now : shanghaiDay(now);
  const instant = typeof now === 'string' ? firingInstant(now) : now.toISOString();
  const idle = (colour: Colour, explanation: string): ClockReading => ({
    colour,
    rule: null,
    workingDaysLeft: null,
    overdue: false,
    calendarGapYear: null,
    explanation,
  });
  if (task.state === 'draft') return idle('grey', '尚未下发');
  if (task.state === 'cancelled') return idle('grey', '已撤销');
  if (task.state === 'closed') return idle('green', '措施已办结，本任务随之办结');
  if (task.state === 'reassigned') return idle('grey', '已转办其他单位，计时由新任务接续');
  if (task.state === 'accepted') return idle('green', acceptedText(task.acceptance ?? null));
  if (task.dueDate === null) return idle('grey', '未设截止日期');
  // Under review the clock stands still (a 待审核 pause), but a late submission still reads late.
  if (task.pausedSince !== null && isOpenForAgency(task.state))
    return idle('grey', `自 ${task.pausedSince} 起暂停计时`);
  const dueDate = task.dueDate;
  try {
    const left = workingDaysBetween(cal, today, dueDate);
    const overdue = today > dueDate;
    if (!isOpenForAgency(task.state)) {
      const submitted = task.submittedOn ?? null;
      if (submitted !== null && submitted > dueDate) {
        const late = workingDaysBetween(cal, dueDate, submitted);
        return {
          ...idle('red', `截止 ${dueDate}；${submitted} 逾期提交（逾期 ${late} 个工作日），待审核`),
          workingDaysLeft: left,
          overdue: true,
        };
      }
      return { ...idle('green', '已提交，待审核'), workingDaysLeft: left, overdue: false };
    }
    for (let i = ladder.length - 1; i >= 0; i--) {
      const day = addWorkingDays(cal, dueDate, ladder[i].offset);
      if (firingInstant(day) <= instant) {
        const r = ladder[i];
        return {
          colour: r.colour,
          rule: { key: r.key, label: r.label, day },
          workingDaysLeft: left,
          overdue,
          calendarGapYear: null,
          explanation: `截止 ${dueDate}；${day} 起进入「${r.label}」（截止日${r.offset >= 0 ? '后' : '前'} ${Math.abs(r.offset)} 个工作日）`,
        };
      }
    }
    return {
      colour: 'green',
      rule: null,
      workingDaysLeft: left,
      overdue,
      calendarGapYear: null,
      explanation: `截止 ${dueDate}，还有 ${left} 个工作日`,
    };
  } catch (err) {
    if (!(err instanceof CalendarGapError)) throw err;
    return { ...idle('grey', err.message), calendarGapYear: err.year, overdue: today > dueDate };
  }
}

// An accepted task still says whether it was done in time, and if not by how much.
function acceptedText(a: Acceptance | null): string {
  if (a?.onTime === true) return `已办结（按期：${a.submittedOn} 提交，截止 ${a.dueDate}）`;
  if (a?.onTime === false) {
    const late = a.workingDaysLate === undefined ? '' : `，逾期 ${a.workingDaysLate} 个工作日`;
    return `已办结（逾期办结：${a.submittedOn} 提交，截止 ${a.dueDate}${late}）`;
  }
  return '已办结';
}

const SEVERITY: Record<Colour, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

/** Worst colour wins when tasks roll up into a measure or a document. */
export function worstColour(colours: Colour[]): Colour {
  return colours.reduce<Colour>((worst, c) => (SEVERITY[c] > SEVERITY[worst] ? c : worst), 'grey');
}
