import PizZip from 'pizzip';
import { defaultTemplate } from './default-templates';
import { renderDocx, validateTemplate } from './docx-render';
import { noticeContent, type NoticeFacts } from './domain/notice-content';
import { CJK_FONTS, fontWarnings, renderPdf } from './pdf-render';
import { NoticeError } from './notices.errors';

const facts: NoticeFacts = {
  kind: 'supervision',
  number: '督〔2026〕2号',
  day: '2026-12-01',
  agency: '市教委',
  documentTitle: '关于加强测试工作的实施方案',
  docNumber: null,
  issuer: '天津市民政局',
  coordinator: null,
  coordinatorContact: { name: '王协调', phone: '022-12345678', email: 'wang@example.cn' },
  items: [
    { measureNumber: '（一）', measureTitle: '建立协同机制', role: 'lead', dueDate: '2026-12-31' },
    { measureNumber: '（三）', measureTitle: '加强部门联动', role: 'cooperating', dueDate: '2027-01-15' },
  ],
  liaisons: [{ name: '李联络', phone: '13800000000', email: null }],
};
const at = new Date('2026-12-01T01:00:00Z');
const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');
const expectRefusal = (fn: () => void, message: RegExp) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(NoticeError);
    expect((err as NoticeError).code).toBe('INVALID_NOTICE_TEMPLATE');
    expect((err as NoticeError).message).toMatch(message);
    return;
  }
  throw new Error('the template was accepted');
};

describe('rendering notices', () => {
  it('fills the default Word template, one table row per measure', () => {
    const template = defaultTemplate('supervision').content;
    validateTemplate(template);
    const text = textOf(renderDocx(template, noticeContent(facts), at));
    for (const s of [
      '督办通知单',
      '督〔2026〕2号',
      '市教委：',
      '（一）建立协同机制',
      '牵头',
      '2026年12月31日',
      '配合',
      '2027年1月15日',
      '王协调',
      '李联络',
      '2026年12月1日',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('undefined');
  });

  it('gives the same bytes whenever the same notice is made', () => {
    const template = defaultTemplate('urge').content;
    const content = noticeContent({ ...facts, kind: 'urge', number: '催〔2026〕1号' });
    expect(renderDocx(template, content, at).equals(renderDocx(template, content, at))).toBe(true);
  });

  it('refuses a template that is not a .docx, does not compile, or lacks a required placeholder', () => {
    expectRefusal(() => validateTemplate(Buffer.from('not a zip')), /不是有效的 \.docx/);
    const zip = (xml: string) => {
      const z = new PizZip(defaultTemplate('urge').content);
      z.file(
        'word/document.xml',
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${xml}</w:t></w:r></w:p></w:body></w:document>`,
      );
      return z.generate({ type: 'nodebuffer' });
    };
    expectRefusal(() => validateTemplate(zip('{number {agency}')), /占位符无法解析/);
    expectRefusal(() => validateTemplate(zip('{number}{agency}')), /缺少必需的占位符：\{#measures\}/);
    expectRefusal(() => validateTemplate(zip('{number}{agency}{measures}')), /须为循环/);
    validateTemplate(zip('{number}{agency}{#measures}{measureTitle}{/measures}'));
  });

  // Reading the text back (pdftotext) is the e2e test's part: this tier needs nothing but Node.
  it('writes an A4 PDF with the Noto CJK serif embedded', async () => {
    const pdf = await renderPdf(noticeContent(facts), false, at);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Bold/);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('answers 503 NOTICE_FONT_MISSING, naming the package, when the font is not installed', async () => {
    const missing = { ...CJK_FONTS, regular: { ...CJK_FONTS.regular, file: '/nonexistent/NotoSerifCJK-Regular.ttc' } };
    await expect(renderPdf(noticeContent(facts), false, at, missing)).rejects.toMatchObject({
      code: 'NOTICE_FONT_MISSING',
      message: expect.stringContaining('fonts-noto-cjk') as unknown,
    });
    expect(fontWarnings(missing)).toEqual([expect.stringContaining('apt-get install fonts-noto-cjk')]);
    expect(fontWarnings()).toEqual([]);
  });
});
