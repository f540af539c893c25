/**
 * A task-division table (任务分工表) pasted as text from Word or a spreadsheet: one row per line,
 * cells separated by tabs or by runs of two or more spaces, under a header row naming the columns
 * (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限). Pure.
 */
import {
  emptyContent,
  parseAttributionContent,
  type AttributionCandidate,
  type AttributionContent,
} from './attribution';
import type { ParsedTable, Span, TableColumnRole } from './parse-result.types';
import { splitParties } from './party-list';
import { splitLines, type Line } from './structure';
import { isNoEntry, scanTimeLimits } from './time-limit';

export interface TableRow {
  /** The 序号 cell, or the row's position when the table has no number column. */
  number: string;
  section: string | null;
  title: string;
  /** The task cell(s), wrapped lines joined. */
  text: string;
  /** The whole row, every cell and wrapped line. */
  span: Span;
  /** The row's party cells as one attribution; empty when they name no party. */
  found: AttributionCandidate[];
  /** The task cells (time limits read as in running text) and the time cell (read as a cell). */
  timeRanges: { span: Span; cell: boolean }[];
  /** Header cells the row lacks: its cells were matched to the first columns in order. */
  missingCells: number;
}

export interface TaskTable {
  /** Offset of the header line: text before it is the document's prose. */
  start: number;
  table: ParsedTable;
  rows: TableRow[];
  /** The header names no 牵头单位 / 责任单位 column: the table cannot be imported. */
  leadMissing: boolean;
  /** A 列第一位者为牵头单位 note anywhere in the text, as written. */
  firstListedNote: string | null;
  /** The table's own title line just above the header (…任务分工表), for a text without a document title. */
  title: string | null;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

const COLUMN_RULES: { role: Exclude<TableColumnRole, 'ignored'>; re: RegExp }[] = [
  { role: 'number', re: /^(?:序号|编号|序)$/ },
  { role: 'lead', re: /^牵头(?:单位|部门)?$/ },
  { role: 'responsible', re: /^(?:责任(?:单位|部门|主体)|负责(?:单位|部门)|主责(?:单位|部门)|承办(?:单位|部门))$/ },
  { role: 'cooperating', re: /^(?:配合(?:单位|部门)?|协办(?:单位|部门)|参与(?:单位|部门))$/ },
  { role: 'timeLimit', re: /^(?:完成时限|完成时间|完成期限|时间安排|时限(?:要求)?|进度安排|时间节点)$/ },
  { role: 'task', re: /任务|措施|事项|工作内容|具体工作|工作要求/ },
];
const MAX_HEADER_CELL = 16;
const ROW_NUMBER = /^(?:\d{1,3}|[一二三四五六七八九十]+)[.、．]?$/;
const SECTION_ROW = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
const NOTE_LINE = /^(?:注|备注|说明)\s*[：:]/;
const FIRST_LISTED = /(?:列|排)(?:在)?第一位|第一位的?(?:者|部门|单位)?为牵头/;
const ROLE_WORDS = /牵头|配合|负责|参与|协助|指导|会同/;

/** The first task-division table in the text, or null when no line reads as its header. */
export function findTaskTable(input: string): TaskTable | null {
  const lines = splitLines(input);
  const headerLine = lines.findIndex((line) => headerRoles(trimEmpty(cellsOf(line))) !== null);
  if (headerLine < 0) return null;
  const headerCells = trimEmpty(cellsOf(lines[headerLine]));
  const roles = headerRoles(headerCells) ?? [];
  const columns = headerCells.map((c, i) => ({ header: c.text, readAs: roles[i] }));
  const leadMissing = !roles.includes('lead') && !roles.includes('responsible');
  const note = firstListedNote(input);
  const grouped = leadMissing ? { rows: [], end: lines[headerLine].end } : readRows(lines, headerLine, roles);
  const rows = grouped.rows.map((r, i) => toRow(input, r, roles, i));
  let above = headerLine - 1;
  while (above >= 0 && !lines[above].text.trim()) above -= 1;
  const titleLine = above >= 0 ? lines[above].text.trim() : '';
  return {
    title: titleLine.length <= 60 && /(?:表|清单)$/.test(titleLine) ? titleLine : null,
    start: lines[headerLine].start,
    table: { span: [headerCells[0].start, grouped.end], columns, rows: rows.length },
    rows,
    leadMissing,
    firstListedNote: note,
  };
}

/** The sentence that states 列第一位者为牵头单位, as written, or null. */
function firstListedNote(input: string): string | null {
  const m = FIRST_LISTED.exec(input);
  if (!m) return null;
  let from = m.index;
  while (from > 0 && !/[。\n（(]/.test(input[from - 1])) from -= 1;
  let to = m.index + m[0].length;
  while (to < input.length && !/[。\n）)]/.test(input[to])) to += 1;
  return input.slice(from, to).trim();
}

/** Cells of a line: tab-separated (empty cells kept), else separated by two or more spaces. */
function cellsOf(line: Line): Cell[] {
  const tabbed = line.text.includes('\t');
  const sep = tabbed ? /\t/g : /[ \u3000]{2,}/g;
  const cells: Cell[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = line.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, start: line.start + from + lead, end: line.start + from + lead + text.length });
  };
  for (const m of line.text.matchAll(sep)) {
    const at = m.index ?? 0;
    if (at === 0 && !tabbed) {
      from = m[0].length; // indentation
      continue;
    }
    push(at);
    from = at + m[0].length;
  }
  push(line.text.length);
  // Trailing tabs are empty cells (a row whose last columns are blank); trailing spaces are not.
  if (!tabbed) while (cells.length > 0 && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

function trimEmpty(cells: Cell[]): Cell[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1].text === '') n -= 1;
  return cells.slice(0, n);
}

/** The role of each header cell, or null when the line is not a table header. */
function headerRoles(cells: Cell[]): TableColumnRole[] | null {
  if (cells.length < 3 || cells.some((c) => c.text.length > MAX_HEADER_CELL + 20)) return null;
  const roles = cells.map((c) => columnRole(c.text));
  const known = roles.filter((r) => r !== 'ignored');
  const names = known.some((r) => r === 'lead' || r === 'responsible' || r === 'cooperating' || r === 'task');
  return known.length >= 2 && names ? roles : null;
}

function columnRole(header: string): TableColumnRole {
  // 责任单位（列第一位者为牵头单位）: the bracketed note does not name the column.
  const name = header.replace(/[（(][^）)]*[）)]/g, '').replace(/\s/g, '');
  if (name.length === 0 || name.length > MAX_HEADER_CELL) return 'ignored';
  return COLUMN_RULES.find((rule) => rule.re.test(name))?.role ?? 'ignored';
}

interface RawRow {
  cells: Cell[];
  section: string | null;
}

/** Rows from the line after the header: a wrapped cell continues on the next line with fewer cells. */
function readRows(lines: Line[], headerLine: number, roles: TableColumnRole[]): { rows: RawRow[]; end: number } {
  const width = roles.length;
  const numbered = roles.includes('number');
  const rows: RawRow[] = [];
  let section: string | null = null;
  let current: RawRow | null = null;
  let end = lines[headerLine].end;
  let blankBefore = false;
  for (let l = headerLine + 1; l < lines.length; l += 1) {
    const cells = cellsOf(lines[l]);
    // A merged cell across the row (一、… in Word) pastes as one filled cell and empty ones.
    const filled = cells.filter((c) => c.text);
    if (filled.length === 0) {
      blankBefore = true;
      continue;
    }
    const complete = current === null || current.cells.length >= width;
    if (NOTE_LINE.test(filled[0].text) || (blankBefore && complete && filled.length === 1)) break;
    blankBefore = false;
    end = lines[l].end;
    if (filled.length === 1 && complete && SECTION_ROW.test(filled[0].text)) {
      section = filled[0].text;
      current = null;
      continue;
    }
    const startsRow = numbered ? ROW_NUMBER.test(cells[0].text) : complete && cells.length >= 2;
    if (current === null || startsRow) {
      current = { cells, section };
      rows.push(current);
      continue;
    }
    // The first piece finishes the cell the previous line broke off; the rest are the next cells.
    const last = current.cells[current.cells.length - 1];
    current.cells[current.cells.length - 1] = {
      text: last.text + cells[0].text,
      start: last.text ? last.start : cells[0].start,
      end: cells[0].text ? cells[0].end : last.end,
    };
    current.cells.push(...cells.slice(1));
  }
  return { rows, end };
}

function toRow(input: string, raw: RawRow, roles: TableColumnRole[], index: number): TableRow {
  const cells = alignTimeCell(input, raw.cells.map(unquote), roles);
  const cell = (i: number): Cell | undefined => (cells[i]?.text ? cells[i] : undefined);
  const indexes = (role: TableColumnRole): number[] => roles.flatMap((r, i) => (r === role ? [i] : []));
  const numberAt = indexes('number')[0];
  const tasks = indexes('task').flatMap((i) => cell(i) ?? []);
  const text = tasks.map((c) => c.text).join('\n');
  const firstTask = tasks[0]?.text ?? '';
  const stop = firstTask.indexOf('。');
  const content = emptyContent();
  const partyCells: Cell[] = [];
  for (const [i, role] of roles.entries()) {
    const c = cell(i);
    if (!c || isNoEntry(c.text) || (role !== 'lead' && role !== 'responsible' && role !== 'cooperating')) continue;
    partyCells.push(c);
    if (role === 'responsible' && ROLE_WORDS.test(c.text)) {
      mergeContent(content, parseAttributionContent(c.text));
      continue;
    }
    const list = splitParties(c.text.replace(/[\s\u3000]+/g, '、'));
    if (list.openList) content.openList = true;
    const target = role === 'lead' ? content.lead : role === 'responsible' ? content.shared : content.cooperating;
    for (const p of list.parties) if (!target.includes(p)) target.push(p);
    Object.assign(content.aliases, list.aliases);
  }
  const found: AttributionCandidate[] = [];
  if (partyCells.length > 0) {
    const span: Span = [partyCells[0].start, partyCells[partyCells.length - 1].end];
    found.push({ raw: input.slice(...span), span, content });
  }
  const time = indexes('timeLimit').flatMap((i) => cell(i) ?? []);
  const all = cells.filter((c) => c.text);
  return {
    number: numberAt !== undefined && cell(numberAt) ? cells[numberAt].text : String(index + 1),
    section: raw.section,
    title: (stop >= 0 ? firstTask.slice(0, stop) : firstTask).replace(/[。；;，,：:]+$/, ''),
    text,
    span: [all[0].start, all[all.length - 1].end],
    found,
    missingCells: Math.max(0, roles.length - raw.cells.length),
    timeRanges: [
      ...tasks.map((c) => ({ span: [c.start, c.end] as Span, cell: false })),
      ...time.map((c) => ({ span: [c.start, c.end] as Span, cell: true })),
    ],
  };
}

/** A spreadsheet quotes a cell holding a line break or a quote: "…" with "" for ". */
function unquote(c: Cell): Cell {
  const m = /^"([\s\S]*)"$/.exec(c.text);
  return m ? { ...c, text: m[1].replace(/""/g, '"') } : c;
}

/**
 * A short row whose last cell reads as a time limit (1  建立台账  市民政局  2026年底前 under a header
 * with 配合单位 between): that cell belongs to the time column, the cells it skipped are empty.
 */
function alignTimeCell(input: string, cells: Cell[], roles: TableColumnRole[]): Cell[] {
  const timeAt = roles.indexOf('timeLimit');
  const last = cells[cells.length - 1];
  if (cells.length >= roles.length || timeAt < cells.length || !last?.text) return cells;
  if (scanTimeLimits(input, last.start, last.end, { cell: true }).found.length === 0) return cells;
  const gap = Array.from({ length: timeAt - cells.length + 1 }, () => ({
    text: '',
    start: last.start,
    end: last.start,
  }));
  return [...cells.slice(0, -1), ...gap, last];
}

function mergeContent(into: AttributionContent, from: AttributionContent): void {
  for (const key of ['lead', 'shared', 'cooperating', 'guiding', 'ambiguous', 'laterGroup'] as const) {
    for (const p of from[key]) if (!into[key].includes(p)) into[key].push(p);
  }
  into.openList ||= from.openList;
  Object.assign(into.aliases, from.aliases);
}
