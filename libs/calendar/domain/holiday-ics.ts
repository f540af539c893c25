/**
 * Reads a holiday calendar in iCalendar form (RFC 5545), the second way to load a year: all-day
 * events whose summary ends in （休） or (休) are days off, in （班） or (班) make-up working days, as
 * the common Chinese holiday calendars (and the chinese-days package's holidays.ics) write them.
 * DTEND of an all-day event is exclusive. Written here rather than taken from a package: the
 * maintained iCalendar libraries are ESM-only or pull in time-zone engines, and only this small
 * subset is needed.
 */
import { epochDayToIso, parseIsoDay } from './iso-day';

export interface IcsYear {
  holidays: { day: string; name: string }[];
  workdays: { day: string; name: string }[];
}

export interface IcsHolidays {
  /** The days found, by year. */
  years: Map<number, IcsYear>;
  problems: string[];
}

export function looksLikeIcs(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR/i.test(text);
}

export function readHolidayIcs(text: string): IcsHolidays {
  // Unfold continuation lines (a line starting with a space or a tab continues the previous one).
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const years = new Map<number, IcsYear>();
  const problems: string[] = [];
  let event: Record<string, string> | null = null;
  let events = 0;
  for (const line of lines) {
    if (/^BEGIN:VEVENT$/i.test(line)) event = {};
    else if (/^END:VEVENT$/i.test(line) && event) {
      events += 1;
      readEvent(event, years, problems);
      event = null;
    } else if (event) {
      const m = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/i.exec(line);
      if (m) event[m[1].toUpperCase()] = m[2].trim();
    }
  }
  if (events === 0) problems.push('日历文件中没有任何事件（VEVENT）');
  for (const y of years.values()) {
    y.holidays.sort((a, b) => a.day.localeCompare(b.day));
    y.workdays.sort((a, b) => a.day.localeCompare(b.day));
  }
  return { years, problems };
}

function readEvent(e: Record<string, string>, years: Map<number, IcsYear>, problems: string[]): void {
  const summary = (e.SUMMARY ?? '').replace(/\\,/g, ',');
  const mark = /[（(]\s*(休|班)\s*[）)]\s*$/.exec(summary);
  if (!mark) return; // other events (festivals without a day off, notes) say nothing about working days
  const name = summary.slice(0, mark.index).trim();
  const start = dateOf(e.DTSTART);
  const end = e.DTEND ? dateOf(e.DTEND) : start === null ? null : start + 1;
  if (start === null || end === null || end <= start || end - start > 40) {
    problems.push(`「${summary}」的日期无法读取（DTSTART ${e.DTSTART ?? '无'}，DTEND ${e.DTEND ?? '无'}）`);
    return;
  }
  for (let d = start; d < end; d++) {
    const day = epochDayToIso(d);
    const year = Number(day.slice(0, 4));
    const entry = years.get(year) ?? { holidays: [], workdays: [] };
    years.set(year, entry);
    (mark[1] === '休' ? entry.holidays : entry.workdays).push({ day, name });
  }
}

function dateOf(value: string | undefined): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? '');
  return m ? (parseIsoDay(`${m[1]}-${m[2]}-${m[3]}`)?.epochDay ?? null) : null;
}
