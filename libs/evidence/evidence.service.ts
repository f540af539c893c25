import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { fileNameProblem, fileType, MAX_ATTACHMENT_BYTES } from './domain/file-types';
import { findPersonalData } from './domain/personal-data';
import { EvidenceError, personalDataError } from './evidence.errors';
import { type AttachmentRow, EvidenceRepository } from './evidence.repository';

/** An attachment as the API shows it. */
export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** What a task's event records of an attachment: never the bytes. */
export interface AttachmentRef {
  id: string;
  name: string;
  sha256: string;
}

const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

const view = (a: AttachmentRow): AttachmentView => ({
  id: a.id,
  name: a.name,
  size: a.size,
  contentType: a.contentType,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  uploadedAt: a.uploadedAt.toISOString(),
});

/**
 * Evidence of outcomes attached to tasks. Contents are stored once by SHA-256 however often they
 * are uploaded; the caller (the tasks context) has checked that the task may take them.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly audit: AuditService,
  ) {}

  async store(
    task: { id: string; documentId: string },
    file: { name: string; bytes: Buffer },
    uploadedBy: string,
  ): Promise<AttachmentView> {
    const name = file.name.trim();
    const problem = fileNameProblem(name);
    if (problem) throw new EvidenceError('INVALID_FILE_NAME', problem);
    const personal = findPersonalData(name);
    if (personal) throw personalDataError('文件名', personal, 'file.name');
    if (file.bytes.length === 0) throw new EvidenceError('EMPTY_FILE', '文件为空');
    // multer stops at the limit already; this holds for any other caller.
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new EvidenceError('FILE_TOO_LARGE', `单个附件不能超过 ${MB} MB`, { maxBytes: MAX_ATTACHMENT_BYTES });
    }
    const type = fileType(name, file.bytes);
    if (!type.ok) {
      throw new EvidenceError(
        'UNSUPPORTED_FILE_TYPE',
        type.reason === 'extension'
          ? `不支持的文件类型「${type.extension ? `.${type.extension}` : '无扩展名'}」：可上传 PDF、OFD、Word、Excel、WPS、JPG、PNG 或 ZIP`
          : `文件内容与扩展名 .${type.extension} 不符`,
        { extension: type.extension, reason: type.reason },
      );
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    return this.db.transaction(async (tx) => {
      const stored = await this.evidence.hasBlob(sha256, tx);
      if (!stored) await this.evidence.insertBlob(sha256, file.bytes, tx);
      const { row, created } = await this.evidence.insertAttachment(
        { taskId: task.id, sha256, name, contentType: type.contentType, size: file.bytes.length, uploadedBy },
        tx,
      );
      await this.audit.record(tx, {
        action: 'attachment.upload',
        targetType: 'attachment',
        targetId: row.id,
        taskId: task.id,
        documentId: task.documentId,
        after: { name, size: row.size, sha256, contentType: row.contentType, created, contentStoredBefore: stored },
      });
      return view(row);
    });
  }

  async list(taskId: string): Promise<AttachmentView[]> {
    return (await this.evidence.ofTask(taskId)).map(view);
  }

  async download(taskId: string, attachmentId: string): Promise<AttachmentView & { bytes: Buffer }> {
    const row = await this.evidence.withBytes(taskId, attachmentId);
    if (!row) throw new EvidenceError('ATTACHMENT_NOT_FOUND', `找不到附件 ${attachmentId}`);
    return { ...view(row), bytes: row.bytes };
  }

  /** The attachments `ids` name, each of which must be one of the task's, in the order given. */
  async refs(taskId: string, ids: string[]): Promise<AttachmentRef[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await this.evidence.someOfTask(taskId, unique)).map((a) => [a.id, a]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new EvidenceError(
        'ATTACHMENT_NOT_OF_TASK',
        `附件不属于本任务或不存在：${missing.join('、')}，请先上传到本任务`,
        {
          attachmentIds: missing,
        },
      );
    }
    return unique.map((id) => {
      const { name, sha256 } = found.get(id)!;
      return { id, name, sha256 };
    });
  }
}
