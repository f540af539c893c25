import type { ParsedMeasure } from './parse-result.types';

/** The bureau told to 牵头统筹 / 做好牵头工作 in text outside the measures (usually the closing paragraph). */
export function findCoordinator(input: string, measures: ParsedMeasure[]): string | null {
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
