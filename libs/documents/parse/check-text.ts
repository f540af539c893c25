/** Why a text cannot be imported, or null when it can. Pure: shared by the API and the CLI. */
export type TextProblem = { code: 'EMPTY_DOCUMENT' | 'NOT_TEXT' | 'TEXT_TOO_LONG'; message: string };

export const MAX_TEXT_CHARS = 1_000_000;

// NUL and the C0 controls other than tab, newline, carriage return and form feed mark binary data.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BINARY = /[\u0000-\u0008\u000E-\u001F]/;

export function checkText(text: string): TextProblem | null {
  if (text.trim() === '') return { code: 'EMPTY_DOCUMENT', message: '文件内容为空' };
  if (BINARY.test(text)) return { code: 'NOT_TEXT', message: '内容含有二进制控制字符，不是文本文件' };
  if (text.length > MAX_TEXT_CHARS) {
    return { code: 'TEXT_TOO_LONG', message: `文件超过 ${MAX_TEXT_CHARS} 个字符的上限` };
  }
  return null;
}
