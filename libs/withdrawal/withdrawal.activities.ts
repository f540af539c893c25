import type { WithdrawalPage, WithdrawalScope } from './withdrawal.definitions';

export interface WithdrawalActivityDeps {
  tasks: {
    /** Tasks of the scope with a workflow that is not final, in id order after `after`. */
    runningTaskWorkflows(
      scope: WithdrawalScope,
      id: string,
      after: string | null,
      limit: number,
    ): Promise<WithdrawalPage['tasks']>;
  };
}

/** Activities of the withdrawal fan-out, built from injected services. */
export function createWithdrawalActivities(deps: WithdrawalActivityDeps) {
  return {
    async tasksToWithdraw(input: {
      scope: WithdrawalScope;
      id: string;
      after: string | null;
      limit: number;
    }): Promise<WithdrawalPage> {
      return { tasks: await deps.tasks.runningTaskWorkflows(input.scope, input.id, input.after, input.limit) };
    },
  };
}
