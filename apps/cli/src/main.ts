import { parseArgs } from 'node:util';
import { loadDatabaseUrl, loadDemoPassword } from '../../../libs/config';
import { runMigrations } from '../../../libs/database';
import { type ParseResult, parsePolicy, partiesOf } from '../../../libs/documents';
import type { ParsedMeasure } from '../../../libs/documents/parse/parse-result.types';
import { formatPreview } from './preview-table';
import { readTextFile } from './read-text-file';
import { seedDemo } from './seed-demo';

const USAGE = `用法:
  duban preview FILE          按措施列出责任单位（牵头/共同负责/配合/指导/默认配合）和警告，末行为合计
  duban parse FILE [--json]   解析政策文件，打印措施与责任单位（--json 输出完整结构）
  duban migrate               对 DATABASE_URL 指向的数据库执行迁移
  duban seed-demo             创建示例用户：coordinator、leader 和每个单位一名 liaison.<单位>
                              （密码取 DEMO_PASSWORD，未设置则生成并打印一次）

FILE 须为 UTF-8 文本，不超过 10 MB。文件不存在、不可读、过大、二进制或非 UTF-8 时，
在 stderr 打印一行原因并以 1 退出。没有编号措施的文本不算错误：parse --json 输出
measures: []，preview 打印一行“未找到编号措施”，均以 0 退出。
从 Word 或表格软件粘贴的任务分工表（制表符或两个以上空格分列，表头含牵头单位或责任单位）按行读作措施；
表头找不到牵头单位或责任单位列时，打印一行原因并以 1 退出。`;

function summary(result: ParseResult): string {
  const lines = [
    `标题: ${result.title ?? '（未识别）'}`,
    `发文: ${result.issuer ?? '—'}  文号: ${result.docNumber ?? '—'}  日期: ${result.issuedOn ?? '—'}  牵头统筹: ${result.coordinator ?? '—'}`,
    `措施: ${result.measures.length} 项`,
  ];
  for (const m of result.measures) {
    const parties = partiesOf(m)
      .map((p) => `${p.party}(${p.role})`)
      .join('、');
    lines.push(`  ${m.number} ${m.title}  →  ${parties || '（无责任单位）'}${timeLimitNote(m)}`);
  }
  for (const w of result.warnings) lines.push(`警告 ${w.measure ?? ''} ${w.code}: ${w.message}`);
  return lines.join('\n');
}

/** A task table without a lead column is refused (one line, exit 1), as the API refuses it with a 422. */
function importable(result: ParseResult): ParseResult {
  const refused = result.warnings.find((w) => w.code === 'TABLE_WITHOUT_LEAD_COLUMN');
  if (refused) throw new Error(refused.message);
  return result;
}

function timeLimitNote(m: ParsedMeasure): string {
  const t = m.timeLimit;
  if (!t) return '';
  return `  时限: ${t.kind === 'date' ? t.due : t.raw}`;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'preview': {
      if (rest.length !== 1) throw new Error('preview 需要且只需要一个文件路径');
      console.log(formatPreview(importable(parsePolicy(readTextFile(rest[0])))));
      return 0;
    }
    case 'parse': {
      if (rest.length !== 1) throw new Error('parse 需要且只需要一个文件路径');
      const result = importable(parsePolicy(readTextFile(rest[0])));
      console.log(values.json ? JSON.stringify(result, null, 2) : summary(result));
      return 0;
    }
    case 'migrate': {
      const applied = await runMigrations(loadDatabaseUrl());
      console.log(applied.length ? `已执行迁移: ${applied.join(', ')}` : '数据库已是最新');
      return 0;
    }
    case 'seed-demo': {
      const created = await seedDemo(loadDatabaseUrl(), loadDemoPassword());
      console.log(created.length ? `已创建示例用户: ${created.join(', ')}` : '示例用户均已存在');
      return 0;
    }
    default:
      throw new Error(`未知命令「${command}」；运行 duban --help 查看用法`);
  }
}

// Exit by setting the code and letting Node finish: process.exit() would drop what is still queued
// for a pipe (stdout to a pipe is asynchronous), cutting `duban parse --json | …` at 64 KiB.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`duban: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    process.exitCode = 1;
  },
);
