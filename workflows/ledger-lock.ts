import { condition, patched } from '@temporalio/workflow';

// Runs before this lock let overlapping ledger changes proceed side by side; their histories replay so.
const SERIALISED_LEDGER = 'serialised-ledger';

// Lets one ledger change run at a time, in arrival order. Uncontended, the change starts at once
// and its promise is returned as is: no await, no extra tick, no command (`condition` without a
// timeout adds none), so the commands come out exactly as without the lock.
export class LedgerLock {
  private issued = 0;
  private done = 0;

  // A change is running: its plan is not written yet.
  get busy(): boolean {
    return this.issued > this.done;
  }

  // `recheck` throws if the change is no longer allowed once its turn has come.
  run<T>(recheck: () => void, change: () => Promise<T>): Promise<T> {
    const ticket = this.issued++;
    if (ticket > this.done && patched(SERIALISED_LEDGER)) return this.afterTurn(ticket, recheck, change);
    const release = () => {
      this.done += 1;
    };
    let result: Promise<T>;
    try {
      result = change();
    } catch (err) {
      release();
      throw err;
    }
    void result.then(release, release);
    return result;
  }

  private async afterTurn<T>(ticket: number, recheck: () => void, change: () => Promise<T>): Promise<T> {
    try {
      await condition(() => this.done >= ticket);
      recheck();
      return await change();
    } finally {
      this.done += 1;
    }
  }
}
