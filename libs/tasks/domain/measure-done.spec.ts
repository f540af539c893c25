import type { TaskRole, TaskState } from './task-state';
import { closedWithMeasure, isMeasureDone } from './measure-done';

const t = (role: TaskRole, state: TaskState) => ({ role, state });

describe('isMeasureDone', () => {
  it('is done when every lead and shared task is closed and one was accepted, whatever the cooperators do', () => {
    expect(isMeasureDone([t('lead', 'accepted'), t('cooperating', 'in_progress'), t('guiding', 'issued')])).toBe(true);
    expect(isMeasureDone([t('lead', 'accepted'), t('shared', 'cancelled')])).toBe(true);
    expect(isMeasureDone([t('lead', 'accepted'), t('shared', 'submitted')])).toBe(false);
    expect(isMeasureDone([t('lead', 'cancelled')])).toBe(false);
  });

  it('lets the coordinator close a measure whose parties are only guiding or implied', () => {
    expect(isMeasureDone([t('guiding', 'accepted'), t('implied', 'cancelled')])).toBe(true);
    expect(isMeasureDone([t('guiding', 'accepted'), t('implied', 'in_progress')])).toBe(false);
    expect(isMeasureDone([t('implied', 'issued')])).toBe(false);
  });

  it('is never done without tasks', () => {
    expect(isMeasureDone([])).toBe(false);
  });
});

describe('closedWithMeasure', () => {
  it('names the open cooperating and guiding tasks of a done measure, and none of an open one', () => {
    const coop = t('cooperating', 'in_progress');
    const guide = t('guiding', 'issued');
    expect(closedWithMeasure([t('lead', 'accepted'), coop, guide, t('cooperating', 'accepted')])).toEqual([
      coop,
      guide,
    ]);
    expect(closedWithMeasure([t('lead', 'submitted'), coop])).toEqual([]);
  });

  it('counts a task closed with its measure as final, never as the acceptance that makes it done', () => {
    expect(closedWithMeasure([t('lead', 'accepted'), t('cooperating', 'closed')])).toEqual([]);
    expect(isMeasureDone([t('guiding', 'closed'), t('implied', 'cancelled')])).toBe(false);
  });
});
