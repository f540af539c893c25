import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Rows for medium-tier tests, written straight into the test PostgreSQL (migrated by the global
 * setup). Names are unique per call, so tests sharing the database never collide.
 */
export async function agencyRow(db: DataSource, name = `测试单位-${randomUUID().slice(0, 8)}`): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO agency (name, kind) VALUES ($1, 'municipal_department') RETURNING id`,
    [name],
  );
  return row.id;
}

export interface DocumentRows {
  documentId: string;
  measureIds: string[];
  agencyIds: string[];
  taskIds: string[];
}

/** An imported document with `measures` measures, each assigned to every one of `agencies` new agencies. */
export async function importedDocumentRows(
  db: DataSource,
  { measures = 2, agencies = 2 }: { measures?: number; agencies?: number } = {},
): Promise<DocumentRows> {
  const title = `测试文件-${randomUUID().slice(0, 8)}`;
  const parse = { title, measures: Array.from({ length: measures }, (_, i) => ({ number: `（${i + 1}）` })) };
  const [doc] = await db.query<{ id: string }[]>(
    `INSERT INTO policy_document (title, source_text, parse) VALUES ($1, $2, $3) RETURNING id`,
    [title, `${title}\n正文`, JSON.stringify(parse)],
  );
  const agencyIds: string[] = [];
  for (let i = 0; i < agencies; i++) agencyIds.push(await agencyRow(db));
  const measureIds: string[] = [];
  const taskIds: string[] = [];
  for (let seq = 1; seq <= measures; seq++) {
    const [m] = await db.query<{ id: string }[]>(
      `INSERT INTO measure (document_id, seq, number, title, text, span_start, span_end)
       VALUES ($1, $2, $3, $4, $5, 0, 1) RETURNING id`,
      [doc.id, seq, `（${seq}）`, `措施${seq}`, `措施${seq}正文`],
    );
    measureIds.push(m.id);
    for (const agencyId of agencyIds) {
      const [t] = await db.query<{ id: string }[]>(
        `INSERT INTO task (document_id, measure_id, agency_id, role) VALUES ($1, $2, $3, 'shared') RETURNING id`,
        [doc.id, m.id, agencyId],
      );
      taskIds.push(t.id);
    }
  }
  return { documentId: doc.id, measureIds, agencyIds, taskIds };
}
