/**
 * `duban preview`: the parse as a plain-text table for a coordinator at a terminal. One row per
 * (measure, role), parties of a role joined and wrapped, the measure's warnings beneath it.
 */
import { partiesOf } from '../../../libs/documents/parse/parse-policy';
import type {
  ParsedMeasure,
  ParseResult,
  ParseWarning,
  ParseWarningCode,
  PartyRole,
} from '../../../libs/documents/parse/parse-result.types';
import { padEnd, truncate, wrapList } from './display-width';

type Role = PartyRole | 'implied';

const ROLE_LABEL: Record<Role, string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '默认配合',
};
const ROLE_ORDER: Role[] = ['lead', 'shared', 'cooperating', 'guiding', 'implied'];

export const WARNING_LABEL: Record<ParseWarningCode, string> = {
  MISSING_ATTRIBUTION: '缺责任单位',
  GENERIC_PARTY: '泛指单位',
  UNKNOWN_AGENCY: '未知单位',
  OPEN_LIST: '名单不全',
  AMBIGUOUS_ROLE: '职责不明',
  UNREADABLE_TIME_LIMIT: '时限不明',
  TABLE_WITHOUT_LEAD_COLUMN: '表格缺牵头列',
  TABLE_REPLACES_PROSE: '以分工表为准',
  TABLE_ROW_SHORT: '表格行缺格',
};

const COLUMNS = { number: 12, title: 30, role: 10, parties: 60 };

export const NO_MEASURES_NOTE = '未找到编号措施（一、（一）1. 等），没有可预览的任务。';

/** The preview, or the one-line note when the text has no numbered measures. */
export function formatPreview(result: ParseResult): string {
  if (result.measures.length === 0) return NO_MEASURES_NOTE;
  const out = [...header(result), ''];
  out.push(row('编号', '措施', '分工', '责任单位'));
  const rule = (width: number): string => '─'.repeat(width);
  out.push(row(rule(COLUMNS.number - 2), rule(COLUMNS.title - 2), rule(COLUMNS.role - 2), rule(24)));
  const grouped = warningsByMeasure(result);
  result.measures.forEach((m, i) => {
    out.push(...measureRows(m));
    for (const w of grouped[i]) out.push(warningRow(w));
  });
  const orphan = result.warnings.filter((w) => w.measure === null);
  for (const w of orphan) out.push(warningRow(w));
  out.push('', summary(result));
  return out.join('\n');
}

function header(result: ParseResult): string[] {
  const lines = [
    `文件标题  ${result.title ?? '（未识别）'}`,
    `文号 ${result.docNumber ?? '—'}    发文 ${result.issuer ?? '—'}    日期 ${result.issuedOn ?? '—'}    牵头统筹 ${result.coordinator ?? '—'}`,
  ];
  for (const c of result.conventions) lines.push(`通用约定  自${c.fromMeasure}起：${c.text}`);
  return lines;
}

function row(number: string, title: string, role: string, parties: string): string {
  return `${padEnd(number, COLUMNS.number)}${padEnd(title, COLUMNS.title)}${padEnd(role, COLUMNS.role)}${parties}`.trimEnd();
}

function measureRows(m: ParsedMeasure): string[] {
  const byRole = new Map<Role, string[]>();
  for (const { party, role } of partiesOf(m)) byRole.set(role, [...(byRole.get(role) ?? []), party]);
  const title = truncate(m.title || '（无标题）', COLUMNS.title - 2);
  const lines: string[] = [];
  for (const role of ROLE_ORDER) {
    const parties = byRole.get(role);
    if (!parties) continue;
    wrapList(parties, COLUMNS.parties).forEach((chunk, k) => {
      const first = lines.length === 0;
      lines.push(row(first ? m.number : '', first ? title : '', k === 0 ? ROLE_LABEL[role] : '', chunk));
    });
  }
  if (lines.length === 0) lines.push(row(m.number, title, '—', '（未写明）'));
  return lines;
}

function warningRow(w: ParseWarning): string {
  return `${' '.repeat(COLUMNS.number)}! ${WARNING_LABEL[w.code]}：${w.message}`;
}

function summary(result: ParseResult): string {
  const parties = new Set<string>();
  let assignments = 0;
  let implied = 0;
  for (const m of result.measures) {
    for (const p of partiesOf(m)) {
      parties.add(p.party);
      assignments += 1;
      if (p.role === 'implied') implied += 1;
    }
  }
  const counts = new Map<ParseWarningCode, number>();
  for (const w of result.warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  const detail = [...counts].map(([code, n]) => `${WARNING_LABEL[code]} ${n}`).join('，');
  return (
    `合计  措施 ${result.measures.length} 项  单位 ${parties.size} 个  分工 ${assignments} 项${implied ? `（含默认配合 ${implied}）` : ''}  ` +
    `警告 ${result.warnings.length} 条${detail ? `（${detail}）` : ''}`
  );
}

/**
 * Warnings per measure, by position. parsePolicy emits them in measure order: exactly one
 * MISSING_ATTRIBUTION for a measure without attributions, otherwise those naming its number.
 */
export function warningsByMeasure(result: ParseResult): ParseWarning[][] {
  const list = result.warnings.filter((w) => w.measure !== null);
  let at = 0;
  return result.measures.map((m) => {
    const mine: ParseWarning[] = [];
    if (m.attributions.length === 0) {
      if (list[at]?.measure === m.number && list[at].code === 'MISSING_ATTRIBUTION') mine.push(list[at++]);
      return mine;
    }
    while (at < list.length && list[at].measure === m.number && list[at].code !== 'MISSING_ATTRIBUTION') {
      mine.push(list[at++]);
    }
    return mine;
  });
}
