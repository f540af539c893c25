/**
 * A provisional year for a year the State Council has not yet scheduled: the statutory public
 * holidays of 《全国年节及纪念日放假办法》 as revised by the State Council's decision of November
 * 2024 (国务院令第795号, in force from 1 January 2025), article 2: 元旦 1 day (1 January), 春节 4 days
 * (农历除夕 and 正月初一 to 初三), 清明节 1 day (the day of the solar term), 劳动节 2 days (1 and 2
 * May), 端午节 1 day (农历五月初五), 中秋节 1 day (农历八月十五), 国庆节 3 days (1 to 3 October).
 * The same 办法 says a holiday for all citizens that falls on a Saturday or Sunday is made up on a
 * working day (补假): each such day adds the next weekday after its festival. Make-up working days
 * (调休上班) are decided only by each year's notice, so a provisional year has none.
 */
import { epochDayToIso, isWeekendEpochDay, parseIsoDay } from './iso-day';

/** The lunar dates and solar terms the rule needs, answered outside the domain (chinese-days). */
export interface LunarCalendar {
  /** The Gregorian date of a day of the lunar year that starts in `year` (month 1 = 正月). */
  lunarToSolar(year: number, month: number, day: number): string;
  /** The day of the 清明 solar term in `year`. */
  qingming(year: number): string;
}

export interface StatutoryYear {
  year: number;
  holidays: { day: string; name: string }[];
  workdays: { day: string; name: string }[];
  /** What the dates rest on, for the change log and every explanation that uses them. */
  basis: string;
}

export const STATUTORY_BASIS =
  '暂按《全国年节及纪念日放假办法》（2024年修订）法定节假日推算，未含调休，待国务院办公厅发布当年放假安排后替换';

const epoch = (day: string): number => {
  const parsed = parseIsoDay(day);
  if (!parsed) throw new RangeError(`not a date: ${day}`);
  return parsed.epochDay;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function statutoryYear(year: number, lunar: LunarCalendar): StatutoryYear {
  const newYear = epoch(lunar.lunarToSolar(year, 1, 1));
  const festivals: { name: string; days: number[] }[] = [
    { name: '元旦', days: [epoch(iso(year, 1, 1))] },
    { name: '春节', days: [newYear - 1, newYear, newYear + 1, newYear + 2] },
    { name: '清明节', days: [epoch(lunar.qingming(year))] },
    { name: '劳动节', days: [epoch(iso(year, 5, 1)), epoch(iso(year, 5, 2))] },
    { name: '端午节', days: [epoch(lunar.lunarToSolar(year, 5, 5))] },
    { name: '中秋节', days: [epoch(lunar.lunarToSolar(year, 8, 15))] },
    { name: '国庆节', days: [epoch(iso(year, 10, 1)), epoch(iso(year, 10, 2)), epoch(iso(year, 10, 3))] },
  ];
  const off = new Map<number, string>();
  for (const f of festivals) for (const d of f.days) off.set(d, f.name);
  for (const f of festivals) {
    let owed = f.days.filter(isWeekendEpochDay).length;
    for (let d = Math.max(...f.days) + 1; owed > 0; d++) {
      if (isWeekendEpochDay(d) || off.has(d)) continue;
      off.set(d, `${f.name}补假`);
      owed -= 1;
    }
  }
  const holidays = [...off.entries()]
    .sort(([a], [b]) => a - b)
    .map(([d, name]) => ({ day: epochDayToIso(d), name }))
    .filter((e) => e.day.startsWith(`${year}-`));
  return { year, holidays, workdays: [], basis: STATUTORY_BASIS };
}

/**
 * Warnings for the readiness probe: a provisional year is worth an admin's attention from
 * 1 November of the year before, when the State Council usually publishes its schedule.
 */
export function provisionalYearWarnings(provisionalYears: readonly number[], today: string): string[] {
  return provisionalYears
    .filter((year) => today >= `${year - 1}-11-01`)
    .map((year) => `${year} 年放假安排尚未载入：涉及该年的期限暂按法定节假日推算，国务院办公厅发布通知后请管理员载入`);
}
