import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParseResult } from '../../libs/policy';

const root = path.resolve(__dirname, '..', '..');
const seedPath = path.resolve(root, '../shared/seed/tianjin-2026-difficult-children-welfare.txt');
const duban = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'duban.js'), ...args], { encoding: 'utf8' });

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

  it('refuses a missing file and an unknown command', () => {
    const missing = duban('parse', path.join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/文件不存在/);
    const unknown = duban('frobnicate');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/未知命令/);
    expect(duban().status).toBe(2);
  });
});
