import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createTaskActivities } from '../libs/tasks/task.activities';
import type { RungKey, TaskAction, TaskEventType, TaskState } from '../libs/tasks/domain/task-state';
import { isFinal, isOpenForAgency, transition } from '../libs/tasks/domain/task-state';
import type {
  ActorInput,
  ProgressInput,
  ReviewInput,
  SubmitInput,
  TaskSnapshot,
  TaskWorkflowInput,
  UpdateRejection,
} from './task.definitions';
import { acknowledgeUpdate, progressUpdate, reviewUpdate, snapshotQuery, submitUpdate } from './task.definitions';

const { recordTaskEvent } = proxyActivities<ReturnType<typeof createTaskActivities>>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '30 seconds' },
});

const RUNG_AUDIENCE: Record<RungKey, string[]> = {
  reminder: ['liaison'],
  overdue: ['liaison', 'coordinator'],
};

function reject(type: UpdateRejection, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

function requireText(value: string | undefined, type: UpdateRejection, message: string): void {
  if (typeof value !== 'string' || value.trim() === '') reject(type, message);
}

/** One agency's share of one measure, from issue to acceptance. */
export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskSnapshot> {
  let state: TaskState = 'draft';
  let seq = 0;
  const fired: string[] = [];
  const snapshot = (): TaskSnapshot => ({ taskId: input.taskId, state, seq, firedRungs: [...fired] });

  // State and seq change before the write so that validators of concurrent updates see
  // the new state at once; the store applies events by seq, so arrival order does not matter.
  const record = async (type: TaskEventType, to: TaskState, actor: string, detail: Record<string, unknown>) => {
    const event = { taskId: input.taskId, seq: ++seq, type, fromState: state, toState: to, actor, detail };
    state = to;
    await recordTaskEvent({ ...event, occurredAt: new Date().toISOString() });
    return snapshot();
  };
  const act = (action: TaskAction, actor: string, detail: Record<string, unknown>) => {
    const result = transition(state, action);
    if (!result.ok) reject(result.code, result.message);
    return record(action, result.to, actor, detail);
  };
  const mustAllow = (action: TaskAction) => {
    const result = transition(state, action);
    if (!result.ok) reject(result.code, result.message);
  };

  setHandler(snapshotQuery, snapshot);
  setHandler(acknowledgeUpdate, ({ actor }) => act('acknowledge', actor, {}), {
    validator: (_input: ActorInput) => mustAllow('acknowledge'),
  });
  setHandler(progressUpdate, ({ actor, note }) => act('progress', actor, { note }), {
    validator: ({ note }: ProgressInput) => {
      requireText(note, 'NOTE_REQUIRED', '进展情况不能为空');
      mustAllow('progress');
    },
  });
  setHandler(submitUpdate, ({ actor, evidence }) => act('submit', actor, { evidence }), {
    validator: ({ evidence }: SubmitInput) => {
      requireText(evidence, 'EVIDENCE_REQUIRED', '提交办结须附佐证材料说明（evidence 不能为空）');
      mustAllow('submit');
    },
  });
  setHandler(
    reviewUpdate,
    ({ actor, decision, reason }) => act(decision, actor, decision === 'return' ? { reason } : {}),
    {
      validator: ({ decision, reason }: ReviewInput) => {
        if (decision === 'return') requireText(reason, 'REASON_REQUIRED', '退回须说明理由（reason 不能为空）');
        mustAllow(decision === 'accept' ? 'accept' : 'return');
      },
    },
  );

  await act('issue', 'system', { dueDate: input.dueDate, agency: input.agencyName, role: input.role });

  for (const rung of input.rungs) {
    const wait = Date.parse(rung.at) - Date.now();
    if (wait > 0 && (await condition(() => isFinal(state), wait))) break;
    // A submitted task waits for review; if it is returned, the missed rung fires then.
    await condition(() => isOpenForAgency(state) || isFinal(state));
    if (isFinal(state)) break;
    fired.push(rung.key);
    await record(rung.key, state, 'system', {
      rule: rung.key,
      day: rung.day,
      plannedAt: rung.at,
      dueDate: input.dueDate,
      audience: RUNG_AUDIENCE[rung.key],
    });
  }

  await condition(() => isFinal(state));
  // Let the update that made the task final finish its write and answer its caller.
  await condition(allHandlersFinished);
  return snapshot();
}
