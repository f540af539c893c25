import {
  allHandlersFinished,
  type ChildWorkflowHandle,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import { closedWithMeasure } from '../libs/tasks/domain/measure-done';
import type { TaskState } from '../libs/tasks/domain/task-state';
import { measureDoneSignal, taskAddedSignal, taskFinalSignal } from '../libs/tasks/task.definitions';
import type { createLaunchActivities } from '../libs/launch/launch.activities';
import type {
  DocumentWorkflowInput,
  MeasureLaunch,
  MeasureWorkflowInput,
  NextPeriod,
} from '../libs/launch/launch.definitions';
import { measureWorkflowId, taskWorkflowId, taskWorkflowInput } from '../libs/launch/launch.definitions';
import type { TaskWorkflowInput } from '../libs/tasks/task.definitions';
import { MeasureRun } from './measure-run';
import { taskWorkflow } from './task.workflow';

const { launchMeasureIds, measureLaunch, issuePeriod } = proxyActivities<ReturnType<typeof createLaunchActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '30 seconds' },
});

// Launches before `launch-by-id` carried every task inline; their histories replay on that path.
const BY_ID = 'launch-by-id';
// Measures before this knew only the tasks they started (closeWhenDone); their histories replay there.
const TRACKS = 'measure-tracks-added-tasks';

/**
 * One workflow per measure, one child per task; it hears of tasks added later (转办, a revision)
 * and of their final states, applies the done rule to the current set, and finishes when every
 * task is final. A recurring measure issues each later period's tasks as the period starts,
 * continuing as new per period with the periods still open, until it is withdrawn.
 */
export async function measureWorkflow(input: MeasureWorkflowInput): Promise<number> {
  const { documentId, measureId, period = 1 } = input;
  const run = new MeasureRun(input.carry);
  setHandler(taskAddedSignal, (task) => run.add(task));
  setHandler(taskFinalSignal, ({ taskId, state }) => run.final(taskId, state));
  // Period 1 is the launch's; a later one's tasks are written as it starts (null: withdrawn).
  const launch: MeasureLaunch | null =
    period > 1
      ? await issuePeriod({ documentId, measureId, period })
      : patched(BY_ID)
        ? await measureLaunch(documentId, measureId)
        : null;
  const tasks: TaskWorkflowInput[] = launch
    ? launch.tasks.map((task) => taskWorkflowInput(launch, task))
    : (input.tasks ?? []);
  const next: NextPeriod | null = launch?.next ?? null;
  for (const { taskId, agencyName, role } of tasks) run.add({ taskId, agencyName, role, replaces: null, period });
  const children = await Promise.all(
    tasks.map((task) =>
      startChild(taskWorkflow, {
        workflowId: taskWorkflowId(task.taskId),
        args: [task],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  if (!patched(TRACKS)) {
    await closeWhenDone(tasks, children);
    return children.length;
  }
  children.forEach((child, i) => {
    const { taskId } = tasks[i];
    // A child terminated by hand owes nothing any more.
    void child.result().then(
      (snapshot) => run.final(taskId, snapshot.state),
      () => run.final(taskId, 'cancelled'),
    );
  });
  for (;;) {
    if (await run.closeDone()) continue;
    if (!next && run.allFinal()) break;
    const seen = run.version;
    const changed = () => run.version !== seen;
    if (!next) {
      await condition(changed);
      continue;
    }
    const wait = Date.parse(next.issueAt) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    // The next period starts: a run of its own, carrying the periods still open (bounded history).
    await condition(allHandlersFinished);
    return continueAsNew<typeof measureWorkflow>({
      documentId,
      measureId,
      period: next.period,
      carry: run.carry(),
    });
  }
  await condition(allHandlersFinished);
  return children.length;
}

// Rule 9 (issue 9): once the measure is done, its cooperating, guiding and implied tasks still
// open close with it and stop escalating. Runs before `measure-closes-its-tasks` only waited.
async function closeWhenDone(tasks: TaskWorkflowInput[], children: ChildWorkflowHandle<typeof taskWorkflow>[]) {
  const states: TaskState[] = tasks.map(() => 'issued');
  let sent = false;
  const finished = async (i: number, state: TaskState) => {
    // As these runs always read it: a reassigned task counted as a final one that was not accepted.
    states[i] = state === 'reassigned' ? 'cancelled' : state;
    const facts = tasks.map((t, j) => ({ role: t.role, state: states[j], index: j }));
    const open = closedWithMeasure(facts);
    if (sent || open.length === 0 || !patched('measure-closes-its-tasks')) return;
    sent = true;
    const doneBy = facts.filter((f) => f.state === 'accepted').map((f) => tasks[f.index].agencyName);
    // By id, not the child handle: a child that continued as new is reached in its current run.
    await Promise.all(
      open.map(
        (f) =>
          getExternalWorkflowHandle(children[f.index].workflowId)
            .signal(measureDoneSignal, { doneBy })
            .catch(() => undefined), // finished meanwhile: nothing to close
      ),
    );
  };
  await Promise.all(children.map((child, i) => child.result().then((snapshot) => finished(i, snapshot.state))));
}

/** One workflow per launched document: starts a child per measure. */
export async function documentWorkflow(input: DocumentWorkflowInput): Promise<number> {
  let measures: MeasureWorkflowInput[] = input.measures ?? [];
  if (patched(BY_ID)) {
    const { documentId } = input;
    measures = (await launchMeasureIds(documentId)).map((measureId) => ({ documentId, measureId }));
  }
  const children = await Promise.all(
    measures.map((measure) =>
      startChild(measureWorkflow, {
        workflowId: measureWorkflowId(measure.measureId),
        args: [measure],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  const counts = await Promise.all(children.map((child) => child.result()));
  return counts.reduce((a, b) => a + b, 0);
}
