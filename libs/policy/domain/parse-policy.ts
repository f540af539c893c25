/**
 * Pure parser from a policy document's text to the `duban parse --json` contract.
 * No I/O: the CLI and the API import preview both call this on already-decoded text.
 */
import { findAttributions, type AttributionCandidate, type FoundConvention } from './attribution';
import type {
  ParseConvention,
  ParsedAttribution,
  ParsedMeasure,
  ParseResult,
  ParseWarning,
  PartyRole,
} from './parse-result.types';
import { isGenericParty } from './party-list';
import { findItems, findMeasureBlocks, readHeader, splitLines, type Line, type MeasureBlock } from './structure';

export function parsePolicy(text: string): ParseResult {
  const input = typeof text === 'string' ? text : '';
  const lines = splitLines(input);
  const items = findItems(lines);
  const header = readHeader(lines, items);
  const conventions: ParseConvention[] = [];
  const warnings: ParseWarning[] = [];
  const measures: ParsedMeasure[] = [];
  // Conventions apply from the measure that states them onwards, in document order.
  let firstListedLeads = false;
  const wideCooperating: string[] = [];

  for (const block of findMeasureBlocks(lines, items)) {
    const { start, end } = measureExtent(input, lines, block);
    const found = findAttributions(input, start, end);
    for (const candidate of found) {
      for (const c of candidate.content.conventions) {
        conventions.push(toConvention(c, block.item.number));
        if (c.kind === 'firstListedLeads') firstListedLeads = true;
        else for (const p of c.parties) if (!wideCooperating.includes(p)) wideCooperating.push(p);
      }
    }
    const attributions = found.map((c) => toAttribution(c, firstListedLeads));
    const named = new Set(attributions.flatMap((a) => [...a.lead, ...a.shared, ...a.cooperating, ...a.guiding]));
    const measure: ParsedMeasure = {
      number: block.item.number,
      section: block.section,
      title: measureTitle(input, block, end, found),
      text: input.slice(start, end),
      span: [start, end],
      attributions,
      impliedCooperating: wideCooperating.filter((p) => !named.has(p)),
    };
    measures.push(measure);
    warnings.push(...measureWarnings(measure, found));
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

/**
 * Each distinct party of a measure once, with its strongest role, in first-appearance order.
 * The importer creates one assignment per (measure, party) from this list.
 */
export function partiesOf(measure: ParsedMeasure): { party: string; role: PartyRole | 'implied' }[] {
  const rank: Record<PartyRole | 'implied', number> = { lead: 0, shared: 1, cooperating: 2, guiding: 3, implied: 4 };
  const out: { party: string; role: PartyRole | 'implied' }[] = [];
  const offer = (party: string, role: PartyRole | 'implied'): void => {
    const existing = out.find((e) => e.party === party);
    if (!existing) out.push({ party, role });
    else if (rank[role] < rank[existing.role]) existing.role = role;
  };
  for (const a of measure.attributions) {
    const roles: { party: string; role: PartyRole }[] = [
      ...a.lead.map((party) => ({ party, role: 'lead' as const })),
      ...a.shared.map((party) => ({ party, role: 'shared' as const })),
      ...a.cooperating.map((party) => ({ party, role: 'cooperating' as const })),
      ...a.guiding.map((party) => ({ party, role: 'guiding' as const })),
    ];
    // Order by where the name is written in the attribution (牵头单位 may come after 配合单位).
    const at = (p: string): number => {
      const i = a.raw.indexOf(p);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    roles.sort((x, y) => at(x.party) - at(y.party));
    for (const r of roles) offer(r.party, r.role);
  }
  for (const p of measure.impliedCooperating) offer(p, 'implied');
  return out;
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
  const { lead, shared, cooperating, guiding, ambiguous } = c.content;
  // Parties without a role word count as equally responsible; a warning asks for a check.
  const allShared = [...shared, ...ambiguous.filter((p) => !shared.includes(p))];
  if (firstListedLeads && lead.length === 0 && allShared.length > 0) {
    return {
      raw: c.raw,
      span: c.span,
      lead: [allShared[0]],
      shared: [],
      cooperating: [...allShared.slice(1), ...cooperating.filter((p) => !allShared.includes(p))],
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

function measureWarnings(measure: ParsedMeasure, found: AttributionCandidate[]): ParseWarning[] {
  const number = measure.number;
  if (found.length === 0) {
    return [{ measure: number, code: 'MISSING_ATTRIBUTION', message: `${number} 未写明责任单位` }];
  }
  const warnings: ParseWarning[] = [];
  const generic = new Set<string>();
  for (const a of measure.attributions) {
    for (const p of [...a.lead, ...a.shared, ...a.cooperating, ...a.guiding]) if (isGenericParty(p)) generic.add(p);
  }
  for (const p of generic) {
    warnings.push({
      measure: number,
      code: 'GENERIC_PARTY',
      message: `${number} 的责任单位“${p}”为泛指，需明确具体部门`,
    });
  }
  for (const c of found) {
    if (c.content.openList) {
      warnings.push({
        measure: number,
        code: 'OPEN_LIST',
        message: `${number} 的责任单位名单含“等”，可能不完整：${c.raw}`,
      });
    }
    if (c.content.ambiguous.length > 0) {
      warnings.push({
        measure: number,
        code: 'AMBIGUOUS_ROLE',
        message: `${number} 中“${c.content.ambiguous.join('、')}”的职责未写明，暂按共同负责处理`,
      });
    }
  }
  return warnings;
}

/** The bureau told to 牵头统筹 / 做好牵头工作 in text outside the measures (usually the closing paragraph). */
function findCoordinator(input: string, measures: ParsedMeasure[]): string | null {
  let outside = '';
  let at = 0;
  for (const m of measures) {
    outside += `${input.slice(at, m.span[0])}\n`;
    at = Math.max(at, m.span[1]);
  }
  outside += input.slice(at);
  for (const clause of outside.split(/[。；;！!？?\n，,]/)) {
    // 牵头统筹 / 做好牵头工作, or a bare 牵头 ending the clause after 强化 / 发挥 (市民政局要强化牵头).
    const m =
      /^(.{2,30}?)牵头(?:统筹|抓总|工作|作用|协调|责任)/.exec(clause.trim()) ??
      /^(.{2,30}?(?:强化|发挥|做好))牵头$/.exec(clause.trim());
    if (!m) continue;
    const subject = m[1]
      .replace(/(?:要|将|应当|应|须|继续|进一步|切实|强化|加强|做好|发挥|履行|负责|落实|好)+$/, '')
      .replace(/^由/, '');
    if (
      subject.length >= 2 &&
      subject.length <= 20 &&
      /[局委部办厅署院会室府组行联]$/.test(subject) &&
      !/[、建立]/.test(subject)
    ) {
      return subject;
    }
  }
  return null;
}
