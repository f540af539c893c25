/**
 * The layout of a document's 督办台账 (task supervision ledger) as of a day: one row per task,
 * grouped by measure, the columns a 督查 office keeps. Pure: the xlsx and csv writers only render it.
 */
import type { ClockReading, Colour } from '../../clock/domain/clock-reading';
import { STATE_LABELS, type TaskRole, type TaskState } from '../../tasks/domain/task-state';
import { latestReport, type TaskAsOf } from './task-as-of';

export const ROLE_LABELS: Record<TaskRole, string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '属地/有关单位',
};

export const COLOUR_LABELS: Record<Colour, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '灰灯' };

// Lead first, as a 台账 lists a measure's agencies.
const ROLE_ORDER: Record<TaskRole, number> = { lead: 0, shared: 1, cooperating: 2, guiding: 3, implied: 4 };

/** One task of the document with what it was as of the day and how its clock read then. */
export interface LedgerTask {
  taskId: string;
  measureId: string;
  measureSeq: number;
  measureNumber: string;
  measureTitle: string;
  agencyId: string;
  agency: string;
  /** The task row's role, used when the history recorded none. */
  role: TaskRole;
  asOf: TaskAsOf;
  reading: ClockReading;
}

/** The task list's filters, applied to the task as of the day (its state and colour then). */
export interface LedgerFilter {
  agencyId?: string;
  measureId?: string;
  role?: TaskRole;
  state?: TaskState;
  colour?: Colour;
  /** Overdue as of the day (true) or not (false), as the clock read it. */
  overdue?: boolean;
}

export interface LedgerColumn {
  header: string;
  /** Width in characters (a CJK character counts as two). */
  width: number;
}

export interface LedgerRow {
  taskId: string;
  measureId: string;
  colour: Colour;
  cells: string[];
}

export interface LedgerSheet {
  title: string;
  /** File name without extension. */
  baseName: string;
  columns: LedgerColumn[];
  rows: LedgerRow[];
  /** Columns (0-based) whose cells merge over a measure's consecutive rows. */
  mergedColumns: number[];
  /** Consecutive data rows (0-based, inclusive) of one measure, for measures with more than one row. */
  measureSpans: { from: number; to: number }[];
  /** 0-based index of the 灯色 column, filled in the row's colour. */
  colourColumn: number;
}

/** 2026-12-01 → 2026年12月1日 */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Report periods (months, YYYY-MM) from the month of `from` to the month of `until`, inclusive. */
export function reportPeriods(from: string, until: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = until.slice(0, 7);
  for (;;) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    if (period > last) return out;
    out.push(period);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

const periodHeader = (p: string) => `${Number(p.slice(0, 4))}年${Number(p.slice(5, 7))}月报送`;

/** Whether the task as of the day passes the filter. */
export function matches(t: LedgerTask, f: LedgerFilter): boolean {
  return (
    (f.agencyId === undefined || t.agencyId === f.agencyId) &&
    (f.measureId === undefined || t.measureId === f.measureId) &&
    (f.role === undefined || (t.asOf.role ?? t.role) === f.role) &&
    (f.state === undefined || t.asOf.state === f.state) &&
    (f.colour === undefined || t.reading.colour === f.colour) &&
    (f.overdue === undefined || t.reading.overdue === f.overdue)
  );
}

function daysText(r: ClockReading): string {
  if (r.workingDaysLeft === null) return '';
  if (r.overdue) return `逾期 ${Math.abs(r.workingDaysLeft)} 个工作日`;
  if (r.workingDaysLeft === 0) return '今日到期';
  return `剩余 ${r.workingDaysLeft} 个工作日`;
}

function extensionText(a: TaskAsOf): string {
  const parts: string[] = [];
  const last = a.extensions.at(-1);
  if (last) parts.push(`${a.extensions.length} 次，延至 ${last.to}${last.reason ? `；依据：${last.reason}` : ''}`);
  const p = a.pendingExtension;
  if (p) parts.push(`${p.day} 申请延至 ${p.proposedDate ?? '—'}，待审批`);
  return parts.join('\n');
}

function periodText(a: TaskAsOf, period: string): string {
  const lines = a.reports
    .filter((r) => r.day.startsWith(period))
    .map((r) => `${r.day} ${r.kind === 'submit' ? '报送办结' : '进展'}：${r.text}`);
  if (lines.length > 0) return lines.join('\n');
  const reminded = a.reportReminders.find((r) => r.period === period);
  return reminded ? `未报送（${reminded.day} 已提醒）` : '';
}

/**
 * Lays out the ledger: filtered tasks in measure order (lead first within a measure), report
 * periods from the earliest issue among all the document's tasks to the as-of month, so filters
 * never change the columns.
 */
export function ledgerSheet(input: {
  documentTitle: string;
  asOf: string;
  tasks: LedgerTask[];
  filter: LedgerFilter;
}): LedgerSheet {
  const issued = input.tasks.filter((t) => t.asOf.issuedOn !== null);
  const first = issued.map((t) => t.asOf.issuedOn!).sort()[0];
  const periods = first ? reportPeriods(first, input.asOf) : [];
  const name = input.documentTitle.replace(/^《|》$/g, '');
  const title = `《${name}》任务落实台账（截至 ${chineseDate(input.asOf)}）`;
  const columns: LedgerColumn[] = [
    { header: '序号', width: 6 },
    { header: '措施编号', width: 10 },
    { header: '措施', width: 36 },
    { header: '分工', width: 10 },
    { header: '责任单位', width: 18 },
    { header: '下发日期', width: 12 },
    { header: '办理时限', width: 12 },
    { header: '剩余/逾期工作日', width: 16 },
    { header: '状态', width: 10 },
    { header: '灯色', width: 8 },
    { header: '灯色依据', width: 36 },
    { header: '已触发节点', width: 22 },
    { header: '延期', width: 26 },
    ...periods.map((p) => ({ header: periodHeader(p), width: 30 })),
    { header: '最新进展', width: 36 },
    { header: '领导批示', width: 28 },
    { header: '办结日期', width: 12 },
    { header: '佐证材料', width: 24 },
    { header: '备注', width: 30 },
  ];
  const rows = issued
    .filter((t) => matches(t, input.filter))
    .map((t, i) => ({ t, i }))
    .sort(
      (x, y) =>
        x.t.measureSeq - y.t.measureSeq ||
        ROLE_ORDER[x.t.asOf.role ?? x.t.role] - ROLE_ORDER[y.t.asOf.role ?? y.t.role] ||
        x.i - y.i,
    )
    .map(({ t }, n): LedgerRow => {
      const a = t.asOf;
      const latest = latestReport(a);
      return {
        taskId: t.taskId,
        measureId: t.measureId,
        colour: t.reading.colour,
        cells: [
          String(n + 1),
          t.measureNumber,
          t.measureTitle,
          ROLE_LABELS[a.role ?? t.role],
          t.agency,
          a.issuedOn ?? '',
          a.dueDate ?? '',
          daysText(t.reading),
          STATE_LABELS[a.state],
          COLOUR_LABELS[t.reading.colour],
          t.reading.explanation,
          a.fired.map((f) => `${f.label} ${f.day}`).join('\n'),
          extensionText(a),
          ...periods.map((p) => periodText(a, p)),
          latest ? `${latest.day}：${latest.text}` : '',
          a.instructions.map((x) => `${x.day} ${x.actor ?? ''}：${x.text}`).join('\n'),
          a.doneOn ?? '',
          a.evidence.join('\n'),
          a.notes.join('\n'),
        ],
      };
    });
  const measureSpans: { from: number; to: number }[] = [];
  rows.forEach((r, i) => {
    const span = measureSpans.at(-1);
    if (span && span.to === i - 1 && rows[span.from].measureId === r.measureId) span.to = i;
    else measureSpans.push({ from: i, to: i });
  });
  return {
    title,
    baseName: `${name}任务落实台账（截至${chineseDate(input.asOf)}）`,
    columns,
    rows,
    mergedColumns: [1, 2],
    measureSpans: measureSpans.filter((s) => s.to > s.from),
    colourColumn: 9,
  };
}
