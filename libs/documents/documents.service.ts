import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PolicyDocument } from './entities/policy-document.entity';
import { DocumentError } from './documents.errors';

export interface DocumentSummary {
  id: string;
  title: string | null;
  status: string;
  dueDate: string | null;
  measureCount: number;
  createdAt: string;
}

/** Reads of stored documents; creating them is the ImportService's job. */
@Injectable()
export class DocumentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async getDocument(id: string): Promise<PolicyDocument> {
    const doc = await this.db.getRepository(PolicyDocument).findOne({ where: { id } });
    if (!doc) throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${id}`);
    return doc;
  }

  async listDocuments(page: number, pageSize: number): Promise<{ items: DocumentSummary[]; total: number }> {
    const [docs, total] = await this.db.getRepository(PolicyDocument).findAndCount({
      select: { id: true, title: true, status: true, dueDate: true, createdAt: true, parse: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      total,
      items: docs.map((d) => ({
        id: d.id,
        title: d.title,
        status: d.status,
        dueDate: d.dueDate,
        measureCount: d.parse.measures.length,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }
}
