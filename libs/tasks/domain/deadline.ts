/**
 * Calendar-day deadline arithmetic in Asia/Shanghai (UTC+8, no daylight saving).
 * The working-day calendar replaces the day counting in a later step; the shape stays.
 */
import type { RungKey, TaskState } from './task-state';
import { isFinal, isOpenForAgency } from './task-state';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Rungs fire at 09:00 Beijing time on their day, the start of office hours. */
const FIRING_HOUR = 9;

export type Colour = 'green' | 'yellow' | 'red' | 'grey';

export interface LadderSettings {
  reminderDaysBefore: number;
  overdueDaysAfter: number;
}

export const DEFAULT_LADDER: LadderSettings = { reminderDaysBefore: 5, overdueDaysAfter: 3 };

export interface PlannedRung {
  key: RungKey;
  /** The calendar day (Asia/Shanghai) the rung belongs to. */
  day: string;
  /** ISO instant at which it fires. */
  at: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar day of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function firingInstant(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + FIRING_HOUR * 3600 * 1000).toISOString();
}

/** The reminder before the due day and the overdue escalation after it, in firing order. */
export function planRungs(dueDate: string, ladder: LadderSettings = DEFAULT_LADDER): PlannedRung[] {
  const reminderDay = addDays(dueDate, -ladder.reminderDaysBefore);
  const overdueDay = addDays(dueDate, ladder.overdueDaysAfter);
  return [
    { key: 'reminder', day: reminderDay, at: firingInstant(reminderDay) },
    { key: 'overdue', day: overdueDay, at: firingInstant(overdueDay) },
  ];
}

/**
 * The traffic light of a task, derived from the clock on every read (never stored):
 * red once the due day has passed with work still owed, yellow inside the reminder window,
 * green otherwise; grey for tasks not issued or withdrawn.
 */
export function taskColour(
  task: { state: TaskState; dueDate: string | null },
  today: string,
  ladder: LadderSettings = DEFAULT_LADDER,
): Colour {
  if (task.state === 'draft' || task.state === 'cancelled') return 'grey';
  if (isFinal(task.state) || !isOpenForAgency(task.state) || task.dueDate === null) return 'green';
  if (today > task.dueDate) return 'red';
  if (today >= addDays(task.dueDate, -ladder.reminderDaysBefore)) return 'yellow';
  return 'green';
}

const SEVERITY: Record<Colour, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

/** Worst colour wins when tasks roll up into a measure or a document. */
export function worstColour(colours: Colour[]): Colour {
  return colours.reduce<Colour>((worst, c) => (SEVERITY[c] > SEVERITY[worst] ? c : worst), 'grey');
}

export function daysOverdue(dueDate: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(dueDate)) / DAY_MS));
}
