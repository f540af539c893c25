import { NOTICE_TITLES, type NoticeKind } from './notice-number';

export const ROLE_LABELS: Record<string, string> = {
  lead: '牵头',
  shared: '共同负责',
  cooperating: '配合',
  guiding: '指导',
  implied: '配合',
};

/** One task a notice lists: a measure of the agency, with its time limit (and, for 催办, days overdue). */
export interface NoticeItem {
  measureNumber: string;
  measureTitle: string;
  role: string;
  /** How many agencies share the measure: a lone 'shared' party is simply 负责. */
  parties?: number;
  dueDate: string;
  /** Working days past the due date on the notice's day (催办 only). */
  overdueDays?: number;
}

export interface Contact {
  name: string;
  phone: string | null;
  email: string | null;
}

/** What a notice is made from: stored facts only, so the same notice reads the same whenever made. */
export interface NoticeFacts {
  kind: NoticeKind;
  number: string;
  /** The Beijing day of issue (launch day, or the day the 催办 rung fired). */
  day: string;
  agency: string;
  documentTitle: string | null;
  docNumber: string | null;
  issuer: string | null;
  /** The coordinating bureau (督办单位): the document's 牵头协调 unit, else its issuer. */
  coordinator: string | null;
  /** The coordinator who launched the document, as a contact. */
  coordinatorContact: Contact | null;
  items: NoticeItem[];
  liaisons: Contact[];
}

/** The placeholders of a template: these top-level names plus the `measures` and `contacts` loops. */
export interface NoticeContent {
  title: string;
  number: string;
  agency: string;
  documentTitle: string;
  docNumber: string;
  issuer: string;
  coordinator: string;
  coordinatorContact: string;
  date: string;
  measures: {
    seq: number;
    measureNumber: string;
    measureTitle: string;
    role: string;
    dueDate: string;
    overdue: string;
  }[];
  contacts: { name: string; phone: string; email: string }[];
}

/** The placeholders an uploaded template must hold, else it could not say what a notice is for. */
export const REQUIRED_PLACEHOLDERS = ['number', 'agency', 'measures'] as const;

/** 2026-12-31 → 2026年12月31日, as 公文 write dates. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const contactLine = (c: Contact | null) =>
  c ? [c.name, c.phone && `电话：${c.phone}`, c.email && `邮箱：${c.email}`].filter(Boolean).join('　') : '';

/** The values a notice's template (and the PDF) is filled with. */
export function noticeContent(f: NoticeFacts): NoticeContent {
  const issuer = f.coordinator ?? f.issuer ?? '';
  return {
    title: NOTICE_TITLES[f.kind],
    number: f.number,
    agency: f.agency,
    documentTitle: f.documentTitle ?? '',
    docNumber: f.docNumber ? `（${f.docNumber}）` : '',
    issuer,
    coordinator: issuer,
    coordinatorContact: contactLine(f.coordinatorContact),
    date: chineseDate(f.day),
    measures: f.items.map((item, i) => ({
      seq: i + 1,
      measureNumber: item.measureNumber,
      measureTitle: item.measureTitle,
      role: item.role === 'shared' && (item.parties ?? 2) < 2 ? '负责' : (ROLE_LABELS[item.role] ?? item.role),
      dueDate: chineseDate(item.dueDate),
      overdue: item.overdueDays === undefined ? '' : `${item.overdueDays}个工作日`,
    })),
    contacts: f.liaisons.map((c) => ({ name: c.name, phone: c.phone ?? '（未登记）', email: c.email ?? '（未登记）' })),
  };
}
