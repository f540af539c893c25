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
  /**
   * The measure's time limit (完成时限), or null when it states none that can be read (then an
   * UNREADABLE_TIME_LIMIT warning names wording such as 尽快 or 6月底前 without a year).
   * Several limits: a table's time cell wins over the attribution, the attribution over the text;
   * within one source the latest date wins, then a recurring limit, then an ongoing one.
   */
  timeLimit: ParsedTimeLimit | null;
}

/** Where a time limit was read: the running text, an attribution （…，2026年底前完成）, or a table's time cell. */
export type TimeLimitSource = 'text' | 'attribution' | 'tableCell';

interface TimeLimitBase {
  /** The wording as written, e.g. "2026年底前", "每季度报送", "长期坚持". */
  raw: string;
  span: Span;
  source: TimeLimitSource;
}

/** A deadline: 2026年底前 → 2026-12-31, 2027年6月 → 2027-06-30, 2027年上半年 → 2027-06-30, 到2027年 → 2027-12-31. */
export interface DateTimeLimit extends TimeLimitBase {
  kind: 'date';
  /** ISO date (YYYY-MM-DD): the last day the wording allows. */
  due: string;
}

export type RecurringEvery = 'year' | 'half-year' | 'quarter' | 'month';

/** A limit that repeats: 每年2月底前, 每季度报送, 每月10日前, 每半年. */
export interface RecurringTimeLimit extends TimeLimitBase {
  kind: 'recurring';
  every: RecurringEvery;
  /**
   * The day in each period, when written: `month` (1–12, only with every 'year') and `day`
   * (1–31, or 'end' for the last day of that month, or of the period). Null when not written.
   */
  by: { month: number | null; day: number | 'end' } | null;
}

/** No end date: 长期坚持, 持续推进, 长期推进 (as a clause of their own, or a table's time cell). */
export interface OngoingTimeLimit extends TimeLimitBase {
  kind: 'ongoing';
}

export type ParsedTimeLimit = DateTimeLimit | RecurringTimeLimit | OngoingTimeLimit;

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
  | 'MISSING_ATTRIBUTION'
  | 'GENERIC_PARTY'
  | 'UNKNOWN_AGENCY'
  | 'OPEN_LIST'
  | 'AMBIGUOUS_ROLE'
  /** Wording that sets a limit without a readable date (尽快, 近期, 6月底前 without a year): timeLimit is null. */
  | 'UNREADABLE_TIME_LIMIT'
  /** A task-division table whose header names no 牵头单位 / 责任单位 column: nothing is imported. */
  | 'TABLE_WITHOUT_LEAD_COLUMN'
  /** The text has numbered prose items and a task-division table: the table's rows are the measures. */
  | 'TABLE_REPLACES_PROSE'
  /** A table row with fewer cells than the header (an empty cell between runs of spaces cannot be seen). */
  | 'TABLE_ROW_SHORT';

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
  /** Present only when the text holds a task-division table (任务分工表) pasted as text. */
  table?: ParsedTable;
}

/** How a table column was read. `responsible` (责任单位) gives shared parties, or lead + cooperating under 列第一位者为牵头单位. */
export type TableColumnRole = 'number' | 'task' | 'lead' | 'responsible' | 'cooperating' | 'timeLimit' | 'ignored';

export interface ParsedTable {
  /** From the header line to the end of the last row. */
  span: Span;
  /** Each header cell in order, and what it was read as. */
  columns: { header: string; readAs: TableColumnRole }[];
  /** Data rows read (each one a measure, unless the table was refused). */
  rows: number;
}

export interface ParseOptions {
  /**
   * The agency registry's answer for a party name as written. When given, every non-generic
   * party it does not know gets an UNKNOWN_AGENCY warning; without it no such warning is raised.
   */
  isKnownAgency?: (name: string) => boolean;
}
