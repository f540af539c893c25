import yargs, { type Argv } from 'yargs';
import { loadDatabaseUrl, loadDemoPassword } from '../../../libs/config';
import { runMigrations } from '../../../libs/database';
import { type ParseResult, parsePolicy, partiesOf } from '../../../libs/documents';
import type { ParsedMeasure } from '../../../libs/documents/parse/parse-result.types';
import { formatPreview } from './preview-table';
import { readTextFile } from './read-text-file';
import { seedDemo } from './seed-demo';
import { DEFAULT_API } from './api/client';
import { circularCommand, exportCommand, loginCommand, statusCommand, tasksCommand } from './commands/api-commands';

// Shown under the command list of `duban --help`.
const NOTES = `FILE 须为 UTF-8 文本，不超过 10 MB。文件不存在、不可读、过大、二进制或非 UTF-8 时，
在 stderr 打印一行原因并以 1 退出。没有编号措施的文本不算错误：parse --json 输出
measures: []，preview 打印一行“未找到编号措施”，均以 0 退出。
从 Word 或表格软件粘贴的任务分工表（制表符或两个以上空格分列，表头含牵头单位或责任单位）按行读作措施；
表头找不到牵头单位或责任单位列时，打印一行原因并以 1 退出。
login、status、tasks、export、circular 通过 API 办理（先 duban login；地址取 --api、DUBAN_API 或 ${DEFAULT_API}），
不直接读写数据库。补全：duban completion >> ~/.bashrc`;

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

const print = (text: string) => console.log(text);

/** Unknown words are commands mistyped far more often than options: say so in the user's words. */
const MESSAGES = {
  'Unknown argument: %s': {
    one: '未知命令或选项「%s」；运行 duban --help 查看用法',
    other: '未知命令或选项「%s」；运行 duban --help 查看用法',
  },
  'Unknown command: %s': {
    one: '未知命令「%s」；运行 duban --help 查看用法',
    other: '未知命令「%s」；运行 duban --help 查看用法',
  },
  'Not enough non-option arguments: got %s, need at least %s': {
    one: '缺少参数：给了 %s 个，至少需要 %s 个；运行 duban --help 查看用法',
    other: '缺少参数：给了 %s 个，至少需要 %s 个；运行 duban --help 查看用法',
  },
};

const file = (y: Argv) =>
  y.positional('file', { type: 'string', demandOption: true, describe: '政策文件（UTF-8 文本）' });

function cli(argv: string[]): Argv {
  return yargs(argv)
    .scriptName('duban')
    .locale('zh_CN')
    .updateStrings(MESSAGES as unknown as Record<string, string>)
    .usage('用法: duban <命令> [选项]')
    .command('preview <file>', '按措施列出责任单位（牵头/共同负责/配合/指导/默认配合）和警告，末行为合计', file, (a) =>
      print(formatPreview(importable(parsePolicy(readTextFile(a.file))))),
    )
    .command(
      'parse <file>',
      '解析政策文件，打印措施与责任单位（--json 输出完整结构）',
      (y) => file(y).option('json', { type: 'boolean', default: false, describe: '输出完整 JSON' }),
      (a) => {
        const result = importable(parsePolicy(readTextFile(a.file)));
        print(a.json ? JSON.stringify(result, null, 2) : summary(result));
      },
    )
    .command('migrate', '对 DATABASE_URL 指向的数据库执行迁移', {}, async () => {
      const applied = await runMigrations(loadDatabaseUrl());
      print(applied.length ? `已执行迁移: ${applied.join(', ')}` : '数据库已是最新');
    })
    .command(
      'seed-demo',
      '创建示例用户：coordinator、leader 和每个单位一名 liaison.<单位>（密码取 DEMO_PASSWORD，未设置则生成并打印一次）',
      {},
      async () => {
        const created = await seedDemo(loadDatabaseUrl(), loadDemoPassword());
        print(created.length ? `已创建示例用户: ${created.join(', ')}` : '示例用户均已存在');
      },
    )
    .command(
      'login',
      '登录督办服务并保存令牌（密码取 DUBAN_PASSWORD 或在提示时输入）',
      (y) =>
        y
          .option('api', { type: 'string', describe: `API 地址（默认 DUBAN_API 或 ${DEFAULT_API}）` })
          .option('username', { type: 'string', alias: 'u', demandOption: true, describe: '用户名' }),
      async (a) => print(await loginCommand(a)),
    )
    .command(
      'status <document>',
      '文件办理情况：每项措施 × 责任单位的状态、灯色和剩余工作日',
      (y) =>
        y
          .positional('document', { type: 'string', demandOption: true, describe: '文件 id' })
          .option('json', { type: 'boolean', default: false }),
      async (a) => print(await statusCommand(a)),
    )
    .command(
      'tasks',
      '任务清单（按办理时限排序）',
      (y) =>
        y
          .option('document', { type: 'string', describe: '文件 id' })
          .option('agency', { type: 'string', describe: '责任单位（全称、简称或 id）' })
          .option('state', {
            type: 'string',
            choices: ['issued', 'in_progress', 'submitted', 'accepted', 'closed', 'reassigned', 'cancelled'],
          })
          .option('overdue', { type: 'boolean', describe: '只看逾期（--no-overdue 只看未逾期）' })
          .option('json', { type: 'boolean', default: false }),
      async (a) => print(await tasksCommand(a)),
    )
    .command(
      'export <document>',
      '导出督办台账（截至某日）',
      (y) =>
        y
          .positional('document', { type: 'string', demandOption: true, describe: '文件 id' })
          .option('as-of', { type: 'string', describe: '截至日期 YYYY-MM-DD（默认今天）' })
          .option('format', { choices: ['xlsx', 'csv', 'pdf'] as const, default: 'xlsx' as const })
          .option('out', { type: 'string', alias: 'o', describe: '保存到（默认用服务给出的文件名）' }),
      async (a) => print(await exportCommand({ document: a.document, asOf: a.asOf, format: a.format, out: a.out })),
    )
    .command(
      'circular <document>',
      '情况通报（截至某日，由办理记录重新生成，同一日期任何时候结果相同）',
      (y) =>
        y
          .positional('document', { type: 'string', demandOption: true, describe: '文件 id' })
          .option('as-of', { type: 'string', demandOption: true, describe: '截至日期 YYYY-MM-DD（须早于今天）' })
          .option('kind', { choices: ['weekly', 'monthly'] as const, default: 'weekly' as const })
          .option('json', { type: 'boolean', default: false }),
      async (a) => print(await circularCommand({ document: a.document, asOf: a.asOf, kind: a.kind, json: a.json })),
    )
    .completion('completion', '输出 shell 补全脚本（bash/zsh）')
    .demandCommand(1)
    .strict()
    .epilogue(NOTES)
    .wrap(null)
    .help()
    .alias('help', 'h')
    .version(false)
    .exitProcess(false)
    .fail(false);
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    cli(argv).showHelp('error');
    return 2;
  }
  await cli(argv).parseAsync();
  return 0;
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
