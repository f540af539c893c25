import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { NoticeContent } from './domain/notice-content';
import { NoticeError } from './notices.errors';

/** Debian's fonts-noto-cjk: serif for the body as in official documents; the name inside each collection. */
export const CJK_FONTS = {
  regular: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  bold: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', name: 'NotoSerifCJKsc-Bold' },
};
export type CjkFonts = typeof CJK_FONTS;

const RED = '#C00000';
const GAP = '\u3000'; // 全角空格 between the parts of a contact line
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 64, left: 72, right: 72 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;

const MISSING_FONT_MESSAGE =
  '服务器缺少中文字体，无法生成 PDF：请管理员安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）后重试；Word 版（format=docx）不受影响';

/** For /ready's warnings: the PDF notices cannot be made until the font is installed. */
export function fontWarnings(fonts: CjkFonts = CJK_FONTS): string[] {
  return Object.values(fonts).some((f) => !existsSync(f.file)) ? [MISSING_FONT_MESSAGE] : [];
}

/** 503 when the CJK font is not installed: the admin installs a package; the Word version still works. */
export function assertFonts(fonts: CjkFonts = CJK_FONTS): void {
  const missing = Object.values(fonts).filter((f) => !existsSync(f.file));
  if (missing.length) {
    throw new NoticeError('NOTICE_FONT_MISSING', MISSING_FONT_MESSAGE, {
      missing: missing.map((f) => f.file),
      package: 'fonts-noto-cjk',
    });
  }
}

interface Column {
  header: string;
  width: number;
  value: (m: NoticeContent['measures'][number]) => string;
}

/**
 * A PDF document in the CJK fonts (registered as `body` and `bold`) and the promise of its bytes
 * once `doc.end()` is called: what every PDF of the system (notices, circulars, the ledger) starts from.
 */
export function cjkPdf(
  options: {
    size: string | [number, number];
    margins: PDFKit.PDFDocumentOptions['margins'];
    info: PDFKit.DocumentInfo;
  },
  fonts: CjkFonts = CJK_FONTS,
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  assertFonts(fonts);
  const doc = new PDFDocument({ size: options.size, margins: options.margins, info: options.info });
  doc.registerFont('body', fonts.regular.file, fonts.regular.name);
  doc.registerFont('bold', fonts.bold.file, fonts.bold.name);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Draws a 红头: the issuing bureau in red, centred, over a red rule; answers the rule's height. */
export function redHeader(
  doc: PDFKit.PDFDocument,
  issuer: string | null,
  x: number,
  top: number,
  width: number,
): number {
  if (issuer) doc.font('bold').fontSize(24).fillColor(RED).text(issuer, x, top, { width, align: 'center' });
  const rule = doc.y + 6;
  doc
    .moveTo(x, rule)
    .lineTo(x + width, rule)
    .lineWidth(2)
    .strokeColor(RED)
    .stroke();
  doc.fillColor('black');
  return rule;
}

/** The notice as an A4 PDF: 红头, title, number, the listing as a table, contacts and the issuing bureau. */
export async function renderPdf(
  content: NoticeContent,
  urge: boolean,
  at: Date,
  fonts: CjkFonts = CJK_FONTS,
): Promise<Buffer> {
  const { doc, bytes: done } = cjkPdf(
    {
      size: 'A4',
      margins: MARGIN,
      info: { Title: `${content.number} ${content.title}`, Author: content.issuer, CreationDate: at, ModDate: at },
    },
    fonts,
  );
  const x = MARGIN.left;
  const rule = redHeader(doc, content.issuer, x, MARGIN.top, WIDTH);
  doc
    .fillColor('black')
    .font('bold')
    .fontSize(22)
    .text(content.title, x, rule + 18, { width: WIDTH, align: 'center' });
  doc.font('body').fontSize(14).moveDown(0.3).text(content.number, { width: WIDTH, align: 'center' });
  doc.moveDown(0.8).text(`${content.agency}：`, x, doc.y, { width: WIDTH });
  const body = urge
    ? '你单位承担的下列任务已超过办理时限，现予催办。请立即办理，并通过督办系统说明逾期原因、报告进展。'
    : `根据《${content.documentTitle}》${content.docNumber}的任务分工，你单位承担下列任务。请按办理时限抓紧落实，通过督办系统报告进展、提交办结材料。`;
  doc.moveDown(0.3).text(body, { width: WIDTH, indent: 28, lineGap: 4 });

  const columns: Column[] = [
    { header: '序号', width: 36, value: (m) => String(m.seq) },
    { header: '措施', width: WIDTH - 36 - 80 - 104, value: (m) => `${m.measureNumber}${m.measureTitle}` },
    urge
      ? { header: '办理时限', width: 104, value: (m) => m.dueDate }
      : { header: '职责', width: 80, value: (m) => m.role },
    urge
      ? { header: '已逾期', width: 80, value: (m) => m.overdue }
      : { header: '办理时限', width: 104, value: (m) => m.dueDate },
  ];
  doc.moveDown(0.8);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(11);
    const pad = 5;
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i].width - 2 * pad }))) + 2 * pad;
    if (doc.y + height > A4.height - MARGIN.bottom) doc.addPage();
    const top = doc.y;
    let left = x;
    cells.forEach((c, i) => {
      const w = columns[i].width;
      if (bold) doc.rect(left, top, w, height).fillColor('#EEEEEE').fill();
      doc.rect(left, top, w, height).lineWidth(0.6).strokeColor('black').stroke();
      doc.fillColor('black').text(c, left + pad, top + pad, { width: w - 2 * pad, align: bold ? 'center' : 'left' });
      left += w;
    });
    doc.x = x;
    doc.y = top + height;
  };
  row(
    columns.map((c) => c.header),
    true,
  );
  for (const m of content.measures)
    row(
      columns.map((c) => c.value(m)),
      false,
    );

  doc.moveDown(1).font('bold').fontSize(13).text('联系方式', x, doc.y, { width: WIDTH });
  doc.font('body').fontSize(12);
  doc.text(
    `督办单位：${content.coordinator}${content.coordinatorContact ? `${GAP}${content.coordinatorContact}` : ''}`,
    {
      width: WIDTH,
    },
  );
  for (const c of content.contacts)
    doc.text(`本单位联络员：${c.name}${GAP}电话：${c.phone}${GAP}邮箱：${c.email}`, { width: WIDTH });

  if (doc.y + 60 > A4.height - MARGIN.bottom) doc.addPage();
  doc.moveDown(2).fontSize(14).text(content.issuer, x, doc.y, { width: WIDTH, align: 'right' });
  doc.text(content.date, { width: WIDTH, align: 'right' });
  doc.end();
  return await done;
}
