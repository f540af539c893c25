/**
 * Attributions: the parentheticals (or 责任单位：… phrases) that say which agencies carry a measure,
 * e.g. （市民政局、市教委按职责分工负责）, （A牵头，B、C配合）, （牵头单位：A，配合单位：B、C）.
 */
import type { PartyRole, Span } from './parse-result.types';
import { AGENCY_END, QUOTE_MARK, shielded, splitOutside, splitParties, withoutQuoted } from './party-list';

export interface FoundConvention {
  kind: 'documentWideCooperating' | 'firstListedLeads';
  text: string;
  parties: string[];
}

export interface AttributionContent {
  lead: string[];
  shared: string[];
  cooperating: string[];
  guiding: string[];
  conventions: FoundConvention[];
  openList: boolean;
  /** Parties listed without any role word. */
  ambiguous: string[];
  /**
   * Shared or unroled parties written after a `，` that separates groups of a `、` list
   * (`A、B，各省级人民政府按职责分工负责`): a second tier a first-listed-leads rule does not reach.
   */
  laterGroup: string[];
  /** Party -> its second names written in brackets after it (市市场监管委（市知识产权局）). */
  aliases: Record<string, string[]>;
}

export interface AttributionCandidate {
  raw: string;
  span: Span;
  content: AttributionContent;
}

const OPENERS = '（(';
const CLOSERS = '）)';
/** Parentheticals that define, include or annotate: never an assignment of work. */
const NON_ASSIGNING = /^(?:以下简称|以下统称|简称|下称|含|包括|不含|此件|本文|注)/;
const ROLE_WORD = /负责|牵头|配合|参与|协助|指导|会同|责任单位|责任部门/;
const SENTENCE_END = /[。；;！!？?]/;
/** Longest alternatives first: labels, then compound verbs, then single verbs. */
const ROLE_TOKEN =
  /(牵头单位|牵头部门|责任单位|责任部门|主责单位|主责部门|配合单位|配合部门|协办单位|参与单位|参与部门|指导单位|指导部门)[：:]|按职责分工负责|按职责分工落实|按职责负责|分工负责|分别负责|共同负责|负责落实|牵头负责|牵头落实|会同|牵头|负责|配合|参与|协助|指导/g;
const MAX_PARTY_LENGTH = 30;
const NOT_A_NAME = /的|向|把|将|按照|根据|通过|应当|可以|不得|申报|申请|要求|其中|除外/;
/** Longer bracketed text is prose, not a list of agencies (also bounds the work on hostile input). */
const MAX_CONTENT_LENGTH = 400;
const LABEL_START = /^(?:牵头单位|牵头部门|责任单位|责任部门)[：:]/;

/** Attributions inside [start, end) of the input, in text order. */
export function findAttributions(input: string, start: number, end: number): AttributionCandidate[] {
  const pairs = bracketPairs(input, start, end);
  const found: AttributionCandidate[] = [];
  let i = start;
  while (i < end) {
    const close = pairs.get(i);
    if (close !== undefined) {
      const candidate = parentheticalAttribution(input, i, close + 1, end);
      if (candidate) found.push(candidate);
      i = close + 1;
      continue;
    }
    const label = LABEL_START.exec(input.slice(i, i + 5));
    if (label) {
      const candidate = labelledAttribution(input, i, end);
      i = candidate ? candidate.span[1] : i + label[0].length;
      if (candidate) found.push(candidate);
      continue;
    }
    i += 1;
  }
  return found;
}

/** Opening offset -> closing offset for balanced brackets on one line (one stack pass, linear). */
function bracketPairs(input: string, start: number, end: number): Map<number, number> {
  const pairs = new Map<number, number>();
  let stack: number[] = [];
  for (let j = start; j < end; j += 1) {
    const c = input[j];
    if (c === '\n')
      stack = []; // attributions never span paragraphs
    else if (OPENERS.includes(c)) stack.push(j);
    else if (CLOSERS.includes(c)) {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, j);
    }
  }
  return pairs;
}

function parentheticalAttribution(input: string, from: number, to: number, end: number): AttributionCandidate | null {
  const inner = input.slice(from + 1, to - 1).trim();
  if (inner.length > MAX_CONTENT_LENGTH || NON_ASSIGNING.test(inner) || !ROLE_WORD.test(inner)) return null;
  // Attributions close a sentence: （…） follows 。 or ends the sentence / paragraph.
  const before = previousVisible(input, from);
  const after = nextVisible(input, to, end);
  const closesSentence =
    before === null || SENTENCE_END.test(before) || after === null || after === '\n' || SENTENCE_END.test(after);
  if (!closesSentence) return null;
  const content = parseAttributionContent(inner);
  if (!isPlausible(content)) return null;
  return { raw: input.slice(from, to), span: [from, to], content };
}

/** 责任单位：A、B。 written without brackets: runs to the end of the sentence or paragraph. */
function labelledAttribution(input: string, from: number, end: number): AttributionCandidate | null {
  let to = from;
  while (to < end && to - from < MAX_CONTENT_LENGTH && input[to] !== '。' && input[to] !== '\n') to += 1;
  while (to > from && /\s/.test(input[to - 1])) to -= 1;
  const content = parseAttributionContent(input.slice(from, to));
  if (!isPlausible(content)) return null;
  return { raw: input.slice(from, to), span: [from, to], content };
}

function previousVisible(input: string, index: number): string | null {
  for (let j = index - 1; j >= 0; j -= 1) {
    const c = input[j];
    if (c === '\n') return null;
    if (!/\s/.test(c)) return c;
  }
  return null;
}

function nextVisible(input: string, index: number, end: number): string | null {
  for (let j = index; j < end; j += 1) {
    const c = input[j];
    if (c === '\n') return '\n';
    if (!/\s/.test(c)) return c;
  }
  return null;
}

function isPlausible(content: AttributionContent): boolean {
  const all = [...content.lead, ...content.shared, ...content.cooperating, ...content.guiding, ...content.ambiguous];
  if (all.length === 0) return false;
  // Party names are short and carry no sentence punctuation, figures or sentence words
  // (（企业直接向国家发展改革委申报，由省级部门负责转报） names an agency but assigns it nothing).
  // A quoted term may hold anything, but only inside an agency's name (市“河长制”办公室),
  // not a quoted slogan in prose (（实施“双随机、一公开”监管，由市场监管部门负责）).
  return all.every((p) => {
    const plain = withoutQuoted(p);
    return (
      p.length <= MAX_PARTY_LENGTH &&
      !/[。！？%\d]/.test(plain) &&
      !QUOTE_MARK.test(plain) &&
      !NOT_A_NAME.test(plain) &&
      (plain === p || AGENCY_END.test(p))
    );
  });
}

/** An attribution that names nobody yet. */
export function emptyContent(): AttributionContent {
  return {
    lead: [],
    shared: [],
    cooperating: [],
    guiding: [],
    conventions: [],
    openList: false,
    ambiguous: [],
    laterGroup: [],
    aliases: {},
  };
}

/** Roles and conventions inside one attribution's text (without the brackets). */
export function parseAttributionContent(content: string): AttributionContent {
  const result = emptyContent();
  for (const clause of splitOutside(content, '；;。')) {
    const conventionAt = findConvention(clause, result.conventions);
    parseRoles(conventionAt < 0 ? clause : clause.slice(0, conventionAt), result);
  }
  return result;
}

/**
 * Records a convention stated in the clause (以下工作均需各区人民政府配合，不再单独列出 /
 * 列第一位者为牵头单位，下同) and returns where it starts, or -1. The convention runs to the clause end.
 */
function findConvention(clause: string, into: FoundConvention[]): number {
  let offset = 0;
  for (const segment of splitOutside(clause, '，,')) {
    const at = offset + (segment.length - segment.trimStart().length);
    const text = clause.slice(at).trim();
    if (/(?:列|排)(?:在)?第一位|第一位的?(?:者|部门|单位)?为牵头/.test(segment)) {
      into.push({ kind: 'firstListedLeads', text, parties: [] });
      return at;
    }
    const wide = /^\s*以下.*?(?:均需|均由|均要|都需|需)(.+?)(?:配合|落实|参与|负责)/.exec(segment);
    if (wide) {
      into.push({ kind: 'documentWideCooperating', text, parties: splitParties(wide[1]).parties });
      return at;
    }
    offset += segment.length + 1;
  }
  return -1;
}

type RoleTarget = PartyRole | 'ambiguous';

function parseRoles(text: string, into: AttributionContent): void {
  let label: PartyRole | null = null;
  let huitong = false; // after "A会同", the parties before 负责 cooperate
  let last = 0;
  const assign = (chunk: string, role: RoleTarget): void => {
    const target = role === 'ambiguous' ? into.ambiguous : into[role];
    const groups = role === 'shared' || role === 'ambiguous' ? tiers(chunk) : [chunk];
    groups.forEach((group, tier) => {
      const list = splitParties(group);
      if (list.openList) into.openList = true;
      for (const [party, names] of Object.entries(list.aliases)) into.aliases[party] = names;
      for (const p of list.parties) {
        if (!target.includes(p)) target.push(p);
        if (tier > 0 && !into.laterGroup.includes(p)) into.laterGroup.push(p);
      }
    });
  };
  const inside = shielded(text);
  for (const m of text.matchAll(ROLE_TOKEN)) {
    const index = m.index ?? 0;
    if (inside[index]) continue; // 各牵头部门, 市“牵头”办: part of a name
    const chunk = text.slice(last, index);
    last = index + m[0].length;
    if (m[1] !== undefined) {
      // A label (牵头单位：) starts a list; text before it belonged to the previous label.
      if (chunk.trim()) assign(chunk, label ?? 'ambiguous');
      label = labelRole(m[1]);
      continue;
    }
    const verb = m[0];
    if (verb === '会同') {
      assign(chunk, 'lead');
      huitong = true;
    } else if (verb.includes('牵头')) {
      assign(chunk, 'lead');
    } else if (verb.includes('负责') || verb.includes('落实')) {
      assign(chunk, huitong ? 'cooperating' : 'shared');
      huitong = false;
    } else if (verb === '指导') {
      assign(chunk, 'guiding');
    } else {
      assign(chunk, 'cooperating');
    }
    label = null;
  }
  const rest = text.slice(last);
  if (rest.trim()) assign(rest, label ?? (huitong ? 'cooperating' : 'ambiguous'));
}

/** `A、B，C` is two tiers when the list uses both separators; a list of commas alone is one tier. */
function tiers(chunk: string): string[] {
  const list = chunk.replace(/^[\s，,、]+|[\s，,、]+$/g, '');
  const groups = splitOutside(list, '，,');
  return groups.length > 1 && splitOutside(list, '、').length > 1 ? groups : [list];
}

function labelRole(label: string): PartyRole {
  if (label.startsWith('牵头')) return 'lead';
  if (label.startsWith('指导')) return 'guiding';
  if (label.startsWith('责任') || label.startsWith('主责')) return 'shared';
  return 'cooperating';
}
