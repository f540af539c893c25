/**
 * Splitting a written list of agencies ("市民政局、市教委", "各区、县级市", "X等有关部门")
 * into party names kept exactly as written.
 */

export interface PartyList {
  parties: string[];
  /** The list was open-ended (a 等 ended or split it). */
  openList: boolean;
  /** Party -> the other names written in brackets after it (市市场监管委（市知识产权局）). */
  aliases: Record<string, string[]>;
}

const LEVEL = '(?:省|市|区|县|县级市|自治区|直辖市|自治州|自治县|自治旗|州|地|盟|旗|乡|镇|乡镇|街道)';
const LEVEL_NOTE = `(?:级)?(?:[（(]${LEVEL}(?:、${LEVEL})*[）)])?`;
/** Bare administrative levels: "各区、县级市" and "有关区、县人民政府" name one collective. */
const BARE_LEVEL = new RegExp(`^(?:各|有关|相关|其他)*${LEVEL}${LEVEL_NOTE}$`);
const LEVEL_CONTINUATION = new RegExp(`^${LEVEL}${LEVEL_NOTE}(?:人民政府|政府)?$`);
/** 县（市、区）, 乡镇（街道）: a bracket that qualifies a level, not a second name. */
const LEVEL_LIST = new RegExp(`^${LEVEL}(?:、${LEVEL})*$`);

/** 等 splits a list only when it ends it or introduces a generic remainder; 中等职业学校 is not a list. */
const DENG_SPLIT = /等(?=(?:有关|相关|其他|各|部门|单位)|$)/g;

const GENERIC =
  /(?:有关|相关)(?:部门|单位|方面)|^(?:各|其他)(?:部门|单位|地|地区|地方)$|^各地(?:区)?各(?:有关)?部门$|^(?:各|有关|相关|其他)+(?:牵头|配合|责任|主责|协办|参与|成员|指导)(?:部门|单位)$/;

/** 各牵头部门, 有关责任单位: a collective named by its role, which a role word inside must not cut. */
const ROLE_COLLECTIVE = /(?:各|有关|相关|其他)+(?:牵头|配合|责任|主责|协办|参与|成员|指导)(?:部门|单位)(?![：:])/g;
const QUOTES: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '〝': '〞',
  '《': '》',
  '"': '"',
  '＂': '＂',
};
/** Any quote mark, to catch one left unclosed. */
export const QUOTE_MARK = /[“”‘’「」『』〝〞《》"＂]/;
/** Text without any of these has nothing shielded (the common case: a fast path). */
const MAY_SHIELD = /[“‘「『〝《"＂（(]|(?:各|有关|相关|其他)(?:牵头|配合|责任|主责|协办|参与|成员|指导)/;
const ROLE_VERB = /负责|牵头|配合|参与|协助|指导|会同|落实/;
/** How agency names end: 局, 委, 办公室, 领导小组, 工作专班, 中心… */
export const AGENCY_END = /[局委部办厅署院会室府组行联处所站队司社馆心关班团]$/;
const NOTE = /^(?:含|包括|不含|注)/;
const SHORT_NAME = /^(?:以下简称|简称|下称)/;

/** True for a party that names no concrete agency (有关部门, 各有关单位, 各牵头部门…). */
export function isGenericParty(party: string): boolean {
  return GENERIC.test(party);
}

/** Which characters of `text` lie inside a quoted term: 市“河长制”办公室, 「一网通办」工作专班. */
function quoted(text: string): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i < text.length; i += 1) {
    const closer = QUOTES[text[i]];
    if (closer === undefined) continue;
    const j = text.indexOf(closer, i + 1);
    if (j < 0) continue;
    inside.fill(true, i, j + 1);
    i = j;
  }
  return inside;
}

/**
 * Which characters of `text` lie inside a group that separators and role words do not cut:
 * a quoted term, a bracket that assigns no work (各县（市、区）, 市市场监管委（市知识产权局）)
 * or a collective named by its role (各配合单位).
 */
export function shielded(text: string): boolean[] {
  if (!MAY_SHIELD.test(text)) return new Array<boolean>(text.length).fill(false);
  const inside = quoted(text);
  const open: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inside[i]) continue;
    if (c === '（' || c === '(') open.push(i);
    else if (c === '）' || c === ')') {
      const from = open.pop();
      if (from !== undefined && !ROLE_VERB.test(text.slice(from, i))) inside.fill(true, from, i + 1);
    }
  }
  for (const m of text.matchAll(ROLE_COLLECTIVE)) inside.fill(true, m.index ?? 0, (m.index ?? 0) + m[0].length);
  return inside;
}

/** `text.split` on any of `separators`, except where they are shielded. */
export function splitOutside(text: string, separators: string): string[] {
  if (!MAY_SHIELD.test(text)) return plainSplit(text, separators);
  const inside = shielded(text);
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!inside[i] && separators.includes(text[i])) {
      pieces.push(text.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}

const SEPARATOR_SETS = new Map<string, RegExp>();

function plainSplit(text: string, separators: string): string[] {
  let re = SEPARATOR_SETS.get(separators);
  if (!re) SEPARATOR_SETS.set(separators, (re = new RegExp(`[${separators}]`)));
  return text.split(re);
}

/** The text without its quoted terms, for checks that quoted words must not trip. */
export function withoutQuoted(text: string): string {
  if (!MAY_SHIELD.test(text)) return text;
  const inside = quoted(text);
  return text
    .split('')
    .filter((_, i) => !inside[i])
    .join('');
}

export function splitParties(chunk: string): PartyList {
  const cleaned = chunk.replace(/^[\s、，,；;：:）)]+|[\s、，,；;：:（(]+$/g, '').replace(/^由/, '');
  const pieces = splitOutside(cleaned, '、，,')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

  // Re-join collectives written with 、 ("各区、县级市", "有关区、县人民政府").
  const joined: string[] = [];
  for (const piece of pieces) {
    const prev = joined.length > 0 ? joined[joined.length - 1] : undefined;
    if (prev !== undefined && BARE_LEVEL.test(lastComponent(prev)) && LEVEL_CONTINUATION.test(piece)) {
      joined[joined.length - 1] = `${prev}、${piece}`;
    } else {
      joined.push(piece);
    }
  }

  const parties: string[] = [];
  const aliases: Record<string, string[]> = {};
  let openList = false;
  const add = (p: string): void => {
    const { name, alternatives } = secondNames(trimUnmatched(p.trim()));
    if (name.length > 0 && !parties.includes(name)) parties.push(name);
    if (alternatives.length > 0) aliases[name] = [...new Set([...(aliases[name] ?? []), ...alternatives])];
  };
  for (const piece of joined) {
    const at = dengOutside(piece);
    if (at !== undefined) {
      openList = true;
      add(piece.slice(0, at));
      add(piece.slice(at + 1));
    } else {
      add(piece);
    }
  }
  return { parties, openList, aliases };
}

/**
 * A closing bracket after a name: 市市场监管委（市知识产权局） gives 市市场监管委 with the alias
 * 市知识产权局 (also 以下简称X); a note (含…) is dropped; 各县（市、区） stays whole.
 */
function secondNames(party: string): { name: string; alternatives: string[] } {
  const whole = { name: party, alternatives: [] };
  if (!/[）)]$/.test(party)) return whole;
  const open = matchingOpener(party);
  if (open <= 0) return whole;
  const name = party.slice(0, open).trim();
  const inner = party.slice(open + 1, -1).trim();
  if (LEVEL_LIST.test(inner)) return whole;
  if (NOTE.test(inner)) return { name, alternatives: [] };
  const names = splitOutside(inner.replace(SHORT_NAME, ''), '、，,').map((n) => unquote(n.trim()));
  const agencies = names.every((n) => n.length >= 2 && AGENCY_END.test(n) && !/[（(）)。；;]/.test(n));
  return agencies && AGENCY_END.test(name) ? { name, alternatives: names } : whole;
}

/**
 * Brackets a name does not close belong to the text around it: a stray closer is dropped
 * (中国（上海）） -> 中国（上海）), and so is an opener in front; from any other unclosed opener on,
 * the words are not the name (关于（以下简称 -> 关于).
 */
function trimUnmatched(name: string): string {
  if (!/[（()）]/.test(name)) return name;
  const open: number[] = [];
  const stray = new Set<number>();
  for (let i = 0; i < name.length; i += 1) {
    if (name[i] === '（' || name[i] === '(') open.push(i);
    else if ((name[i] === '）' || name[i] === ')') && open.pop() === undefined) stray.add(i);
  }
  open.forEach((at, k) => {
    if (at === k) stray.add(at); // unclosed openers at the very start
  });
  const cut = open.find((at, k) => at !== k) ?? name.length;
  return name
    .slice(0, cut)
    .split('')
    .filter((_, i) => !stray.has(i))
    .join('')
    .trim();
}

/** 以下简称“市监委” names 市监委. */
function unquote(name: string): string {
  const closer = QUOTES[name[0]];
  return closer !== undefined && name.length > 2 && name.endsWith(closer) && !QUOTE_MARK.test(name.slice(1, -1))
    ? name.slice(1, -1)
    : name;
}

function matchingOpener(text: string): number {
  let depth = 0;
  for (let j = text.length - 1; j >= 0; j -= 1) {
    if (text[j] === '）' || text[j] === ')') depth += 1;
    else if (text[j] === '（' || text[j] === '(') {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function dengOutside(piece: string): number | undefined {
  const matches = [...piece.matchAll(DENG_SPLIT)];
  if (matches.length === 0) return undefined;
  const inside = shielded(piece);
  return matches.find((m) => !inside[m.index ?? 0])?.index;
}

function lastComponent(collective: string): string {
  const parts = splitOutside(collective, '、');
  return parts[parts.length - 1];
}
