import type { AttributionCandidate } from './attribution';
import type { ParsedMeasure, ParseOptions, ParseWarning } from './parse-result.types';
import { isGenericParty } from './party-list';

/**
 * What a coordinator must check in one measure. `stated` are the parties of conventions stated in
 * this measure: they reach later measures unnamed, so an unknown one is reported here, once.
 */
export function measureWarnings(
  measure: ParsedMeasure,
  found: AttributionCandidate[],
  stated: string[],
  options: ParseOptions,
): ParseWarning[] {
  const number = measure.number;
  if (found.length === 0) {
    return [{ measure: number, code: 'MISSING_ATTRIBUTION', message: `${number} 未写明责任单位` }];
  }
  const warnings: ParseWarning[] = [];
  const named = new Set<string>();
  for (const a of measure.attributions)
    for (const p of [...a.lead, ...a.shared, ...a.cooperating, ...a.guiding]) named.add(p);
  for (const p of stated) named.add(p);
  for (const p of named) {
    if (isGenericParty(p)) {
      warnings.push({
        measure: number,
        code: 'GENERIC_PARTY',
        message: `${number} 的责任单位“${p}”为泛指，需明确具体部门`,
      });
    }
  }
  const known = options.isKnownAgency;
  if (known) {
    for (const p of named) {
      if (!isGenericParty(p) && !known(p)) {
        warnings.push({ measure: number, code: 'UNKNOWN_AGENCY', message: `${number} 的责任单位“${p}”不在单位名录中` });
      }
    }
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
