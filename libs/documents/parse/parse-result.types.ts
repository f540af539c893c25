/**
 * Output of the policy-document parser, exactly the JSON contract of
 * `duban parse FILE --json` (shared/contracts/parse-output.md).
 */

/** Roles a party can hold inside one measure, strongest first. */
export type PartyRole = 'lead' | 'shared' | 'cooperating' | 'guiding';

/** `explicit` when the text names the roles; `documentConvention` when a 列第一位者为牵头单位 rule assigned them. */
export type RoleSource = 'explicit' | 'documentConvention';

/** [start, end) character offsets (JS string indices) into the parsed input. */
export type Span = [number, number];

export interface ParsedAttribution {
  /** The attribution as written, e.g. "（市民政局、市教委按职责分工负责）". */
  raw: string;
  span: Span;
  lead: string[];
  shared: string[];
  cooperating: string[];
  guiding: string[];
  roleSource: RoleSource;
  /**
   * Second names written in brackets right after a party, keyed by the party as listed:
   * （市市场监管委（市知识产权局）负责） gives shared ["市市场监管委"] and
   * aliases {"市市场监管委": ["市知识产权局"]}; also 某委员会（以下简称某委）. `{}` when none.
   * Always present in parser output; results stored before this field was added lack it.
   */
  aliases: Record<string, string[]>;
}

export interface ParsedMeasure {
  /** As written: "（一）", "12.", "二十一、". Not unique across sections in every document. */
  number: string;
  /** The enclosing heading line, e.g. "一、夯实基本生活保障体系", or null. */
  section: string | null;
  /** First sentence of the measure without its number and without the trailing 。. */
  title: string;
  text: string;
  span: Span;
  attributions: ParsedAttribution[];
  /** Parties added by a documentWideCooperating convention (not named in this measure). */
  impliedCooperating: string[];
}

export interface DocumentWideCooperatingConvention {
  kind: 'documentWideCooperating';
  parties: string[];
  fromMeasure: string;
  text: string;
}

export interface FirstListedLeadsConvention {
  kind: 'firstListedLeads';
  fromMeasure: string;
  text: string;
}

export type ParseConvention = DocumentWideCooperatingConvention | FirstListedLeadsConvention;

export type ParseWarningCode =
  'MISSING_ATTRIBUTION' | 'GENERIC_PARTY' | 'UNKNOWN_AGENCY' | 'OPEN_LIST' | 'AMBIGUOUS_ROLE';

export interface ParseWarning {
  /** Number of the measure concerned, or null for a document-level warning. */
  measure: string | null;
  code: ParseWarningCode;
  message: string;
}

export interface ParseResult {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  issuedOn: string | null;
  coordinator: string | null;
  conventions: ParseConvention[];
  measures: ParsedMeasure[];
  warnings: ParseWarning[];
}

export interface ParseOptions {
  /**
   * The agency registry's answer for a party name as written. When given, every non-generic
   * party it does not know gets an UNKNOWN_AGENCY warning; without it no such warning is raised.
   */
  isKnownAgency?: (name: string) => boolean;
}
