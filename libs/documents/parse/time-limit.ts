/**
 * Time limits (完成时限) written in a measure's text, its attribution or a table's time cell:
 * a date (2026年底前), a recurring limit (每季度报送) or an ongoing one (长期坚持). Pure.
 */
import type {
  ParsedTimeLimit,
  ParseWarning,
  RecurringEvery,
  RecurringTimeLimit,
  Span,
  TimeLimitSource,
} from './parse-result.types';

export interface TimeLimitScan {
  /** Every limit read, in text order. */
  found: ParsedTimeLimit[];
  /** Wording that sets a limit without a readable date: 尽快, 近期, 6月底前 (no year), 2026年2月30日前. */
  unreadable: { raw: string; span: Span }[];
}

export interface TimeLimitOptions {
  /** The text is a table's time cell: a bare date (2026年, 2026年9月) or a range's end is a limit too. */
  cell?: boolean;
  /** The document's date (YYYY-MM-DD): 印发之日起30日内 counts from it. */
  issuedOn?: string | null;
  /** The measure's attributions: limits inside them have source 'attribution'. */
  attributionSpans?: Span[];
}

// Year, then month (+ day, or 底/末/旬), half-year, quarter, or year end; the year is required.
const DATE =
  /(?<!\d)(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|(底|末|上旬|中旬|下旬))?|([上下])半年(?:底|末)?|第?([一二三四1-4])季度(?:末|底)?|(年底|年末|底|末))?/g;
const LIMIT_AFTER = /^\s*(?:前|以前|之前|内|(?:前)?(?:全面|基本)?(?:完成|建成|出台))+/;
const NOT_LIMIT_AFTER = /^\s*(?:起|以来|开始|以后|之后|后|度|为|的)/;
const LIMIT_BEFORE = /(?:到|至|截止|截止到)\s*$/;
const RANGE_SIGN = '(?:至|到|—|－|-|~|～)+';
const RANGE_START = new RegExp(`^\\s*${RANGE_SIGN}\\s*\\d`);
const RANGE_END = new RegExp(`\\d\\s*[年月日号]?\\s*${RANGE_SIGN}\\s*$`);
const RELATIVE = /(?:印发|发布|下发|出台|实施)(?:之日)?(?:起|后)\s*(\d{1,3})\s*(个工作日|个月|日|天)内/g;
const RECURRING = /(每|按)(年度|年|半年|季度|季|月)(?:(\d{1,2})月)?(年底|年末|底|末|(\d{1,2})[日号])?(前|以前|之前)?/g;
/** A recurring period counts as a limit when a report or review follows it (每月发放 is not a limit). */
const PERIODIC_ACT =
  /^[^，,。；;]{0,10}?(?:报送|上报|报告|通报|调度|汇总|总结|评估|更新|公布|发布|召开|会商|督导|督查|检查|研判|分析)/;
const ONGOING = /^(?:长期坚持|长期推进|长期实施|长期开展|长期|持续推进|持续实施|持续开展|持续|常态化推进|常态化)$/;
const CLAUSE_SPLIT = /[，,。；;：:（）()\n、！!？?]/;
// Deadline wording without a date to read. Not here: 及时, 适时, 定期 (no deadline stated), and
// 10个工作日内 (a service standard counted from each request, not the measure's limit).
const UNREADABLE =
  /尽快|近期|限期|年度?内|[上下]半年|年底前?|年末|\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]|底|末|上旬|中旬|下旬)?\s*(?:前|以前|之前)|第?[一二三四]季度|\d+\s*个月内/g;
const CN_QUARTER = '一二三四';

type Body<T> = T extends ParsedTimeLimit ? Omit<T, 'raw' | 'span' | 'source'> : never;
type LimitBody = Body<ParsedTimeLimit>;

/** Every time limit in [start, end) of the input, and the limit-like wording that could not be read. */
export function scanTimeLimits(
  input: string,
  start: number,
  end: number,
  options: TimeLimitOptions = {},
): TimeLimitScan {
  const text = asciiDigits(input.slice(start, end));
  const cell = options.cell === true;
  const taken: Span[] = [];
  const found: ParsedTimeLimit[] = [];
  const unreadable: TimeLimitScan['unreadable'] = [];
  const spanOf = (s: number, e: number): Span => [start + s, start + e];
  const sourceOf = (s: number, e: number): TimeLimitSource => {
    if (cell) return 'tableCell';
    const inside = (options.attributionSpans ?? []).some(([a, b]) => a <= start + s && start + e <= b);
    return inside ? 'attribution' : 'text';
  };
  const add = (limit: LimitBody, s: number, e: number): void => {
    const where = { raw: input.slice(start + s, start + e), span: spanOf(s, e), source: sourceOf(s, e) };
    found.push({ ...limit, ...where });
  };
  const cannotRead = (s: number, e: number): void => {
    unreadable.push({ raw: input.slice(start + s, start + e), span: spanOf(s, e) });
  };

  for (const m of text.matchAll(DATE)) {
    const s = m.index ?? 0;
    let e = s + m[0].length;
    const after = text.slice(e);
    const before = text.slice(Math.max(0, s - 12), s);
    taken.push([s, e]);
    if (inBookTitle(text, s) || NOT_LIMIT_AFTER.test(after) || RANGE_START.test(after)) continue;
    if (RANGE_END.test(before) && !cell) continue; // 2019年1月1日至2020年12月31日: a period, not a limit
    if (/截至\s*$/.test(before) && !cell) continue; // 截至2025年底: "as of", a status
    const marker = LIMIT_AFTER.exec(after);
    const periodEnd = m[4] === '底' || m[4] === '末' || m[7] !== undefined || /[末底]$/.test(m[0]);
    const opensSentence =
      /^[。；;！!？?\n：:]?$/.test(previousVisible(text, s)) &&
      /^\s*[，,]/.test(after) &&
      m[0].length > m[1].length + 1;
    if (!(cell || marker || periodEnd || LIMIT_BEFORE.test(before) || opensSentence)) continue;
    if (marker) e += marker[0].length;
    const to = LIMIT_BEFORE.exec(before);
    const from = to ? s - to[0].length : s; // 到2027年 is read with its 到
    taken[taken.length - 1] = [from, e];
    const due = dueDate(m);
    if (due) add({ kind: 'date', due }, from, e);
    else cannotRead(from, e);
  }

  for (const m of text.matchAll(RELATIVE)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    taken.push([s, e]);
    const due = options.issuedOn && m[2] !== '个工作日' ? addToDate(options.issuedOn, Number(m[1]), m[2]) : null;
    if (due) add({ kind: 'date', due }, s, e);
    else cannotRead(s, e);
  }

  for (const m of text.matchAll(RECURRING)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    const written = m[3] !== undefined || m[4] !== undefined || m[6] !== undefined;
    if (!(cell || written || PERIODIC_ACT.test(text.slice(e)))) continue;
    taken.push([s, e]);
    const recurring = recurringOf(m);
    if (recurring) add(recurring, s, e);
    else cannotRead(s, e);
  }

  let offset = 0;
  for (const clause of text.split(CLAUSE_SPLIT)) {
    const lead = clause.length - clause.trimStart().length;
    const word = clause.trim();
    if (ONGOING.test(word)) {
      taken.push([offset + lead, offset + lead + word.length]);
      add({ kind: 'ongoing' }, offset + lead, offset + lead + word.length);
    }
    offset += clause.length + 1;
  }

  // Matches come in text order: walk the taken spans (sorted by start) alongside them.
  taken.sort((a, b) => a[0] - b[0]);
  let next = 0;
  let reach = -1; // furthest end among the taken spans that start before the current match ends
  for (const m of text.matchAll(UNREADABLE)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    while (next < taken.length && taken[next][0] < e) reach = Math.max(reach, taken[next++][1]);
    if (reach <= s) cannotRead(s, e);
  }
  // A time cell that says something but nothing readable (按计划推进) is unreadable as a whole.
  const cellText = text.trim();
  if (cell && found.length === 0 && unreadable.length === 0 && cellText && !isNoEntry(cellText)) {
    const lead = text.length - text.trimStart().length;
    cannotRead(lead, lead + cellText.length);
  }
  found.sort((a, b) => a.span[0] - b.span[0]);
  return { found, unreadable };
}

const SOURCE_ORDER: TimeLimitSource[] = ['tableCell', 'attribution', 'text'];

/**
 * One limit for a measure: the table cell over the attribution over the text; within that source
 * the latest date, else the first recurring limit, else the first ongoing one.
 */
export function chooseTimeLimit(found: ParsedTimeLimit[]): ParsedTimeLimit | null {
  for (const source of SOURCE_ORDER) {
    const here = found.filter((f) => f.source === source);
    let latest: ParsedTimeLimit | null = null;
    for (const f of here) if (f.kind === 'date' && (latest?.kind !== 'date' || f.due > latest.due)) latest = f;
    const pick = latest ?? here.find((f) => f.kind === 'recurring') ?? here.find((f) => f.kind === 'ongoing');
    if (pick) return pick;
  }
  return null;
}

/** The warning for a measure whose limit wording could not be read, or null. */
export function unreadableTimeLimitWarning(
  measure: string,
  limit: ParsedTimeLimit | null,
  scan: TimeLimitScan,
): ParseWarning | null {
  if (limit || scan.unreadable.length === 0) return null;
  const raws = [...new Set(scan.unreadable.map((u) => u.raw.trim()))].join('”“');
  return {
    measure,
    code: 'UNREADABLE_TIME_LIMIT',
    message: `${measure} 的时限“${raws}”无法读成具体日期，请人工确认完成时限`,
  };
}

/** 无, —, -, / and the like: the cell is deliberately empty. */
export function isNoEntry(cell: string): boolean {
  return /^(?:无|暂无|—+|－+|-+|\/|／|空)$/.test(cell.trim());
}

/**
 * The input with time clauses inside brackets blanked (same length, offsets unchanged), so that
 * （市民政局牵头，2026年底前完成） reads as an attribution of 市民政局 alone.
 */
export function maskTimeClauses(input: string): string {
  const chars = input.split(''); // UTF-16 units, as offsets count them
  let depth = 0;
  let clauseStart = -1;
  const flush = (endAt: number): void => {
    if (clauseStart < 0) return;
    const clause = input.slice(clauseStart, endAt);
    if (TIME_CLAUSE.test(asciiDigits(clause)) && !ROLE_CLAUSE.test(clause)) {
      for (let i = clauseStart; i < endAt; i += 1) chars[i] = '\u3000';
    }
    clauseStart = -1;
  };
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i];
    if (c === '\n') {
      flush(i);
      depth = 0;
    } else if (c === '（' || c === '(') {
      flush(i);
      depth += 1;
      clauseStart = i + 1;
    } else if (c === '）' || c === ')') {
      flush(i);
      depth = Math.max(0, depth - 1);
      clauseStart = depth > 0 ? i + 1 : -1;
    } else if (depth > 0 && /[，,；;]/.test(c)) {
      flush(i);
      clauseStart = i + 1;
    }
  }
  return chars.join('');
}

const TIME_CLAUSE =
  /\d{4}\s*年|长期|持续|常态化|每(?:年|半年|季度?|月)|按(?:年|半年|季度?|月)|前完成|底前|尽快|年内|月底|季度|时限|时间安排/;
const ROLE_CLAUSE = /负责|牵头|配合|参与|协助|指导|会同|单位|部门/;

function dueDate(m: RegExpMatchArray): string | null {
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3] !== undefined) return isoDate(year, month, Number(m[3]));
    if (m[4] === '上旬') return isoDate(year, month, 10);
    if (m[4] === '中旬') return isoDate(year, month, 20);
    return isoDate(year, month, lastDay(year, month));
  }
  if (m[5] !== undefined) return m[5] === '上' ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
  if (m[6] !== undefined) {
    const quarter = /\d/.test(m[6]) ? Number(m[6]) : CN_QUARTER.indexOf(m[6]) + 1;
    return isoDate(year, quarter * 3, lastDay(year, quarter * 3));
  }
  return isoDate(year, 12, 31);
}

function recurringOf(m: RegExpMatchArray): Body<RecurringTimeLimit> | null {
  const period = m[2];
  const every: RecurringEvery =
    period === '半年' ? 'half-year' : period.startsWith('季') ? 'quarter' : period === '月' ? 'month' : 'year';
  const month = m[3] !== undefined ? Number(m[3]) : null;
  const day: number | 'end' | null =
    m[5] !== undefined ? Number(m[5]) : m[4] === '年底' || m[4] === '年末' ? 31 : m[4] !== undefined ? 'end' : null;
  if ((month !== null && (month < 1 || month > 12)) || (typeof day === 'number' && (day < 1 || day > 31))) return null;
  if (every === 'year') {
    if (m[4] === '年底' || m[4] === '年末' || (month === null && day !== null))
      return { kind: 'recurring', every, by: { month: 12, day: 31 } };
    return { kind: 'recurring', every, by: month !== null ? { month, day: day ?? 'end' } : null };
  }
  // 每季度1月… names no readable day of the period; 每月10日前 and 每季度末 do.
  return { kind: 'recurring', every, by: day !== null && month === null ? { month: null, day } : null };
}

/** Inside 《…》: book titles are short, so only a window before the index is searched. */
function inBookTitle(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 60), index);
  return window.lastIndexOf('《') > window.lastIndexOf('》');
}

/** The nearest non-space character before the index, or '' at the start. */
function previousVisible(text: string, index: number): string {
  for (let j = index - 1; j >= 0; j -= 1) if (!/[ \t\u3000]/.test(text[j])) return text[j];
  return '';
}

function addToDate(iso: string, amount: number, unit: string): string | null {
  const [y, m, d] = iso.split('-').map(Number);
  if (unit === '个月') {
    const month = m - 1 + amount;
    const year = y + Math.floor(month / 12);
    const mm = (month % 12) + 1;
    return isoDate(year, mm, Math.min(d, lastDay(year, mm)));
  }
  const date = new Date(Date.UTC(y, m - 1, d + amount));
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Full-width digits as ASCII, one for one (offsets unchanged). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
