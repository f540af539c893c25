import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { REQUIRED_PLACEHOLDERS } from './domain/notice-content';
import type { TemplateKind } from './domain/notice-number';
import { NoticeError } from './notices.errors';

// Refusals are answered to the admin as 422; docxtemplater need not also log them.
const OPTIONS = { paragraphLoop: true, linebreaks: true, nullGetter: () => '', errorLogging: false };

function open(template: Buffer): PizZip {
  try {
    return new PizZip(template);
  } catch {
    throw new NoticeError(
      'INVALID_NOTICE_TEMPLATE',
      '模板不是有效的 .docx 文件（无法按 Word 文档读取），请上传 Word 2007 及以上格式的 .docx',
    );
  }
}

interface TemplateErrorLike {
  properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string };
}

/** The template's placeholders (loops with their fields), or 422 with what docxtemplater could not read. */
export function inspectTemplate(template: Buffer): Record<string, unknown> {
  const zip = open(template);
  if (!zip.file('word/document.xml')) {
    throw new NoticeError(
      'INVALID_NOTICE_TEMPLATE',
      '模板不是 Word 文档：缺少 word/document.xml（请上传 .docx，不是 .doc、.wps 或其他压缩包）',
    );
  }
  const inspect = new InspectModule();
  try {
    new Docxtemplater(zip, { ...OPTIONS, modules: [inspect] });
  } catch (err) {
    const e = err as TemplateErrorLike;
    const why = (e.properties?.errors ?? [e]).map((x) => x.properties?.explanation).filter(Boolean);
    throw new NoticeError('INVALID_NOTICE_TEMPLATE', `模板中的占位符无法解析：${why.join('；') || String(err)}`, {
      problems: why,
    });
  }
  return inspect.getAllTags();
}

// The 情况通报's template must say what the circular says; its lists are optional.
const CIRCULAR_PLACEHOLDERS = ['title', 'summary'] as const;

/** Checks an uploaded template: a .docx docxtemplater compiles, holding every required placeholder. */
export function validateTemplate(template: Buffer, kind: TemplateKind = 'supervision'): void {
  const tags = inspectTemplate(template);
  if (kind === 'circular') {
    const absent = CIRCULAR_PLACEHOLDERS.filter((name) => !(name in tags));
    if (absent.length) {
      throw new NoticeError(
        'INVALID_NOTICE_TEMPLATE',
        `模板缺少必需的占位符：${absent.map((m) => `{${m}}`).join('、')}`,
        {
          missing: absent,
        },
      );
    }
    return;
  }
  const missing = REQUIRED_PLACEHOLDERS.filter((name) => !(name in tags));
  const measures = tags.measures as Record<string, unknown> | undefined;
  if (missing.length) {
    throw new NoticeError(
      'INVALID_NOTICE_TEMPLATE',
      `模板缺少必需的占位符：${missing.map((m) => (m === 'measures' ? '{#measures}…{/measures}' : `{${m}}`)).join('、')}`,
      { missing },
    );
  }
  if (!measures || Object.keys(measures).length === 0) {
    throw new NoticeError(
      'INVALID_NOTICE_TEMPLATE',
      '模板中的 {#measures}…{/measures} 须为循环，并至少含 {measureTitle}、{dueDate} 等字段',
      { missing: ['measures'] },
    );
  }
}

/** A document as Word (a notice, a circular): the template filled in; every zip entry dated `at`, so the bytes do not depend on when. */
export function renderDocx(template: Buffer, content: object, at: Date): Buffer {
  const doc = new Docxtemplater(open(template), OPTIONS);
  doc.render(content);
  const zip = doc.getZip();
  for (const file of Object.values(zip.files)) file.date = at;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
