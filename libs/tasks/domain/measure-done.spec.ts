import type { TaskRole, TaskState } from './task-state';
import { closedWithMeasure, currentTasks, isMeasureDone, rosterFinal } from './measure-done';

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

describe('the current tasks of a measure', () => {
  const r = (taskId: string, role: TaskRole, state: TaskState, replaces: string | null = null, period = 1) => ({
    taskId,
    agencyName: taskId,
    role,
    state,
    replaces,
    period,
  });

  it('a reassigned task is not done by ending: its successor stands in', () => {
    expect(isMeasureDone([t('lead', 'reassigned'), t('shared', 'accepted')])).toBe(true);
    const roster = [r('a', 'lead', 'reassigned'), r('b', 'lead', 'in_progress', 'a'), r('c', 'shared', 'accepted')];
    expect(currentTasks(roster, 1).map((x) => x.taskId)).toEqual(['b', 'c']);
    expect(isMeasureDone(currentTasks(roster, 1))).toBe(false);
    expect(rosterFinal(roster)).toBe(false);
    const accepted = [roster[0], { ...roster[1], state: 'accepted' as const }, roster[2]];
    expect(isMeasureDone(currentTasks(accepted, 1))).toBe(true);
    expect(rosterFinal(accepted)).toBe(true);
  });

  it('a reassigned task whose successor is not known yet is still owed', () => {
    const roster = [r('a', 'lead', 'reassigned'), r('c', 'shared', 'accepted'), r('d', 'cooperating', 'issued')];
    expect(currentTasks(roster, 1)[0].state).toBe('issued');
    expect(closedWithMeasure(currentTasks(roster, 1))).toEqual([]);
    expect(rosterFinal(roster)).toBe(false);
  });

  it('reads each period on its own', () => {
    const roster = [
      r('a', 'lead', 'accepted'),
      r('b', 'lead', 'issued', null, 2),
      r('c', 'cooperating', 'issued', null, 2),
    ];
    expect(currentTasks(roster, 2).map((x) => x.taskId)).toEqual(['b', 'c']);
    expect(closedWithMeasure(currentTasks(roster, 2))).toEqual([]);
    expect(rosterFinal(roster)).toBe(false);
  });
});
