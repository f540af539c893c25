// Records the histories that test/replay replays: representative runs of today's workflow code
// on the time-skipping server. Run `npm run record:histories` when a new kind of run deserves a
// history. Never re-record an existing one to make a replay failure go away: that failure means
// the change would break running workflows (guard it with patched()).
import { WorkflowUpdateStage } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root, toolsBin } from './stack.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, 'dist', p));
const { planTask } = dist('libs/clock/domain/firing-plan.js');
const { DEFAULT_LADDER } = dist('libs/clock/domain/ladder.js');
const { firingInstant } = dist('libs/clock/domain/beijing-time.js');
const { makeCalendar } = dist('libs/calendar/domain/working-days.js');
const { repeatYearPattern } = dist('libs/calendar/domain/provisional-year.js');
const defs = dist('libs/tasks/task.definitions.js');

// Seeded data plus a provisional 2027 (2026's pattern 52 weeks on), as the tests use.
const json = require('chinese-days/dist/chinese-days.json');
const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
const data = { years, holidays: Object.keys(json.holidays), workdays: Object.keys(json.workdays) };
const y2027 = repeatYearPattern(data, 2026, 2027);
const calendar = makeCalendar({
  years: [...years, 2027],
  holidays: [...data.holidays, ...y2027.holidays],
  workdays: [...data.workdays, ...y2027.workdays],
});

const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: { type: 'existing-path', path: path.join(toolsBin, 'temporal-test-server') } },
});
const out = path.join(root, 'test', 'replay', 'histories');
// The CLI writes the standard JSON history format. A history already committed is kept as it is:
// it stands for runs made by earlier code, so only new kinds of run are written.
const kept = [];
const save = (workflowId, file, runId) =>
  existsSync(path.join(out, file))
    ? kept.push(file)
    : writeFileSync(
        path.join(out, file),
        execFileSync(path.join(toolsBin, 'temporal'), [
          'workflow',
          'show',
          '-w',
          workflowId,
          ...(runId ? ['-r', runId] : []),
          '--address',
          env.address,
          '--output',
          'json',
        ]),
      );
let events = 0;
// Holds the planner while set, so that updates can arrive while a ledger change is being planned.
let planGate = null;
const worker = await Worker.create({
  connection: env.nativeConnection,
  taskQueue: 'record',
  workflowBundle: { codePath: path.join(root, 'dist', 'workflow-bundle.js') },
  activities: {
    // The delivery workflow's activities: two inbox users, one email, two webhooks of which one refuses.
    prepareDelivery: async () => ({ inboxUsers: 2, emailUserIds: ['user-1'], webhookIds: ['hook-ok', 'hook-refuses'] }),
    sendEmail: async () => 'sent',
    sendWebhook: async ({ webhookId }) => {
      if (webhookId === 'hook-refuses')
        throw ApplicationFailure.nonRetryable('receiver answered 410', 'WEBHOOK_REJECTED');
      return 'sent';
    },
    recordDeliveryFailure: async () => undefined,
    // The digest workflow's: the first part of its key, composed into notice n-2.
    firstDigestPart: async () => 1,
    composeDigest: async () => 'n-2',
    recordTaskEvent: async () => void (events += 1),
    // The document and measure workflows' (launch-by-id): measure-1 has two shared tasks; measure-r
    // a lead and a cooperating one; measure-p recurs, its second period starting a day after it
    // starts (and finding the measure withdrawn).
    launchMeasureIds: async () => ['measure-1'],
    measureLaunch: async (documentId, measureId) => ({
      settings: { ...task(''), documentId, measureId },
      tasks:
        measureId === 'measure-1'
          ? [
              { taskId: 't-a', agencyName: '市民政局', role: 'shared' },
              { taskId: 't-b', agencyName: '市民政局', role: 'shared' },
            ]
          : measureId === 'measure-r'
            ? [
                { taskId: 'r-lead', agencyName: '市民政局', role: 'lead' },
                { taskId: 'r-coop', agencyName: '市教委', role: 'cooperating' },
              ]
            : [{ taskId: 'p-lead', agencyName: '市民政局', role: 'lead' }],
      next:
        measureId === 'measure-p'
          ? { period: 2, issueAt: new Date((await env.currentTimeMs()) + 24 * 3600 * 1000).toISOString() }
          : null,
    }),
    issuePeriod: async () => null,
    createReassignedTask: async () => ({ taskId: 'r-lead-2', agencyName: '市财政局' }),
    planTaskDeadline: async (input) => {
      await planGate;
      return planTask(calendar, input);
    },
  },
});
const task = (taskId, extra = {}) => ({
  taskId,
  documentId: 'doc-1',
  measureId: 'measure-1',
  measureTitle: '（一）筑牢基本生活保障底线',
  agencyName: '市民政局',
  role: 'shared',
  dueDate: '2027-10-15',
  dueBasis: '下发时指定日期',
  ladder: DEFAULT_LADDER,
  maxExtensions: 2,
  cadence: { monthlyWorkingDay: 5 },
  issuedOn: '2026-11-29',
  ...extra,
});
const until = async (iso) => {
  const ms = Date.parse(iso) - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
};
const pause = () => new Promise((r) => setTimeout(r, 300));
// Retries a call on a workflow its parent may not have started yet.
const once = async (call) => {
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (!/not found/i.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
};

await worker.runUntil(async () => {
  // First, while the server's clock is still near today (the runs below move it on by years).
  // A measure whose lead is reassigned (转办) and then accepted: its cooperating task closes with it.
  const mr = await env.client.workflow.start('measureWorkflow', {
    taskQueue: 'record',
    workflowId: 'measure-measure-r',
    args: [{ documentId: 'doc-1', measureId: 'measure-r' }],
  });
  await pause();
  const lead = env.client.workflow.getHandle('task-r-lead');
  await once(() =>
    lead.executeUpdate(defs.reassignUpdate, {
      args: [{ actor: 'coordinator', reason: '职责调整', toAgencyId: 'a-2' }],
    }),
  );
  await pause();
  const next = env.client.workflow.getHandle('task-r-lead-2');
  await once(() => next.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'liaison' }] }));
  await next.executeUpdate(defs.submitUpdate, { args: [{ actor: 'liaison', evidence: '完成' }] });
  await next.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] });
  await mr.result();
  save('measure-measure-r', 'measure-reassigned-lead.json');
  save('task-r-lead', 'task-reassigned.json');

  // A recurring measure: its first period's run continues as new as the second period starts.
  const mp = await env.client.workflow.start('measureWorkflow', {
    taskQueue: 'record',
    workflowId: 'measure-measure-p',
    args: [{ documentId: 'doc-1', measureId: 'measure-p' }],
  });
  // Withdrawn once its task runs (as the fan-out would tell it), so the second period issues nothing.
  const withdraw = { reason: '政策调整', by: 'c', scope: 'measure' };
  await once(() => env.client.workflow.getHandle('task-p-lead').signal(defs.withdrawSignal, withdraw));
  await pause();
  await env.sleep(25 * 3600 * 1000);
  await mp.result();
  save('measure-measure-p', 'measure-next-period.json', mp.firstExecutionRunId);

  // The whole clock: review loop, extension, pause and resume, a calendar re-plan, the ladder.
  const h = await env.client.workflow.start('taskWorkflow', {
    taskQueue: 'record',
    workflowId: 'task-clock',
    args: [task('task-clock')],
  });
  await pause();
  const u = (update, arg) => h.executeUpdate(update, { args: [arg] });
  await u(defs.acknowledgeUpdate, { actor: 'liaison' });
  await u(defs.progressUpdate, { actor: 'liaison', note: '已起草方案' });
  await u(defs.submitUpdate, { actor: 'liaison', evidence: '方案印发' });
  await u(defs.reviewUpdate, { actor: 'coordinator', decision: 'return', reason: '缺数据' });
  await u(defs.requestExtensionUpdate, { actor: 'liaison', reason: '需会签', proposedDate: '2027-10-29' });
  await u(defs.decideExtensionUpdate, { actor: 'coordinator', decision: 'approve', dueDate: '2027-10-22' });
  await until(firingInstant('2027-09-29'));
  await u(defs.pauseUpdate, { actor: 'coordinator', reason: '等待上级政策' });
  await until(firingInstant('2027-10-12'));
  await u(defs.resumeUpdate, { actor: 'coordinator', reason: '政策已明确' });
  await h.signal(defs.calendarChangedSignal, { reason: '日历维护', changedDays: [] });
  await pause();
  await until(firingInstant('2027-11-20'));
  await u(defs.submitUpdate, { actor: 'liaison', evidence: '补充数据' });
  await u(defs.reviewUpdate, { actor: 'coordinator', decision: 'accept' });
  await h.result();
  save('task-clock', 'task-full-clock.json');

  // A run that continues as new, carrying its clock.
  const c = await env.client.workflow.start('taskWorkflow', {
    taskQueue: 'record',
    workflowId: 'task-carry',
    args: [task('task-carry', { historyLimit: 30 })],
  });
  await pause();
  await c.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
  for (let i = 0; i < 6; i++)
    await c.executeUpdate(defs.progressUpdate, { args: [{ actor: 'liaison', note: `进展${i}` }] });
  await c.executeUpdate(defs.pauseUpdate, { args: [{ actor: 'coordinator', reason: '等待' }] });
  await pause();
  save('task-carry', 'task-continued-as-new.json', c.firstExecutionRunId);
  await c.terminate('recorded');

  // A document with one measure and two tasks, both accepted.
  const doc = await env.client.workflow.start('documentWorkflow', {
    taskQueue: 'record',
    workflowId: 'document-doc-1',
    args: [
      {
        documentId: 'doc-1',
        measures: [{ documentId: 'doc-1', measureId: 'measure-1', tasks: [task('t-a'), task('t-b')] }],
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

  // A leader's instruction (批示) on a running task.
  const ins = await env.client.workflow.start('taskWorkflow', {
    taskQueue: 'record',
    workflowId: 'task-instruction',
    args: [task('task-instruction')],
  });
  await pause();
  await ins.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
  await ins.executeUpdate(defs.instructUpdate, { args: [{ actor: 'leader', text: '请加快进度，月底前办结' }] });
  await ins.executeUpdate(defs.submitUpdate, { args: [{ actor: 'liaison', evidence: '已办结' }] });
  await ins.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] });
  await ins.result();
  save('task-instruction', 'task-instruction.json');

  // Ledger changes that overlap: a second pause and a resume arrive while a pause is being planned.
  const o = await env.client.workflow.start('taskWorkflow', {
    taskQueue: 'record',
    workflowId: 'task-overlap',
    args: [task('task-overlap')],
  });
  await pause();
  await until(firingInstant('2027-09-29'));
  let openGate;
  planGate = new Promise((resolve) => (openGate = resolve));
  const accepted = (update, arg) => o.startUpdate(update, { args: [arg], waitForStage: WorkflowUpdateStage.ACCEPTED });
  const overlapping = [
    await accepted(defs.pauseUpdate, { actor: 'coordinator', reason: '等待上级政策' }),
    await accepted(defs.pauseUpdate, { actor: 'coordinator', reason: '再次暂停' }),
    await accepted(defs.resumeUpdate, { actor: 'coordinator', reason: '政策已明确' }),
  ];
  await pause();
  planGate = null;
  openGate();
  await Promise.allSettled(overlapping.map((update) => update.result()));
  await o.executeUpdate(defs.acknowledgeUpdate, { args: [{ actor: 'liaison' }] });
  await o.executeUpdate(defs.submitUpdate, { args: [{ actor: 'liaison', evidence: '已办结' }] });
  await o.executeUpdate(defs.reviewUpdate, { args: [{ actor: 'coordinator', decision: 'accept' }] });
  await o.result();
  save('task-overlap', 'task-ledger-serialised.json');

  // One notification delivered: inbox, an email, a webhook that answers and one that refuses.
  const del = await env.client.workflow.start('deliveryWorkflow', {
    taskQueue: 'record',
    workflowId: 'delivery-n-1',
    args: [{ notificationId: 'n-1' }],
  });
  await del.result();
  save('delivery-n-1', 'delivery-one-notification.json');

  // Three rung notices of one agency and day gathered into one digest, then delivered.
  const digestKey = 'digest-liaison-agency-1-due-2027-10-15';
  for (const notificationId of ['n-11', 'n-12', 'n-13']) {
    await env.client.workflow.signalWithStart('digestWorkflow', {
      taskQueue: 'record',
      workflowId: digestKey,
      args: [{ key: digestKey, windowSeconds: 120 }],
      signal: 'digestArrived',
      signalArgs: [{ notificationId }],
    });
  }
  await env.client.workflow.getHandle(digestKey).result();
  await env.client.workflow.getHandle('delivery-n-2').result();
  save(digestKey, 'digest-three-notices.json');

  save('document-doc-1', 'document-two-tasks.json');
  save('measure-measure-1', 'measure-two-tasks.json');
  save('task-t-a', 'task-accepted-first-time.json');
});
await env.teardown();
console.log(
  `recorded histories (${events} task events) into ${path.relative(root, out)}; kept as committed: ${kept.join(', ')}`,
);
