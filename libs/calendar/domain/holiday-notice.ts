/**
 * Reads the State Council's yearly holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知),
 * pasted as text by an admin, into the year's days off and make-up working days. Each holiday
 * line reads like 「二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，
 * 共8天。1月26日（周日）、2月8日（周六）上班。」; older notices also write 「4月5日放假，4月7日
 * （星期一）补休」. Every weekday written in brackets and every 「共N天」 is checked, so a notice
 * pasted for the wrong year, or mistyped, is refused line by line rather than stored.
 */
import { epochDayToIso, isWeekend, parseIsoDay } from './iso-day';
import type { DayEntry } from './year-entries';

export interface HolidayNotice {
  year: number;
  holidays: Required<DayEntry>[];
  workdays: Required<DayEntry>[];
  /** One line per problem, in Chinese; the notice can be stored only when this is empty. */
  problems: string[];
  /** Days the notice names in another year (元旦 from 31 December): that year's data holds them. */
  otherYears: string[];
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const ITEM = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:]{1,30}?)\s*[：:]\s*(.+)$/;
// 「2026年1月1日」 or 「1月1日」 or, after a first date in the same month, 「3日」; then an optional
// bracket such as （农历除夕、周二） or (星期一).
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:[（(]([^）)]*)[）)])?/g;

interface Written {
  day: string | null;
  weekday: string | null;
  at: number;
  end: number;
  raw: string;
}

/** The notice's year: from its title, else from 「现将YYYY年…」, else the one passed in. */
export function noticeYear(text: string): number | null {
  const m = /关于\s*(\d{4})\s*年\s*部分节假日安排/.exec(text) ?? /现将\s*(\d{4})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

export function readHolidayNotice(text: string, yearHint?: number): HolidayNotice {
  const problems: string[] = [];
  const year = noticeYear(text) ?? yearHint ?? null;
  if (year === null) {
    return {
      year: NaN,
      holidays: [],
      workdays: [],
      problems: ['未能识别通知所属年份（应含「关于YYYY年部分节假日安排的通知」）'],
      otherYears: [],
    };
  }
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  let items = 0;
  for (const line of text.split(/\r?\n/)) {
    const item = ITEM.exec(line.replace(/\u3000/g, ' '));
    if (!item || !/[放假上班补休]/.test(item[2])) continue;
    items += 1;
    const name = item[1].replace(/\s+/g, '');
    const where = `「${name}」`;
    for (const sentence of item[2].split(/[。；;]/)) {
      if (sentence.trim() === '') continue;
      const dates = datesIn(sentence, year, problems, where);
      if (dates.length === 0) continue;
      if (/上班/.test(sentence)) {
        for (const d of dates) if (d.day) workdays.set(d.day, `${name}调休上班`);
        continue;
      }
      if (!/放假|补休/.test(sentence)) continue;
      // 「A至B」 is a range; otherwise each date written is a day off (「A放假，B补休」).
      const between = sentence.slice(dates[0].end, dates[1]?.at ?? dates[0].end);
      const days =
        dates.length >= 2 && /^\s*[至到-－~～]\s*$/.test(between)
          ? range(dates[0].day, dates[1].day)
          : dates.map((d) => d.day).filter((d): d is string => d !== null);
      for (const d of days) holidays.set(d, name);
      const total = /共\s*(\d+)\s*天/.exec(sentence);
      if (total && Number(total[1]) !== days.length) {
        problems.push(`${where}写明共 ${total[1]} 天，按所列日期计为 ${days.length} 天`);
      }
    }
  }
  if (items === 0) problems.push('未找到放假安排条目（应有「一、元旦：…放假…」这样的行）');
  for (const day of workdays.keys()) {
    if (!isWeekend(day)) problems.push(`${day} 不是周六或周日，不能是调休上班日`);
    if (holidays.has(day)) problems.push(`${day} 不能同时放假和上班`);
  }
  const inYear = (day: string) => day.startsWith(`${year}-`);
  const entries = (m: Map<string, string>) =>
    [...m.entries()]
      .filter(([day]) => inYear(day))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, name]) => ({ day, name }));
  const otherYears = [...holidays.keys(), ...workdays.keys()].filter((d) => !inYear(d)).sort();
  return { year, holidays: entries(holidays), workdays: entries(workdays), problems, otherYears };
}

function datesIn(sentence: string, year: number, problems: string[], where: string): Written[] {
  const out: Written[] = [];
  let month: number | null = null;
  for (const m of sentence.matchAll(DATE)) {
    const explicitYear = m[1] ? Number(m[1]) : year;
    month = m[2] ? Number(m[2]) : month;
    const raw = m[0].trim();
    if (month === null) {
      problems.push(`${where}中的「${raw}」缺少月份`);
      continue;
    }
    const iso = `${explicitYear}-${String(month).padStart(2, '0')}-${String(Number(m[3])).padStart(2, '0')}`;
    const parsed = parseIsoDay(iso);
    const weekday = /(?:周|星期)([日天一二三四五六])/.exec(m[4] ?? '')?.[1]?.replace('天', '日') ?? null;
    if (!parsed) problems.push(`${where}中的「${raw}」不是有效日期`);
    else if (weekday !== null && WEEKDAYS[(((parsed.epochDay + 4) % 7) + 7) % 7] !== weekday) {
      problems.push(`${where}中的「${raw}」：${iso} 不是星期${weekday}，请核对年份和日期`);
    }
    out.push({ day: parsed ? iso : null, weekday, at: m.index, end: m.index + m[0].length, raw });
  }
  return out;
}

function range(from: string | null, to: string | null): string[] {
  const a = from ? parseIsoDay(from) : null;
  const b = to ? parseIsoDay(to) : null;
  if (!a || !b || b.epochDay < a.epochDay || b.epochDay - a.epochDay > 40)
    return [from, to].filter((d): d is string => !!d);
  return Array.from({ length: b.epochDay - a.epochDay + 1 }, (_, i) => epochDayToIso(a.epochDay + i));
}
