/**
 * The words of a 情况通报 as a coordinating bureau writes it, from its figures: the title, the
 * period, 总体情况 in one paragraph, and the lists of 进展滞后, 本期办结 and 领导批示. The .docx and
 * the .pdf are both filled from this, so they say the same.
 */
import type { CircularFigures } from './circular-figures';
import type { CircularKind } from './circular-period';

export interface CircularContent {
  issuer: string;
  title: string;
  periodText: string;
  summary: string;
  lagging: { agency: string; measure: string; overdueText: string }[];
  completed: { agency: string; measure: string; day: string }[];
  instructions: { day: string; actor: string; text: string; measure: string }[];
  byAgency: { agency: string; total: number; done: number; percent: string }[];
  byMeasure: { measure: string; total: number; done: number; percent: string }[];
  ledgerName: string;
  date: string;
}

/** 2026年12月7日 */
export const chineseDay = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const percent = (done: number, total: number) => (total === 0 ? '—' : `${Math.round((done / total) * 1000) / 10}%`);

export function circularContent(input: {
  kind: CircularKind;
  documentTitle: string;
  issuer: string;
  figures: CircularFigures;
  /** The day it was issued (or regenerated). */
  date: string;
  ledgerName: string;
}): CircularContent {
  const { kind, documentTitle, issuer, figures: f, date, ledgerName } = input;
  const summary =
    `截至${chineseDay(f.asOf)}，《${documentTitle}》共分解任务 ${f.total} 项，已办结 ${f.done.count} 项，占 ${f.done.percent}%；` +
    `其中按时办结 ${f.onTime.count} 项，占 ${f.onTime.percent}%；逾期未办结 ${f.overdue.count} 项，占 ${f.overdue.percent}%。` +
    `本期（${chineseDay(f.from)}至${chineseDay(f.to)}）办结 ${f.completed.length} 项，领导批示 ${f.instructions.length} 件。`;
  return {
    issuer,
    title: `关于《${documentTitle}》落实情况的通报`,
    periodText: `${kind === 'weekly' ? '周报' : '月报'}，截至${chineseDay(f.asOf)}`,
    summary,
    lagging: f.lagging.map((l) => ({
      agency: l.agency,
      measure: l.measure,
      overdueText: l.daysOverdue ? `，已逾期 ${l.daysOverdue} 个工作日` : '，已逾期',
    })),
    completed: f.completed.map((c) => ({ agency: c.agency, measure: c.measure, day: chineseDay(c.day) })),
    instructions: f.instructions.map((i) => ({
      day: chineseDay(i.day),
      actor: i.actor ?? '领导',
      text: i.text,
      measure: i.measure,
    })),
    byAgency: f.byAgency.map((a) => ({ ...a, percent: percent(a.done, a.total) })),
    byMeasure: f.byMeasure.map((m) => ({ ...m, percent: percent(m.done, m.total) })),
    ledgerName,
    date: chineseDay(date),
  };
}
