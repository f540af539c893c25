import { allHandlersFinished, condition, continueAsNew, patched, setHandler } from '@temporalio/workflow';
import * as checks from '../libs/tasks/domain/task-checks';
import { isFinal, isOpenForAgency } from '../libs/tasks/domain/task-state';
import * as defs from '../libs/tasks/task.definitions';
import { tellMeasureFinal } from './measure-link';
import { refuse, TaskRun } from './task-run';

// Events before attachments, and reports without any, keep the detail they always had.
const files = (attachments?: defs.TaskAttachmentRef[]) => (attachments?.length ? { attachments } : {});

/** One agency's share of one measure: issue, the deadline clock and its ladder, review. */
export async function taskWorkflow(input: defs.TaskWorkflowInput): Promise<defs.TaskSnapshot> {
  const run = new TaskRun(input);

  setHandler(defs.snapshotQuery, () => run.snapshot());
  setHandler(defs.acknowledgeUpdate, ({ actor }) => run.act('acknowledge', actor, {}), {
    validator: (_input: defs.ActorInput) => refuse(checks.checkTransition(run.state, 'acknowledge')),
  });
  setHandler(
    defs.progressUpdate,
    ({ actor, note, attachments }) => run.act('progress', actor, { note, ...files(attachments) }),
    {
      validator: ({ note }: defs.ProgressInput) => refuse(checks.checkProgress(run.state, note)),
    },
  );
  setHandler(
    defs.submitUpdate,
    ({ actor, actorId, evidence, attachments, consolidated }) => {
      // Set before the write, as the state is: a review arriving meanwhile already sees who submitted.
      if (!checks.checkTransition(run.state, 'submit')) run.submittedBy = actorId ?? null;
      return run.act('submit', actor, { evidence, ...files(attachments), ...(consolidated ? { consolidated } : {}) });
    },
    {
      validator: ({ evidence }: defs.SubmitInput) => refuse(checks.checkSubmit(run.state, evidence)),
    },
  );
  setHandler(
    defs.reviewUpdate,
    ({ actor, decision, reason }) => run.act(decision, actor, decision === 'return' ? { reason } : {}),
    {
      validator: ({ decision, reason, actorId }: defs.ReviewInput) =>
        refuse(checks.checkReview(run.state, decision, reason) ?? checks.checkSelfReview(run.submittedBy, actorId)),
    },
  );
  setHandler(defs.requestExtensionUpdate, (i) => run.requestExtension(i), {
    validator: (i: defs.ExtensionRequestInput) => run.admit(run.rules.requestExtension, i),
  });
  setHandler(defs.decideExtensionUpdate, (i) => run.decideExtension(i), {
    validator: (i: defs.ExtensionDecisionInput) => run.admit(run.rules.decideExtension, i),
  });
  setHandler(defs.pauseUpdate, (i) => run.pause(i), {
    validator: (i: defs.ReasonInput) => run.admit(run.rules.pause, i),
  });
  setHandler(defs.resumeUpdate, (i) => run.resume(i), {
    validator: (i: defs.ReasonInput) => run.admit(run.rules.resume, i),
  });
  setHandler(defs.instructUpdate, (i) => run.instruct(i), {
    validator: ({ text }: defs.InstructionInput) => refuse(checks.checkInstruction(run.state, text)),
  });
  setHandler(defs.reassignUpdate, (i) => run.reassign(i), {
    validator: ({ reason, toAgencyId }: defs.ReassignInput) =>
      refuse(checks.checkReassign(run.state, reason, toAgencyId)),
  });
  setHandler(defs.supervisionReadUpdate, (i) => run.supervisionRead(i), {
    validator: (_input: defs.ActorInput) => refuse(checks.checkSupervisionRead(run.state, run.fired, input.ladder)),
  });
  setHandler(defs.withdrawSignal, async (i) => {
    await run.withdraw(i);
  });
  setHandler(defs.measureRevisedSignal, async (i) => {
    await run.revised(i);
  });
  setHandler(defs.measureDoneSignal, async (done) => {
    await run.closeWithMeasure(done);
  });
  setHandler(defs.calendarChangedSignal, (change) => {
    run.calendarChange = change;
  });

  // A withdrawal that reached the task before its issue leaves nothing to issue.
  if (!input.carry) {
    const first = run.launchPlan() ?? (await run.replan());
    if (run.state === 'draft') await run.issue(first);
  }

  // The rung loop: sleep until the next unfired rung, waking whenever the plan or the state changes.
  while (!isFinal(run.state)) {
    if (run.historyTooLong()) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof taskWorkflow>({ ...input, carry: run.carry() });
    }
    if (run.calendarChange) {
      const change = run.calendarChange;
      run.calendarChange = null;
      const from = run.current().dueDate;
      const next = await run.replan();
      await run.record('replanned', run.state, 'system', {
        ...change,
        from,
        to: next.dueDate,
        gapYears: next.gapYears,
      });
      continue;
    }
    const gaps = run.current().gapYears.join(',');
    if (gaps !== run.flaggedGap) {
      run.flaggedGap = gaps;
      if (gaps) await run.flagGap(run.current().gapYears);
      continue;
    }
    const rung = run.current().rungs.find((a) => !run.fired.has(a.key));
    const seen = run.wake;
    const changed = () =>
      isFinal(run.state) || run.wake !== seen || run.calendarChange !== null || run.historyTooLong();
    if (!rung || rung.at === null || run.current().pausedSince !== null) {
      await condition(changed);
      continue;
    }
    const wait = Date.parse(rung.at) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    // Its time has come. While a submission is under review the agency owes nothing: hold.
    if (!isOpenForAgency(run.state)) {
      await condition(() => changed() || isOpenForAgency(run.state));
      continue;
    }
    // Never against a due date a ledger change is replacing: its plan decides whether the rung is due.
    if (run.ledgerBusy && patched('rungs-wait-for-ledger')) {
      await condition(() => changed() || !run.ledgerBusy);
      continue;
    }
    await run.fire(rung);
  }

  // Let the update that made the task final finish its write and answer its caller.
  await condition(allHandlersFinished);
  if (patched('task-tells-its-measure')) await tellMeasureFinal(input.measureId, input.taskId, run.state);
  return run.snapshot();
}
