import { makeCalendar } from '../calendar/domain/working-days';
import { DEFAULT_LADDER } from '../clock/domain/ladder';
import { prcCalendarWithShiftedYears } from '../../test/factories/prc-calendar';
import { createTaskActivities } from './task.activities';

describe('planTaskDeadline', () => {
  const data = prcCalendarWithShiftedYears(1);
  const plan = (provisional: number[]) => {
    const raised: number[][] = [];
    const activities = createTaskActivities({
      events: { record: () => Promise.resolve('recorded') },
      calendar: { getWorkCalendar: () => Promise.resolve(makeCalendar({ ...data, provisional })) },
      provisionalYears: {
        raise: (years) => {
          raised.push([...years]);
          return Promise.resolve();
        },
      },
    });
    const ledger = [{ kind: 'set' as const, dueDate: '2026-12-31', basis: 't', by: 's', at: '', reason: '下发' }];
    return {
      raised,
      run: activities.planTaskDeadline({ ledger, ladder: DEFAULT_LADDER, cadence: null, issuedOn: '2026-12-01' }),
    };
  };

  it('raises the notice of a provisional year its plan uses (issue 9), and none when the year is official', async () => {
    const provisional = plan([2027]);
    expect((await provisional.run).provisionalYears).toEqual([2027]);
    expect(provisional.raised).toEqual([[2027]]);
    const official = plan([]);
    expect((await official.run).provisionalYears).toEqual([]);
    expect(official.raised).toEqual([]);
  });
});
