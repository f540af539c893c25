import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParseResult } from '../../libs/documents';

const root = path.resolve(__dirname, '..', '..');
const seedPath = path.resolve(root, '../shared/seed/tianjin-2026-difficult-children-welfare.txt');
const corpusPath = (file: string) => path.resolve(root, '../shared/corpus', file);
const duban = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'duban.js'), ...args], { encoding: 'utf8' });

/** Runs the CLI with stdout as a pipe read by this process, as `duban … | consumer` does. */
function dubanPiped(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'duban.js'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('duban CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-cli-'));

  it('prints the parse of the seed as JSON', () => {
    const run = duban('parse', seedPath, '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ParseResult;
    expect(result.measures).toHaveLength(21);
    expect(result.coordinator).toBe('市民政局');
  });

  it('prints a readable summary without --json', () => {
    const run = duban('parse', seedPath);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('措施: 21 项');
    expect(run.stdout).toContain('（二十一）');
  });

  it('gives an empty document an empty result', () => {
    const file = path.join(dir, 'empty.txt');
    writeFileSync(file, '');
    const run = duban('parse', file, '--json');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as ParseResult).measures).toEqual([]);
  });

  it.each([
    ['non-UTF-8 bytes', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]), /不是 UTF-8/],
    ['binary data', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]), /二进制/],
  ])('refuses %s with one line and a non-zero exit', (_name, bytes, message) => {
    const file = path.join(dir, `bad-${Math.abs(bytes[0])}.txt`);
    writeFileSync(file, bytes);
    const run = duban('parse', file, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('previews the seed as a table with roles and a summary line', () => {
    const run = duban('preview', seedPath);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.some((l) => /^编号\s+措施\s+分工\s+责任单位$/.test(l))).toBe(true);
    expect(lines.find((l) => l.startsWith('（一）'))).toMatch(
      /筑牢基本生活保障底线\s+共同负责\s+市民政局、各区人民政府$/,
    );
    expect(lines.some((l) => /^\s+默认配合\s+各区人民政府$/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('合计  措施 21 项  单位 24 个  分工 128 项（含默认配合 20）  警告 0 条');
  });

  it('previews a corpus document with lead, cooperating and warnings', () => {
    const run = duban('preview', corpusPath('guofa-2018-39-cujin-jiuye.txt'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('通用约定  自（一）起：列第一位者为牵头单位，下同');
    expect(run.stdout).toMatch(
      /（四）\s+支持创业载体建设\s+牵头\s+人力资源社会保障部\n\s+共同负责\s+各省级人民政府\n\s+配合\s+科技部/,
    );
    expect(run.stdout).toMatch(/! 泛指单位：（五） 的责任单位“有关部门和单位”为泛指/);
    expect(run.stdout).toMatch(/警告 9 条（泛指单位 6，名单不全 3）\n$/);
  });

  it('treats a text without numbered items as a result, not an error', () => {
    const file = path.join(dir, 'no-items.txt');
    writeFileSync(file, '各区人民政府：\n现将有关事项通知如下，请认真贯彻执行。\n');
    const preview = duban('preview', file);
    expect(preview.status).toBe(0);
    expect(preview.stdout.trim().split('\n')).toEqual(['未找到编号措施（一、（一）1. 等），没有可预览的任务。']);
    const parse = duban('parse', file, '--json');
    expect(parse.status).toBe(0);
    expect((JSON.parse(parse.stdout) as ParseResult).measures).toEqual([]);
  });

  it.each([
    ['non-UTF-8 (GBK) text', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]), /不是 UTF-8/],
    ['binary data', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]), /二进制/],
  ])('preview refuses %s with one line and exit 1', (_name, bytes, message) => {
    const file = path.join(dir, `preview-bad-${bytes[0]}.txt`);
    writeFileSync(file, bytes);
    const run = duban('preview', file);
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a file over 10 MB before reading it, naming its size', () => {
    const file = path.join(dir, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024); // sparse: nothing is written
    for (const args of [
      ['preview', file],
      ['parse', file, '--json'],
    ]) {
      const run = duban(...args);
      expect([run.status, run.stdout]).toEqual([1, '']);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/50\.0 MB.*10\.0 MB/);
    }
  });

  it('refuses a directory, a missing file and a missing argument', () => {
    for (const run of [duban('preview', dir), duban('preview', path.join(dir, 'nope.txt')), duban('preview')]) {
      expect([run.status, run.stdout]).toEqual([1, '']);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(duban('preview', dir).stderr).toMatch(/是目录/);
    expect(duban('preview', path.join(dir, 'nope.txt')).stderr).toMatch(/文件不存在/);
  });

  it('lists preview in the usage text', () => {
    const run = duban('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('duban preview <file>');
    expect(run.stdout).toContain('未找到编号措施');
  });

  it('refuses a missing file and an unknown command', () => {
    const missing = duban('parse', path.join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/文件不存在/);
    const unknown = duban('frobnicate');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/未知命令/);
    expect(duban().status).toBe(2);
  });

  it('reads a pasted task table, and refuses one without a lead column in one line', () => {
    const table = path.join(dir, 'table.txt');
    writeFileSync(table, '序号\t重点任务\t牵头单位\t完成时限\n1\t建立台账\t市民政局\t2026年底前\n');
    const ok = duban('parse', table, '--json');
    expect(ok.status).toBe(0);
    const result = JSON.parse(ok.stdout) as ParseResult;
    expect(result.table?.columns.map((c) => c.readAs)).toEqual(['number', 'task', 'lead', 'timeLimit']);
    expect(result.measures[0].timeLimit).toMatchObject({ kind: 'date', due: '2026-12-31' });
    const bad = path.join(dir, 'table-no-lead.txt');
    writeFileSync(bad, '序号\t重点任务\t单位\t完成时限\n1\t建立台账\t市民政局\t2026年底前\n');
    for (const args of [
      ['parse', bad, '--json'],
      ['parse', bad],
      ['preview', bad],
    ]) {
      const run = duban(...args);
      expect([run.status, run.stdout]).toEqual([1, '']);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/没有“牵头单位”或“责任单位”列/);
    }
  });

  it('writes a parse larger than a pipe buffer (64 KiB) whole before exiting', async () => {
    const file = path.join(dir, 'large.txt');
    const body = '加强困境儿童基本生活保障，完善相关制度机制，推动各项政策落实落地，确保取得实效。'.repeat(6);
    const measures = Array.from(
      { length: 80 },
      (_, i) => `${i + 1}. 第${i + 1}项措施。${body}（市民政局、市财政局按职责分工负责）`,
    );
    writeFileSync(file, ['大文件测试实施方案', ...measures, ''].join('\n'));
    for (let run = 0; run < 5; run += 1) {
      const { code, stdout } = await dubanPiped('parse', file, '--json');
      expect(code).toBe(0);
      expect(Buffer.byteLength(stdout)).toBeGreaterThan(64 * 1024);
      expect((JSON.parse(stdout) as ParseResult).measures).toHaveLength(80);
    }
  });
});
