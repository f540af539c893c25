import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { checkText } from '../../../libs/documents';

/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a UTF-8 text file, refusing missing, oversized, binary and non-UTF-8 input with a one-line reason. */
export function readTextFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new Error(openProblem(file, err));
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new Error(`${file} 是目录，不是文件`);
    if (!stat.isFile()) throw new Error(`${file} 不是普通文件`);
    if (stat.size > MAX_FILE_BYTES) {
      throw new Error(`${file} 大小为 ${mb(stat.size)}，超过 ${mb(MAX_FILE_BYTES)} 的上限，未读取`);
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} 不是 UTF-8 编码的文本（GBK 等编码请先转换为 UTF-8）`);
  }
  text = text.replace(/^\uFEFF/, '');
  const problem = checkText(text);
  // An empty document still parses (to no measures); binary content does not.
  if (problem && problem.code !== 'EMPTY_DOCUMENT') throw new Error(`${file}：${problem.message}`);
  return text;
}

function openProblem(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `文件不存在：${file}`;
  if (code === 'EACCES' || code === 'EPERM') return `没有读取权限：${file}`;
  return `无法读取 ${file}：${code ?? String(err)}`;
}
