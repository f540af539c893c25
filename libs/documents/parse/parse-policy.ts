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
 * UNKNOWN_AGENCY warnings; without it none are raised.
 */
export function parsePolicy(text: string, options: ParseOptions = {}): ParseResult {
  const input = typeof text === 'string' ? text : '';
  const { lines, items } = layout(input);
  const header = readHeader(lines, items);
  // Attributions are read with their time clauses blanked: （A牵头，2026年底前完成） names A alone.
  const forAttributions = maskTimeClauses(input);
  const conventions: ParseConvention[] = [];
  const warnings: ParseWarning[] = [];
  const measures: ParsedMeasure[] = [];
  // Conventions apply from the measure that states them onwards, in document order.
  let firstListedLeads = false;
  const wideCooperating: string[] = [];

  for (const block of findMeasureBlocks(lines, items)) {
    const { start, end } = measureExtent(forAttributions, lines, block);
    const found = findAttributions(forAttributions, start, end).map((c) => ({ ...c, raw: input.slice(...c.span) }));
    const stated: string[] = [];
    for (const candidate of found) {
      for (const c of candidate.content.conventions) {
        conventions.push(toConvention(c, block.item.number));
        stated.push(...c.parties);
        if (c.kind === 'firstListedLeads') firstListedLeads = true;
        else for (const p of c.parties) if (!wideCooperating.includes(p)) wideCooperating.push(p);
      }
    }
    const attributions = found.map((c) => toAttribution(c, firstListedLeads));
    const named = new Set(attributions.flatMap((a) => [...a.lead, ...a.shared, ...a.cooperating, ...a.guiding]));
    const scan = scanTimeLimits(input, start, end, {
      issuedOn: header.issuedOn,
      attributionSpans: attributions.map((a) => a.span),
    });
    const timeLimit = chooseTimeLimit(scan.found);
    const measure: ParsedMeasure = {
      number: block.item.number,
      section: block.section,
      title: measureTitle(input, block, end, found),
      text: input.slice(start, end),
      span: [start, end],
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

  return {
    title: header.title,
    issuer: header.issuer,
    docNumber: header.docNumber,
    issuedOn: header.issuedOn,
    coordinator: findCoordinator(input, measures),
    conventions,
    measures,
    warnings,
  };
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
  };
}

function toConvention(c: FoundConvention, fromMeasure: string): ParseConvention {
  return c.kind === 'firstListedLeads'
    ? { kind: 'firstListedLeads', fromMeasure, text: c.text }
    : { kind: 'documentWideCooperating', parties: [...c.parties], fromMeasure, text: c.text };
}
