import { DEFAULT_LADDER } from '../../clock/domain/ladder';
import { rungTargets } from './cooperation';

describe('whom a rung of a task reaches', () => {
  it('a cooperating task: its own liaisons and the lead, never leaders or coordinators', () => {
    const targets = DEFAULT_LADDER.map((r) => rungTargets('cooperating', r.audience));
    expect(targets).toEqual([['liaison'], ['liaison', 'lead'], ['liaison', 'lead'], ['lead']]);
    expect(targets.flat()).not.toContain('leader');
  });

  it('every other role: the ladder as configured', () => {
    for (const role of ['lead', 'shared', 'guiding', 'implied'] as const) {
      expect(DEFAULT_LADDER.map((r) => rungTargets(role, r.audience))).toEqual(DEFAULT_LADDER.map((r) => r.audience));
    }
  });
});
