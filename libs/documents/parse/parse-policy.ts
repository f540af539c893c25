/**
 * Pure parser from a policy document's text to the `duban parse --json` contract.
 * No I/O: the CLI and the API import preview both call this on already-decoded text.
 */
import { findAttributions, type AttributionCandidate, type FoundConvention } from './attribution';
import { findCoordinator } from './coordinator';
import { splitInline } from './inline-layout';
import { measureWarnings } from './measure-warnings';
import type {
  ParseConvention,
  ParsedAttribution,
  ParsedMeasure,
  ParseOptions,
  ParseResult,
  ParseWarning,
} from './parse-result.types';
import { isGenericParty } from './party-list';
import { findTaskTable, type TableRow, type TaskTable } from './task-table';
import { chooseTimeLimit, maskTimeClauses, scanTimeLimits, unreadableTimeLimitWarning } from './time-limit';
import {
  findItems,
  findMeasureBlocks,
  readHeader,
  splitLines,
  type Item,
  type Line,
  type MeasureBlock,
} from './structure';

export { partiesOf } from './parties-of';

/**
 * Parses any text; never throws. `options.isKnownAgency` (the agency registry) turns on
 * UNKNOWN_AGENCY warnings; without it none are raised. A task-division table (任务分工表) in the
 * text is read as the measures (see task-table.ts); the prose before it gives the header fields.
 */
export function parsePolicy(text: string, options: ParseOptions = {}): ParseResult {
  const input = typeof text === 'string' ? text : '';
  const taskTable = findTaskTable(input);
  // The prose is the text before the table: a prefix, so its offsets are the input's.
  const prose = taskTable ? input.slice(0, taskTable.start) : input;
  const { lines, items } = layout(prose);
  const header = readHeader(lines, items);
  // Attributions are read with their time clauses blanked: （A牵头，2026年底前完成） names A alone.
  const forAttributions = maskTimeClauses(prose);
  const drafts: Draft[] = findMeasureBlocks(lines, items).map((block) => {
    const { start, end } = measureExtent(forAttributions, lines, block);
    const found = findAttributions(forAttributions, start, end).map((c) => ({ ...c, raw: input.slice(...c.span) }));
    return {
      number: block.item.number,
      section: block.section,
      title: measureTitle(input, block, end, found),
      text: input.slice(start, end),
      span: [start, end],
      found,
      timeRanges: [{ span: [start, end], cell: false }],
    };
  });
  const result = {
    title: header.title ?? taskTable?.title ?? null,
    issuer: header.issuer,
    docNumber: header.docNumber,
    issuedOn: header.issuedOn,
  };
  if (!taskTable) {
    const assembled = assemble(input, drafts, null, header.issuedOn, options);
    return { ...result, coordinator: findCoordinator(input, assembled.measures), ...assembled };
  }
  const tableWarnings = tableNotes(taskTable, drafts.length);
  const rows = taskTable.leadMissing ? [] : taskTable.rows;
  const assembled = assemble(input, rows, taskTable.firstListedNote, header.issuedOn, options);
  return {
    ...result,
    coordinator: findCoordinator(input, assembled.measures),
    conventions: assembled.conventions,
    measures: assembled.measures,
    warnings: [...tableWarnings, ...shortRows(rows, taskTable.table.columns.length), ...assembled.warnings],
    table: taskTable.table,
  };
}

/** A measure before conventions, roles and time limits are applied: a prose block or a table row. */
type Draft = Omit<TableRow, 'missingCells'>;

/** Conventions, roles, implied parties, time limits and warnings, measure by measure in text order. */
function assemble(
  input: string,
  drafts: Draft[],
  firstListedNote: string | null,
  issuedOn: string | null,
  options: ParseOptions,
): Pick<ParseResult, 'conventions' | 'measures' | 'warnings'> {
  const conventions: ParseConvention[] = [];
  const warnings: ParseWarning[] = [];
  const measures: ParsedMeasure[] = [];
  // Conventions apply from the measure that states them onwards, in document order; a table's
  // 列第一位者为牵头单位 note applies to all its rows.
  let firstListedLeads = firstListedNote !== null && drafts.length > 0;
  if (firstListedLeads)
    conventions.push({ kind: 'firstListedLeads', fromMeasure: drafts[0].number, text: firstListedNote ?? '' });
  const wideCooperating: string[] = [];

  for (const draft of drafts) {
    const { found } = draft;
    const stated: string[] = [];
    for (const candidate of found) {
      for (const c of candidate.content.conventions) {
        conventions.push(toConvention(c, draft.number));
        stated.push(...c.parties);
        if (c.kind === 'firstListedLeads') firstListedLeads = true;
        else for (const p of c.parties) if (!wideCooperating.includes(p)) wideCooperating.push(p);
      }
    }
    const attributions = found.map((c) => toAttribution(c, firstListedLeads));
    const named = new Set(attributions.flatMap((a) => [...a.lead, ...a.shared, ...a.cooperating, ...a.guiding]));
    const attributionSpans = attributions.map((a) => a.span);
    const scans = draft.timeRanges.map(({ span, cell }) =>
      scanTimeLimits(input, span[0], span[1], { cell, issuedOn, attributionSpans }),
    );
    const scan = { found: scans.flatMap((x) => x.found), unreadable: scans.flatMap((x) => x.unreadable) };
    const timeLimit = chooseTimeLimit(scan.found);
    const measure: ParsedMeasure = {
      number: draft.number,
      section: draft.section,
      title: draft.title,
      text: draft.text,
      span: draft.span,
      attributions,
      // 不再单独列出 leaves a party out of attribution lists: a measure without one omits nobody.
      impliedCooperating: attributions.length > 0 ? wideCooperating.filter((p) => !named.has(p)) : [],
      timeLimit,
    };
    measures.push(measure);
    warnings.push(...measureWarnings(measure, found, stated, options));
    const unreadable = unreadableTimeLimitWarning(measure.number, timeLimit, scan);
    if (unreadable) warnings.push(unreadable);
  }
  return { conventions, measures, warnings };
}

function shortRows(rows: TableRow[], width: number): ParseWarning[] {
  return rows
    .filter((r) => r.missingCells > 0)
    .map((r) => ({
      measure: r.number,
      code: 'TABLE_ROW_SHORT',
      message: `${r.number} 这一行只有 ${width - r.missingCells} 格（表头 ${width} 格），各格已按顺序对应表头（末格为时限时对应完成时限），请核对；空格请填“无”或“—”`,
    }));
}

/** Document-level warnings about a table: refused for want of a lead column, or replacing the prose's items. */
function tableNotes(taskTable: TaskTable, proseItems: number): ParseWarning[] {
  const headers = taskTable.table.columns.map((c) => c.header).join('、');
  if (taskTable.leadMissing) {
    return [
      {
        measure: null,
        code: 'TABLE_WITHOUT_LEAD_COLUMN',
        message: `任务分工表的表头（${headers}）中没有“牵头单位”或“责任单位”列，无法确定责任单位，未导入`,
      },
    ];
  }
  if (proseItems === 0) return [];
  return [
    {
      measure: null,
      code: 'TABLE_REPLACES_PROSE',
      message: `正文中的 ${proseItems} 项编号条目未作为措施导入，以任务分工表（${taskTable.rows.length} 行）为准`,
    },
  ];
}

/** Lines as written; for a document flattened onto one line, virtual lines cut at its numbering. */
function layout(input: string): { lines: Line[]; items: Item[] } {
  const lines = splitLines(input);
  const items = findItems(lines);
  if (items.length >= 2) return { lines, items };
  const inline = splitInline(input, lines);
  const inlineItems = findItems(inline);
  return inlineItems.length > items.length ? { lines: inline, items: inlineItems } : { lines, items };
}

/** From the numbering to the end of the last line, minus closing paragraphs after the last attribution. */
function measureExtent(input: string, lines: Line[], block: MeasureBlock): { start: number; end: number } {
  const start = block.item.start;
  let lastLine = block.endLine - 1;
  while (lastLine > block.firstLine && !lines[lastLine].text.trim()) lastLine -= 1;
  // A paragraph after the measure's final attribution is the document's closing text
  // (e.g. 各区人民政府要… after （二十一）), not part of the measure.
  for (let l = lastLine; l >= block.firstLine; l -= 1) {
    if (endsWithAttribution(input, lines[l])) {
      lastLine = l;
      break;
    }
  }
  let end = lines[lastLine].end;
  while (end > start && /\s/.test(input[end - 1])) end -= 1;
  return { start, end: Math.max(start, end) };
}

function endsWithAttribution(input: string, line: Line): boolean {
  const t = line.text.trimEnd();
  if (!/[）)]$/.test(t)) return false;
  const found = findAttributions(input, line.start, line.start + t.length);
  return found.length > 0 && found[found.length - 1].span[1] === line.start + t.length;
}

function measureTitle(input: string, block: MeasureBlock, end: number, found: AttributionCandidate[]): string {
  const from = block.item.start + block.item.number.length;
  const firstAttribution = found.length > 0 ? found[0].span[0] : end;
  let stop = Math.min(end, firstAttribution);
  const full = input.indexOf('。', from);
  if (full >= 0 && full < stop) stop = full;
  const nl = input.indexOf('\n', from);
  if (nl >= 0 && nl < stop) stop = nl;
  return input
    .slice(from, Math.max(from, stop))
    .trim()
    .replace(/[。；;，,：:]+$/, '');
}

function toAttribution(c: AttributionCandidate, firstListedLeads: boolean): ParsedAttribution {
  const { lead, shared, cooperating, guiding, ambiguous, laterGroup } = c.content;
  const aliases = structuredClone(c.content.aliases);
  // Parties without a role word count as equally responsible; a warning asks for a check.
  const allShared = [...shared, ...ambiguous.filter((p) => !shared.includes(p))];
  // 列第一位者为牵头单位 reaches the first tier of the list (A、B，各省级人民政府: A leads, B
  // cooperates, the provinces stay responsible in their own right), and never makes a generic
  // party (各有关部门和单位) the lead.
  const firstTier = allShared.filter((p) => !laterGroup.includes(p));
  if (firstListedLeads && lead.length === 0 && firstTier.length > 0 && !isGenericParty(firstTier[0])) {
    return {
      raw: c.raw,
      span: c.span,
      lead: [firstTier[0]],
      shared: allShared.filter((p) => laterGroup.includes(p)),
      cooperating: [...firstTier.slice(1), ...cooperating.filter((p) => !allShared.includes(p))],
      guiding: [...guiding],
      roleSource: 'documentConvention',
      aliases,
    };
  }
  return {
    raw: c.raw,
    span: c.span,
    lead: [...lead],
    shared: allShared,
    cooperating: [...cooperating],
    guiding: [...guiding],
    roleSource: 'explicit',
    aliases,
  };
}

function toConvention(c: FoundConvention, fromMeasure: string): ParseConvention {
  return c.kind === 'firstListedLeads'
    ? { kind: 'firstListedLeads', fromMeasure, text: c.text }
    : { kind: 'documentWideCooperating', parties: [...c.parties], fromMeasure, text: c.text };
}
