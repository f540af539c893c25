import { readFileSync } from 'node:fs';
import { checkText } from '../../../libs/policy';

/** Reads a UTF-8 text file, refusing binary and non-UTF-8 input with a one-line reason. */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `文件不存在：${file}` : `无法读取 ${file}：${code ?? String(err)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} 不是 UTF-8 编码的文本`);
  }
  text = text.replace(/^\uFEFF/, '');
  const problem = checkText(text);
  // An empty document still parses (to no measures); binary content does not.
  if (problem && problem.code !== 'EMPTY_DOCUMENT') throw new Error(`${file}：${problem.message}`);
  return text;
}
