import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { RequestError } from '../errors/api-error.filter';

/** The first path in a value (body, query, parameter) whose string holds a NUL character. */
export function nulPath(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at || '(值)' : null;
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, at ? `${at}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store the NUL character in text or JSON. On the bodies of task actions (the
 * workflow writes them as events, and a refused write would be retried for ever) a NUL is refused
 * here, before the update reaches the workflow. The importer refuses it itself (NOT_TEXT).
 */
export const noNulPipe: PipeTransform = {
  transform(value: unknown) {
    refuseNul(value);
    return value;
  },
};

function refuseNul(value: unknown): void {
  const path = nulPath(value);
  if (path) {
    throw new RequestError('VALIDATION_FAILED', `请求参数有误：${path} 含有空字符（\\u0000），无法保存`, {
      problems: [`${path} 含有空字符`],
    });
  }
}

/**
 * The same for every query string, path parameter and body of every route (the fuzzer found a NUL
 * in a search term and in an agency's aliases answered with a 500: PostgreSQL refused the text).
 * A body's `text` is the importer's: it refuses a NUL there with a code of its own (NOT_TEXT).
 */
export const noNulAnywherePipe: PipeTransform = {
  transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'query' || metadata.type === 'param') refuseNul(value);
    if (metadata.type === 'body' && value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      refuseNul(Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'text')));
    }
    return value;
  },
};
