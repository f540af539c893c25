import { Workbook } from 'exceljs';
import type { ClockReading } from '../clock/domain/clock-reading';
import { type LedgerTask, ledgerSheet } from './domain/ledger-sheet';
import { taskAsOf } from './domain/task-as-of';
import { COLOUR_FILLS, ledgerCsv, ledgerXlsx } from './ledger-files';

const reading = (colour: ClockReading['colour']): ClockReading => ({
  colour,
  rule: null,
  workingDaysLeft: 3,
  overdue: false,
  calendarGapYear: null,
  explanation: '截止 2026-12-04，还有 3 个工作日',
});
const base = taskAsOf([], '2026-12-01');
const task = (taskId: string, measureId: string, agency: string, colour: ClockReading['colour']): LedgerTask => ({
  taskId,
  measureId,
  measureSeq: measureId === 'm1' ? 1 : 2,
  measureNumber: measureId === 'm1' ? '（一）' : '（二）',
  measureTitle: measureId === 'm1' ? '健全工作机制' : '加强资金保障',
  agencyId: agency,
  agency,
  role: 'shared',
  asOf: {
    ...base,
    state: 'in_progress',
    issuedOn: '2026-11-16',
    dueDate: '2026-12-04',
    role: 'shared',
    reports: [{ day: '2026-11-20', kind: 'progress', text: '第一行\n第二行，含"引号"', attachments: [] }],
  },
  reading: reading(colour),
});
const sheet = ledgerSheet({
  documentTitle: '测试文件',
  asOf: '2026-12-01',
  tasks: [
    task('a', 'm1', '市民政局', 'green'),
    task('b', 'm1', '市教委', 'yellow'),
    task('c', 'm2', '市财政局', 'red'),
  ],
  filter: {},
});

describe('ledgerXlsx', () => {
  it('writes a workbook exceljs reads back: title, headers, merges, fills, frozen header, filter, A3 print', async () => {
    const book = new Workbook();
    // exceljs types its Buffer as an ArrayBuffer of its own.
    await book.xlsx.load((await ledgerXlsx(sheet)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('任务落实台账')!;
    expect(ws.getCell('A1').value).toBe('《测试文件》任务落实台账（截至 2026年12月1日）');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect((ws.getRow(2).values as string[]).slice(1)).toEqual(sheet.columns.map((c) => c.header));
    expect(ws.getCell('E3').value).toBe('市民政局');
    expect(ws.getCell('C3').value).toBe('健全工作机制');
    // 措施编号 and 措施 merge over the two rows of （一）; （二） stands alone.
    expect(ws.getCell('C4').isMerged).toBe(true);
    expect(ws.getCell('C4').master.address).toBe('C3');
    expect(ws.getCell('B4').master.address).toBe('B3');
    expect(ws.getCell('C5').isMerged).toBe(false);
    const fill = (addr: string) => (ws.getCell(addr).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect([fill('J3'), fill('J4'), fill('J5')]).toEqual([COLOUR_FILLS.green, COLOUR_FILLS.yellow, COLOUR_FILLS.red]);
    expect(ws.getCell('J5').value).toBe('红灯');
    expect(ws.getCell('N3').value).toBe('2026-11-20 进展：第一行\n第二行，含"引号"');
    expect(ws.getCell('N3').alignment.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', printTitlesRow: '1:2' });
  });
});

describe('ledgerCsv', () => {
  it('is UTF-8 with a BOM and CRLF, header then one row per task, multi-line cells quoted', async () => {
    const bytes = await ledgerCsv(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('序号,措施编号,措施,分工,责任单位,下发日期,办理时限,剩余/逾期工作日,状态,灯色,')).toBe(true);
    expect(text).toContain('\r\n1,（一）,健全工作机制,共同负责,市民政局,2026-11-16,2026-12-04,');
    expect(text).toContain('"2026-11-20 进展：第一行\n第二行，含""引号"""');
    expect(text).toContain('\r\n2,（一）,健全工作机制,共同负责,市教委,');
    expect(text.endsWith('\r\n')).toBe(true);
  });
});
