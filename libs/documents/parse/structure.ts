/**
 * Document layout: lines, numbered items (一、 / （一） / 1. / （1）), which items are section
 * headings and which are measures, and the header / signature fields.
 */

export interface Line {
  start: number;
  /** Offset just past the line's visible text (before \r\n). */
  end: number;
  text: string;
}

export interface Item {
  level: number;
  /** The numbering as written: "（一）", "12.", "二十一、". */
  number: string;
  /** Offset of the numbering (after indentation). */
  start: number;
  line: number;
}

export interface MeasureBlock {
  item: Item;
  /** Heading line of the nearest enclosing heading item, or null. */
  section: string | null;
  /** Lines of the measure, [firstLine, endLine). */
  firstLine: number;
  endLine: number;
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
/** Arabic digits, half- or full-width (７．). */
const DIGIT = '[0-9０-９]';
const MARKERS: { level: number; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^${CN_NUM}、`) },
  { level: 2, re: new RegExp(`^[（(]${CN_NUM}[）)]`) },
  { level: 3, re: new RegExp(`^${DIGIT}{1,3}[.．、](?![0-9０-９.．])`) },
  { level: 4, re: new RegExp(`^[（(]${DIGIT}{1,3}[）)]`) },
];
/**
 * 7.5G基站… / 8.2026年底前…: a 1. numbering written against a figure. It is an item only where
 * the sequence expects it; 7.5% / 1.5倍 / 7.5.1 / "7.5 " read as a figure or a section number.
 */
export const FIGURE_ITEM = new RegExp(`^(${DIGIT}{1,3})[.．、](?=${DIGIT}+(?![0-9０-９.．%％‰\\s]|倍|个百分点))`);
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const CN_DATE_LINE = /^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const DOC_NUMBER = /^[\u4e00-\u9fa5A-Za-z]{1,15}[〔[［(（]\d{4}[〕\]］)）]\d{1,5}号$/;
const TITLE_WORD = /关于|意见|通知|办法|方案|决定|规定|细则|规划|计划|纲要|批复|公告|条例|措施|要点/;

export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= input.length) {
    const nl = input.indexOf('\n', start);
    const stop = nl < 0 ? input.length : nl;
    const end = stop > start && input[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ start, end, text: input.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

export function findItems(lines: Line[]): Item[] {
  const items: Item[] = [];
  let lastArabic = 0;
  // 1.2026年… opening a list under a heading: an item once its 2. is seen.
  let pendingFirst: Item | null = null;
  const accept = (item: Item): void => {
    if (item.level === 3) {
      const value = arabicValue(item.number);
      if (pendingFirst && value === 2) items.push(pendingFirst);
      lastArabic = value;
    }
    if (item.level <= 3) pendingFirst = null;
    items.push(item);
  };
  lines.forEach((line, index) => {
    const indent = line.text.length - line.text.trimStart().length;
    const body = line.text.slice(indent);
    const at = { start: line.start + indent, line: index };
    for (const { level, re } of MARKERS) {
      const m = re.exec(body);
      if (m) return accept({ level, number: m[0], ...at });
    }
    const figure = FIGURE_ITEM.exec(body);
    if (!figure) return;
    const value = arabicValue(figure[1]);
    const item = { level: 3, number: figure[0], ...at };
    if (value === lastArabic + 1 || (pendingFirst && value === 2)) accept(item);
    else if (value === 1 && items.length > 0 && items[items.length - 1].level < 3) pendingFirst = item;
  });
  // A pending first item joins when its 2. is seen, after any (1) children it had.
  return items.sort((a, b) => a.line - b.line);
}

/** The value of an Arabic numbering as written: "12.", "７．", "8". */
export function arabicValue(numbering: string): number {
  const digits = numbering.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\D/g, '');
  return Number(digits);
}

/** The signature block (issuer line + date line) ends any measure before it. */
function signatureStops(lines: Line[]): Set<number> {
  const stops = new Set<number>();
  lines.forEach((line, index) => {
    if (!isDateLine(line.text)) return;
    stops.add(index);
    const prev = previousNonBlank(lines, index);
    if (prev >= 0 && isOrgLine(lines[prev].text)) stops.add(prev);
  });
  return stops;
}

/** Splits items into section headings and measures, and gives each measure its extent. */
export function findMeasureBlocks(lines: Line[], items: Item[]): MeasureBlock[] {
  const stops = signatureStops(lines);
  const blocks: MeasureBlock[] = [];
  const headings: { level: number; text: string }[] = [];
  items.forEach((item, i) => {
    while (headings.length > 0 && headings[headings.length - 1].level >= item.level) headings.pop();
    const next = items[i + 1];
    const hasChildren = next !== undefined && next.level > item.level;
    const firstLine = lines[item.line].text.trim();
    if (hasChildren || (item.level === 1 && looksLikeHeading(firstLine))) {
      headings.push({ level: item.level, text: firstLine });
      return;
    }
    let endLine = next !== undefined ? next.line : lines.length;
    for (let l = item.line + 1; l < endLine; l += 1) {
      if (stops.has(l)) {
        endLine = l;
        break;
      }
    }
    const section = headings.length > 0 ? headings[headings.length - 1].text : null;
    blocks.push({ item, section, firstLine: item.line, endLine });
  });
  return blocks;
}

/** A bare heading line such as "五、有关要求": short, no full stop. */
function looksLikeHeading(line: string): boolean {
  return line.length <= 40 && !/[。；;]/.test(line) && !/[）)]$/.test(line);
}

function isDateLine(text: string): boolean {
  const t = text.trim();
  return DATE_LINE.test(t) || CN_DATE_LINE.test(t);
}

/** A signature line: a short organisation name with no punctuation. */
function isOrgLine(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 30 && /^[\u4e00-\u9fa5（）()]+$/.test(t) && !MARKERS.some(({ re }) => re.test(t));
}

function previousNonBlank(lines: Line[], index: number): number {
  for (let j = index - 1; j >= 0; j -= 1) if (lines[j].text.trim()) return j;
  return -1;
}

export interface HeaderFields {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
}

/** Title lines and document number come before the first item; the date and signature come last. */
export function readHeader(lines: Line[], items: Item[]): HeaderFields {
  const headerEnd = items.length > 0 ? items[0].line : lines.length;
  const titleLines: string[] = [];
  let titleDone = false;
  let docNumber: string | null = null;
  for (let l = 0; l < headerEnd; l += 1) {
    const t = lines[l].text.trim();
    if (!t || t.startsWith('#')) continue;
    if (DOC_NUMBER.test(t)) {
      docNumber ??= t;
      titleDone = true;
      continue;
    }
    if (titleDone || /[：:。]$/.test(t) || /[。，]/.test(t) || t.length > 50 || titleLines.length >= 3) {
      titleDone = true;
      continue;
    }
    titleLines.push(t);
  }
  const joined = titleLines.join('');
  const title = joined && TITLE_WORD.test(joined) ? joined : null;

  let issuedOn: string | null = null;
  let signature: string | null = null;
  for (let l = lines.length - 1; l >= 0 && issuedOn === null; l -= 1) {
    const iso = isoDate(lines[l].text.trim());
    if (iso) {
      issuedOn = iso;
      const prev = previousNonBlank(lines, l);
      if (prev >= 0 && isOrgLine(lines[prev].text)) signature = lines[prev].text.trim();
    }
  }
  const fromTitle = title && title.indexOf('关于') > 0 ? title.slice(0, title.indexOf('关于')) : null;
  return { title, issuer: signature ?? fromTitle, docNumber, issuedOn };
}

function isoDate(text: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const arabic = DATE_LINE.exec(text);
  const chinese = arabic ? null : CN_DATE_LINE.exec(text);
  if (arabic) {
    [y, m, d] = [Number(arabic[1]), Number(arabic[2]), Number(arabic[3])];
  } else if (chinese) {
    y = Number([...chinese[1]].map(cnDigit).join(''));
    m = cnNumber(chinese[2]);
    d = cnNumber(chinese[3]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cnDigit(c: string): number {
  const i = '〇一二三四五六七八九'.indexOf(c);
  return i >= 0 ? i : 0; // 零 and ○ are zero too
}

/** 一 … 三十一 */
function cnNumber(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return cnDigit(s);
  const tens = ten === 0 ? 1 : cnDigit(s[0]);
  const units = ten === s.length - 1 ? 0 : cnDigit(s[s.length - 1]);
  return tens * 10 + units;
}
