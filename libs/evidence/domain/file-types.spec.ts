import { fileNameProblem, fileType } from './file-types';

const bytes = (...b: number[]) => Uint8Array.from([...b, 0x00, 0x01]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const OLE2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

describe('fileType', () => {
  it.each([
    ['方案.pdf', PDF, 'application/pdf'],
    ['方案.PDF', PDF, 'application/pdf'],
    ['电子公文.ofd', ZIP, 'application/ofd'],
    ['总结.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['台账.xls', OLE2, 'application/vnd.ms-excel'],
    ['报告.wps', OLE2, 'application/wps-office.wps'],
    ['报告.wps', ZIP, 'application/wps-office.wps'],
    ['扫描件.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['扫描件.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['材料.zip', bytes(0x50, 0x4b, 0x05, 0x06), 'application/zip'],
  ])('accepts %s by extension and first bytes', (name, content, contentType) => {
    expect(fileType(name, content)).toEqual({ ok: true, contentType });
  });

  it.each([
    ['程序.exe', bytes(0x4d, 0x5a), 'extension', 'exe'],
    ['没有扩展名', PDF, 'extension', ''],
    ['.pdf', PDF, 'extension', ''],
    ['constructor', PDF, 'extension', ''],
    ['a.constructor', PDF, 'extension', 'constructor'],
    ['网页.pdf', Uint8Array.from(Buffer.from('<html>')), 'content', 'pdf'],
    ['改名.docx', PDF, 'content', 'docx'],
    ['空.pdf', new Uint8Array(0), 'content', 'pdf'],
  ])('refuses %s', (name, content, reason, extension) => {
    expect(fileType(name, content)).toEqual({ ok: false, reason, extension });
  });
});

describe('fileNameProblem', () => {
  it('keeps ordinary Chinese names', () => {
    expect(fileNameProblem('2026年困境儿童关爱工作总结（定稿）.pdf')).toBeNull();
  });
  it.each([
    ['empty', '  '],
    ['too long', `${'字'.repeat(201)}.pdf`],
    ['a NUL', 'a\u0000.pdf'],
    ['a line break', 'a\nb.pdf'],
    ['a lone surrogate', 'a\ud800.pdf'],
  ])('refuses a name with %s', (_what, name) => {
    expect(fileNameProblem(name)).not.toBeNull();
  });
});
