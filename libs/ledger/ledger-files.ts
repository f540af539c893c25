import { stringify } from 'csv-stringify';
import { type Borders, type Fill, type PaperSize, Workbook } from 'exceljs';
import type { Colour } from '../clock/domain/clock-reading';
import type { LedgerSheet } from './domain/ledger-sheet';

/** The fills of the lights, as Excel's own good/neutral/bad styles colour them (ARGB). */
export const COLOUR_FILLS: Record<Colour, string> = {
  green: 'FFC6EFCE',
  yellow: 'FFFFEB9C',
  red: 'FFFFC7CE',
  grey: 'FFD9D9D9',
};

// OOXML paper size 8 is A3 (exceljs's PaperSize enum lists only some sizes).
const A3 = 8 as PaperSize;
const HEADER_ROW = 2;
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/**
 * The ledger as an .xlsx workbook: a merged title row, a frozen and filterable header row,
 * wrapped text, merged measure cells, the lights filled in their colours, and an A3 landscape
 * print setup that repeats the title and header rows on every page.
 */
export async function ledgerXlsx(sheet: LedgerSheet): Promise<Buffer> {
  const book = new Workbook();
  book.creator = '督办 Duban';
  const ws = book.addWorksheet('任务落实台账', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: A3,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `1:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const width = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const header = ws.getRow(HEADER_ROW);
  header.values = sheet.columns.map((c) => c.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = solid('FFDDEBF7');
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.values = r.cells;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
    }
    row.getCell(sheet.colourColumn + 1).fill = solid(COLOUR_FILLS[r.colour]);
    row.getCell(sheet.colourColumn + 1).alignment = { horizontal: 'center', vertical: 'middle' };
  });
  for (const span of sheet.measureSpans) {
    for (const c of sheet.mergedColumns) {
      ws.mergeCells(HEADER_ROW + 1 + span.from, c + 1, HEADER_ROW + 1 + span.to, c + 1);
    }
  }
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(sheet.rows.length, 1), column: width },
  };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The ledger as CSV: UTF-8 with a byte-order mark (so Excel and WPS read the Chinese right), CRLF
 * line ends, the header row then one row per task. CSV has no merged cells: every row repeats its
 * measure, and the title travels in the file name.
 */
export function ledgerCsv(sheet: LedgerSheet): Promise<Buffer> {
  const records = [sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => r.cells)];
  return new Promise((resolve, reject) => {
    stringify(records, { bom: true, record_delimiter: 'windows', quoted_match: /\n/ }, (err, out) =>
      err ? reject(err) : resolve(Buffer.from(out, 'utf8')),
    );
  });
}
