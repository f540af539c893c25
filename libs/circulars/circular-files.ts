import { CJK_FONTS, type CjkFonts, cjkPdf, redHeader, renderDocx } from '../notices';
import type { CircularContent } from './domain/circular-content';

/** The circular as Word from the 情况通报 template in use, dated `at` throughout (the same bytes whenever made). */
export function circularDocx(template: Buffer, content: CircularContent, at: Date): Buffer {
  return renderDocx(template, content, at);
}

const GREEN = '#2E7D32';
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 64, left: 72, right: 72 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;

/**
 * The circular as an A4 PDF: 红头, title, the five sections, and a chart of completion by agency
 * and by measure (bars of done over all, in the order of the figures: never ranked).
 */
export async function circularPdf(content: CircularContent, at: Date, fonts: CjkFonts = CJK_FONTS): Promise<Buffer> {
  const { doc, bytes: done } = cjkPdf(
    {
      size: 'A4',
      margins: MARGIN,
      info: { Title: content.title, Author: content.issuer, CreationDate: at, ModDate: at },
    },
    fonts,
  );
  const x = MARGIN.left;
  const room = (height: number) => {
    if (doc.y + height > A4.height - MARGIN.bottom) doc.addPage();
  };
  const rule = redHeader(doc, content.issuer, x, MARGIN.top, WIDTH);
  doc
    .fillColor('black')
    .font('bold')
    .fontSize(20)
    .text(content.title, x, rule + 18, { width: WIDTH, align: 'center' });
  doc.font('body').fontSize(13).moveDown(0.3).text(`（${content.periodText}）`, { width: WIDTH, align: 'center' });

  const section = (heading: string, lines: string[]) => {
    room(60);
    doc.moveDown(0.8).font('bold').fontSize(14).text(heading, x, doc.y, { width: WIDTH });
    doc.font('body').fontSize(12);
    for (const line of lines.length ? lines : ['无。']) doc.text(line, { width: WIDTH, indent: 24, lineGap: 3 });
  };
  section('一、总体情况', [content.summary]);
  section(
    '二、进展滞后',
    content.lagging.map((l) => `${l.agency}：${l.measure}${l.overdueText}。`),
  );
  section(
    '三、本期办结',
    content.completed.map((c) => `${c.agency}：${c.measure}（${c.day}）。`),
  );
  section(
    '四、领导批示',
    content.instructions.map((i) => `${i.day}，${i.actor}：${i.text}（${i.measure}）。`),
  );

  const chart = (heading: string, rows: { label: string; total: number; done: number; percent: string }[]) => {
    room(60);
    doc.moveDown(0.8).font('bold').fontSize(14).text(heading, x, doc.y, { width: WIDTH });
    doc.font('body').fontSize(10);
    const labelWidth = 170;
    const barWidth = WIDTH - labelWidth - 70;
    for (const r of rows) {
      room(18);
      const top = doc.y + 3;
      doc
        .fillColor('black')
        .text(r.label, x, top, { width: labelWidth - 6, height: 14, ellipsis: true, lineBreak: false });
      doc
        .rect(x + labelWidth, top, barWidth, 10)
        .fillColor('#E0E0E0')
        .fill();
      if (r.total > 0)
        doc
          .rect(x + labelWidth, top, (barWidth * r.done) / r.total, 10)
          .fillColor(GREEN)
          .fill();
      doc
        .fillColor('black')
        .text(`${r.done}/${r.total} ${r.percent}`, x + labelWidth + barWidth + 6, top, { width: 64, lineBreak: false });
      doc.x = x;
      doc.y = top + 15;
    }
  };
  chart(
    '五、各单位完成情况',
    content.byAgency.map((a) => ({ label: a.agency, ...a })),
  );
  chart(
    '六、各项措施完成情况',
    content.byMeasure.map((m) => ({ label: m.measure, ...m })),
  );

  room(80);
  doc.moveDown(1).font('body').fontSize(12).text(`附件：${content.ledgerName}`, x, doc.y, { width: WIDTH });
  doc.moveDown(1.5).fontSize(14).text(content.issuer, x, doc.y, { width: WIDTH, align: 'right' });
  doc.text(content.date, { width: WIDTH, align: 'right' });
  doc.end();
  return done;
}
