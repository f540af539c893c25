import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('sends a Chinese name as RFC 5987 filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('工作总结.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93.pdf`,
    );
  });

  it('escapes what would end or confuse the header', () => {
    expect(attachmentDisposition(`a"b\\c%d'(1)*.pdf`)).toBe(
      `attachment; filename="a_b_c_d'(1)*.pdf"; filename*=UTF-8''a%22b%5Cc%25d%27%281%29%2A.pdf`,
    );
  });

  it('round-trips any well-formed name through decodeURIComponent', () => {
    const name = '（定稿）2026年 困境儿童.docx';
    const encoded = attachmentDisposition(name).split("UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
