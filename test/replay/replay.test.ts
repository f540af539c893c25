import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(__dirname, 'histories');
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Today's workflow code must replay the committed histories of earlier runs: a change that would
 * break running workflows fails here (guard it with patched() instead). New histories come from
 * scripts/record-histories.mjs.
 */
describe('workflow replay', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(4);
  });

  it.each(histories)('replays %s', async (file) => {
    const history: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, file),
    ).resolves.toBeUndefined();
  });
});
