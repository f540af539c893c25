/** The two numbered notices (issue 12): 督办通知单 at launch, 催办通知书 on a day the 催办 rung fired. */
export const NOTICE_KINDS = ['supervision', 'urge'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Record<NoticeKind, string> = { supervision: '督办通知单', urge: '催办通知书' };

/** The Word templates an admin may replace: the two notices' and the 情况通报's. */
export const TEMPLATE_KINDS = [...NOTICE_KINDS, 'circular'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_TITLES: Record<TemplateKind, string> = { ...NOTICE_TITLES, circular: '情况通报' };
const PREFIXES: Record<NoticeKind, string> = { supervision: '督', urge: '催' };

/**
 * A notice's number, 督〔2026〕3号: the kind's prefix, the year of issue in 六角括号 〔〕 (as in
 * 公文 document numbers, GB/T 9704) and the sequence without padding, counted per document, kind and year.
 */
export function formatNoticeNumber(kind: NoticeKind, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`notice sequence must be a positive integer: ${seq}`);
  return `${PREFIXES[kind]}〔${year}〕${seq}号`;
}

export type NoticeFormat = 'docx' | 'pdf';

/** The download's file name: 督〔2026〕3号 督办通知单（市民政局）.docx. */
export function noticeFileName(kind: NoticeKind, number: string, agency: string, format: NoticeFormat): string {
  return `${number} ${NOTICE_TITLES[kind]}（${agency}）.${format}`;
}
