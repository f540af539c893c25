import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_TITLES, type TemplateKind } from './domain/notice-number';

// Beside this file in the source tree; from dist/libs/notices, back in the source tree's folder.
const FOLDERS = [path.join(__dirname, 'templates'), path.resolve(__dirname, '../../../libs/notices/templates')];

/** The shipped default template of a kind (libs/notices/templates/督办通知单.docx, 催办通知书.docx, 情况通报.docx). */
export function defaultTemplate(kind: TemplateKind): { name: string; content: Buffer } {
  const name = `${TEMPLATE_TITLES[kind]}.docx`;
  const folder = FOLDERS.find((f) => existsSync(path.join(f, name)));
  if (!folder) throw new Error(`default notice template ${name} not found in ${FOLDERS.join(', ')}`);
  return { name, content: readFileSync(path.join(folder, name)) };
}
