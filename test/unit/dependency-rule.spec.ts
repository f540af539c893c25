import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

// Files that break the dependency rule (STYLE.md), written where the rule applies and linted with
// the project's own ESLint config; each must be refused with the rule's message.
const probes: { file: string; code: string; refusal: RegExp }[] = [
  {
    file: 'libs/tasks/lint-probe-value-import.ts',
    code: "import { taskWorkflow } from '../../workflows/task.workflow';\nexport const probe = taskWorkflow;\n",
    refusal: /libs\/ never value-imports workflows\//,
  },
  {
    file: 'libs/clock/domain/lint-probe-service.ts',
    code: "import { TaskQueryService } from '../../tasks/task-query.service';\nexport const probe = TaskQueryService;\n",
    refusal: /Domain code imports only other domain code/,
  },
  {
    file: 'libs/clock/domain/lint-probe-package.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    refusal: /Domain code is pure TypeScript/,
  },
  {
    file: 'libs/tasks/lint-probe.definitions.ts',
    code: "import { TaskEventsService } from './task-events.service';\nexport const probe = TaskEventsService;\n",
    refusal: /Definitions import only domain code/,
  },
  {
    file: 'workflows/lint-probe.ts',
    code: "import { TaskQueryService } from '../libs/tasks/task-query.service';\nexport const probe = TaskQueryService;\n",
    refusal: /Workflows import from libs only domain code and definitions/,
  },
];
const allowed = {
  file: 'libs/tasks/lint-probe-type-import.ts',
  code: "import type { taskWorkflow } from '../../workflows/task.workflow';\nexport type Probe = typeof taskWorkflow;\n",
};

function lint(files: string[]): string {
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...files], {
      cwd: root,
      encoding: 'utf8',
    });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout);
  }
}

describe('the dependency rule, as the lint config enforces it', () => {
  const all = [...probes, allowed];
  beforeAll(() => {
    for (const p of all) {
      mkdirSync(path.dirname(path.join(root, p.file)), { recursive: true });
      writeFileSync(path.join(root, p.file), p.code);
    }
  });
  afterAll(() => {
    for (const p of all) rmSync(path.join(root, p.file), { force: true });
  });

  it('refuses each import that points the wrong way, and allows a type import of a workflow', () => {
    const out = lint(all.map((p) => p.file));
    for (const p of probes) {
      const section = out.split(/\n(?=\/)/).find((s) => s.includes(p.file)) ?? '';
      expect({ file: p.file, refused: p.refusal.test(section) }).toEqual({ file: p.file, refused: true });
    }
    expect(out).not.toContain(allowed.file);
  });
});
