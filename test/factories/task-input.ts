import { randomUUID } from 'node:crypto';
import { DEFAULT_LADDER } from '../../libs/clock/domain/ladder';
import type { TaskWorkflowInput } from '../../libs/tasks/task.definitions';

/** A task launched on `issuedOn` and due on `dueDate`, with the default ladder. */
export function taskInput(dueDate: string, overrides: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput {
  return {
    taskId: randomUUID(),
    documentId: randomUUID(),
    measureId: randomUUID(),
    measureTitle: '（一）筑牢基本生活保障底线',
    agencyName: '市民政局',
    role: 'shared',
    dueDate,
    dueBasis: 'test',
    ladder: DEFAULT_LADDER,
    maxExtensions: 2,
    cadence: null,
    issuedOn: '2026-11-01',
    ...overrides,
  };
}
