import { CJK_FONTS, type CjkFonts, cjkPdf } from '../notices';
import type { LedgerSheet } from './domain/ledger-sheet';

// A3 landscape, as the xlsx prints; the light cells in the xlsx's fills.
const A3 = { width: 1190.55, height: 841.89 };
const MARGIN = 28;
const FILLS = { green: '#C6EFCE', yellow: '#FFEB9C', red: '#FFC7CE', grey: '#D9D9D9' } as const;
const PAD = 3;

/**
 * The ledger as a PDF for print: A3 landscape, the title on every page, the header row repeated,
 * columns in the sheet's proportions, the measure's cells written once per measure, the light
 * filled in its colour. Dated `at`, so the same sheet gives the same words.
 */
export async function ledgerPdf(sheet: LedgerSheet, at: Date, fonts: CjkFonts = CJK_FONTS): Promise<Buffer> {
  const { doc, bytes: done } = cjkPdf(
    {
      size: [A3.width, A3.height],
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: { Title: sheet.title, CreationDate: at, ModDate: at },
    },
    fonts,
  );

  const usable = A3.width - 2 * MARGIN;
  const units = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = sheet.columns.map((c) => (usable * c.width) / units);
  const firstRowOf = new Set(sheet.measureSpans.map((s) => s.from));
  const inSpan = new Set(
    sheet.measureSpans.flatMap((s) => Array.from({ length: s.to - s.from }, (_, i) => s.from + i + 1)),
  );
  const merged = new Set(sheet.mergedColumns);

  const heightOf = (cells: string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(7);
    return Math.max(12, ...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * PAD }) + 2 * PAD));
  };
  const drawRow = (
    cells: string[],
    top: number,
    height: number,
    font: 'body' | 'bold',
    fill?: (i: number) => string | null,
  ) => {
    let left = MARGIN;
    cells.forEach((text, i) => {
      const colour = fill?.(i);
      if (colour) doc.rect(left, top, widths[i], height).fillColor(colour).fill();
      doc.rect(left, top, widths[i], height).lineWidth(0.4).strokeColor('#555555').stroke();
      doc
        .font(font)
        .fontSize(7)
        .fillColor('black')
        .text(text, left + PAD, top + PAD, { width: widths[i] - 2 * PAD });
      left += widths[i];
    });
  };
  const header = sheet.columns.map((c) => c.header);
  const pageTop = () => {
    doc
      .font('bold')
      .fontSize(14)
      .fillColor('black')
      .text(sheet.title, MARGIN, MARGIN, { width: usable, align: 'center' });
    const top = doc.y + 6;
    const h = heightOf(header, 'bold');
    drawRow(header, top, h, 'bold', () => '#EEEEEE');
    return top + h;
  };

  let y = pageTop();
  sheet.rows.forEach((row, index) => {
    // The measure's cells once per measure (the xlsx merges them); a new page repeats them.
    const cells = row.cells.map((c, i) => (merged.has(i) && inSpan.has(index) && !firstRowOf.has(index) ? '' : c));
    const height = heightOf(cells, 'body');
    if (y + height > A3.height - MARGIN) {
      doc.addPage();
      y = pageTop();
      cells.splice(0, cells.length, ...row.cells);
    }
    drawRow(cells, y, height, 'body', (i) => (i === sheet.colourColumn ? FILLS[row.colour] : null));
    y += height;
  });
  doc.end();
  return done;
}
