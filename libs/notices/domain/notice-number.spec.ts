import { formatNoticeNumber, noticeFileName } from './notice-number';

describe('notice numbers', () => {
  it('writes prefix, year in 六角括号 and the sequence', () => {
    expect(formatNoticeNumber('supervision', 2026, 3)).toBe('督〔2026〕3号');
    expect(formatNoticeNumber('urge', 2027, 12)).toBe('催〔2027〕12号');
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatNoticeNumber('urge', 2026, 0)).toThrow(RangeError);
    expect(() => formatNoticeNumber('urge', 2026, 1.5)).toThrow(RangeError);
  });

  it('names the file after number, kind and agency', () => {
    expect(noticeFileName('supervision', '督〔2026〕1号', '市民政局', 'pdf')).toBe(
      '督〔2026〕1号 督办通知单（市民政局）.pdf',
    );
  });
});
