// Writes dist/workflow-bundle.js from the compiled workflows, so the worker does not bundle at start.
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './stack.mjs';

const { code } = await bundleWorkflowCode({
  workflowsPath: path.join(root, 'dist', 'workflows', 'index.js'),
  logger: { log() {}, info() {}, warn: console.warn, error: console.error, debug() {}, trace() {} },
});
await writeFile(path.join(root, 'dist', 'workflow-bundle.js'), code);
