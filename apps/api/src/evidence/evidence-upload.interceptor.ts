import { type CallHandler, type ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { EvidenceError, MAX_ATTACHMENT_BYTES } from '../../../../libs/evidence';

/** What multer's memory storage hands the route; typed here, as @types/multer is not a dependency. */
export interface UploadedPart {
  originalname: string;
  buffer: Buffer;
  size: number;
}

// One part only, the file; no other fields. Names in UTF-8, as browsers send them.
const Multipart = FileInterceptor('file', {
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 1 },
  defParamCharset: 'utf8',
});

/**
 * The multipart upload of one evidence file. Whatever multer or busboy refuses while reading the
 * body (too large, malformed, extra parts) is the client's doing: a coded 4xx, never a 500. Only
 * the parsing is covered: errors of the route itself pass through unchanged.
 */
@Injectable()
export class EvidenceUploadInterceptor extends Multipart {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (err) {
      if (err instanceof HttpException && err.getStatus() === 413) {
        throw new EvidenceError('FILE_TOO_LARGE', `单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, {
          maxBytes: MAX_ATTACHMENT_BYTES,
        });
      }
      const why = err instanceof Error ? err.message : String(err);
      throw new EvidenceError(
        'MALFORMED_UPLOAD',
        `上传内容无法解析（须为 multipart/form-data，仅一个文件字段 file）：${why}`,
      );
    }
  }
}
