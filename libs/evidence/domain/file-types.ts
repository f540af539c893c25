/**
 * What evidence of outcomes may be uploaded: documents, scans and archives of them. A file is
 * accepted by its extension and only if its first bytes are those of that kind of file, so a
 * renamed executable or a page of HTML is refused. The check is cheap, not a parser: a damaged
 * PDF with a valid header passes.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_NAME_LENGTH = 200;

type Magic = 'pdf' | 'zip' | 'ole2' | 'jpeg' | 'png';

const MAGIC: Record<Magic, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  // Also the empty archive (PK 05 06); OFD, docx, xlsx and newer WPS files are ZIP containers.
  zip: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
  ole2: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // doc, xls, older WPS
  jpeg: [[0xff, 0xd8, 0xff]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
};

interface FileType {
  contentType: string;
  magic: Magic[];
}

export const FILE_TYPES: Readonly<Record<string, FileType>> = {
  pdf: { contentType: 'application/pdf', magic: ['pdf'] },
  ofd: { contentType: 'application/ofd', magic: ['zip'] },
  doc: { contentType: 'application/msword', magic: ['ole2'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ['zip'] },
  xls: { contentType: 'application/vnd.ms-excel', magic: ['ole2'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ['zip'] },
  wps: { contentType: 'application/wps-office.wps', magic: ['ole2', 'zip'] },
  et: { contentType: 'application/wps-office.et', magic: ['ole2', 'zip'] },
  jpg: { contentType: 'image/jpeg', magic: ['jpeg'] },
  jpeg: { contentType: 'image/jpeg', magic: ['jpeg'] },
  png: { contentType: 'image/png', magic: ['png'] },
  zip: { contentType: 'application/zip', magic: ['zip'] },
};

/** Every content type an attachment can be served with. */
export const CONTENT_TYPES = [...new Set(Object.values(FILE_TYPES).map((t) => t.contentType))];

export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES);

export type FileTypeAnswer =
  { ok: true; contentType: string } | { ok: false; reason: 'extension' | 'content'; extension: string };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The content type of a file named `name` with these bytes, or why it is refused. */
export function fileType(name: string, bytes: Uint8Array): FileTypeAnswer {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const type = Object.hasOwn(FILE_TYPES, extension) ? FILE_TYPES[extension] : undefined;
  if (!type) return { ok: false, reason: 'extension', extension };
  const matches = type.magic.some((m) => MAGIC[m].some((prefix) => startsWith(bytes, prefix)));
  return matches ? { ok: true, contentType: type.contentType } : { ok: false, reason: 'content', extension };
}

/** Why a file name cannot be kept, or null: names are shown and sent back in headers. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return '文件名不能为空';
  if ([...name].length > MAX_NAME_LENGTH) return `文件名不能超过 ${MAX_NAME_LENGTH} 个字符`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return '文件名不能含有控制字符';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)) {
    return '文件名含有无效字符';
  }
  return null;
}
