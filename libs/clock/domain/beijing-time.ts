/** Beijing time (Asia/Shanghai, UTC+8, no daylight saving): calendar days and firing instants. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The Asia/Shanghai calendar day of an instant (UTC+8, no daylight saving). */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const DAY_MS = 24 * 3600 * 1000;
/** Rungs fire at 09:00 Beijing time on their day, the start of office hours. */
const FIRING_HOUR = 9;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 09:00 Beijing time on a day, as an ISO instant. */
export function firingInstant(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + FIRING_HOUR * 3600 * 1000).toISOString();
}
