// Records the histories that test/replay replays: representative runs of today's workflow code
// on the time-skipping server. Run after `npm run build` when a new kind of run deserves a
// history; never re-record an existing one to make a replay failure go away (that is the
// change being incompatible with running workflows: use patched()).
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, toolsBin } from './stack.mjs';

const require_ = createRequire(import.meta.url);
const { planRungs, shanghaiDay, addDays } = require_(path.join(root, 'dist/libs/tasks/domain/deadline.js'));
const defs = require_(path.join(root, 'dist/workflows/task.definitions.js'));

const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: { type: 'existing-path', path: path.join(toolsBin, 'temporal-test-server') } },
});
const out = path.join(root, 'test', 'replay', 'histories');
// The CLI writes the standard JSON history format (the SDK's own converter trips over the two
// protobufjs copies npm installs for @temporalio 1.24).
const save = (workflowId, file) =>
  writeFileSync(
    path.join(out, file),
    execFileSync(path.join(toolsBin, 'temporal'), [
      'workflow',
      'show',
      '-w',
      workflowId,
      '--address',
      env.address,
      '--output',
      'json',
    ]),
  );
const seqs = new Set();
const worker = await Worker.create({
  connection: env.nativeConnection,
  taskQueue: 'record',
  workflowBundle: { codePath: path.join(root, 'dist', 'workflow-bundle.js') },
  activities: {
    recordTaskEvent: async (e) => void seqs.add(`${e.taskId}:${e.seq}`),
  },
});

const task = (taskId, dueDate) => ({
  taskId,
  documentId: 'doc-1',
  measureId: 'measure-1',
  agencyName: '市民政局',
  role: 'shared',
  dueDate,
  rungs: planRungs(dueDate, { reminderDaysBefore: 5, overdueDaysAfter: 3 }),
});

await worker.runUntil(async () => {
  const today = shanghaiDay(new Date(await env.currentTimeMs()));

  // A task that is returned once, hears its reminder and its escalation, then is accepted.
  const dueDate = addDays(today, 10);
  const h = await env.client.workflow.start('taskWorkflow', {
    taskQueue: 'record',
    workflowId: 'task-review-loop',
    args: [task('task-review-loop', dueDate)],
  });
  await h.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
  await h.executeUpdate(defs.progressUpdate, { args: [{ actor: 'liaison', note: '已起草方案' }] });
  await h.executeUpdate(defs.submitUpdate, { args: [{ actor: 'liaison', evidence: '方案印发' }] });
  await h.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'coordinator', decision: 'return', reason: '缺数据' }] });
  await env.sleep(14 * 86400e3);
  await h.executeUpdate(defs.submitUpdate, { args: [{ actor: 'liaison', evidence: '补充数据' }] });
  await h.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] });
  await h.result();
  save('task-review-loop', 'task-review-loop.json');

  // A document with one measure and two tasks, both accepted.
  const doc = await env.client.workflow.start('documentWorkflow', {
    taskQueue: 'record',
    workflowId: 'document-doc-1',
    args: [
      {
        documentId: 'doc-1',
        measures: [
          { documentId: 'doc-1', measureId: 'measure-1', tasks: [task('t-a', dueDate), task('t-b', dueDate)] },
        ],
      },
    ],
  });
  for (const id of ['task-t-a', 'task-t-b']) {
    for (;;) {
      try {
        const th = env.client.workflow.getHandle(id);
        await th.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
        await th.executeUpdate(defs.submitUpdate, { args: [{ actor: 'liaison', evidence: '完成' }] });
        await th.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] });
        break;
      } catch (err) {
        if (!/not found/i.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  await doc.result();
  save('document-doc-1', 'document-two-tasks.json');
  save('measure-measure-1', 'measure-two-tasks.json');
  save('task-t-a', 'task-accepted-first-time.json');
});
await env.teardown();
console.log(`recorded ${seqs.size} events into ${path.relative(root, out)}`);
