import type { DataSource } from 'typeorm';
import { provisionalYearText } from './domain/notice-texts';
import type { NotificationsRepository } from './notifications.repository';

export const provisionalYearSubject = (year: number): string => `provisional-year:${year}`;

/**
 * One notice per provisional calendar year to admins and coordinators, however many tasks plan
 * on it (issue 9): raised by the first plan that uses the year. Repeat-safe across processes (the
 * subject is unique per audience) and after a crash (a repeat starts the deliveries that did not
 * start; their workflow ids make a second start a no-op). Each process asks once per year.
 */
export class ProvisionalYearNotices {
  private readonly raised = new Set<number>();

  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: { startFor(notificationIds: string[]): Promise<void> },
  ) {}

  async raise(years: readonly number[]): Promise<void> {
    for (const year of years) {
      if (this.raised.has(year)) continue;
      const subject = provisionalYearSubject(year);
      const message = provisionalYearText(year);
      await this.db.transaction((tx) =>
        this.notifications.insertSystemNotice(
          subject,
          [
            { audience: 'admin', message },
            { audience: 'coordinator', message },
          ],
          tx,
        ),
      );
      await this.deliveries.startFor(await this.notifications.idsOfSubject(subject));
      this.raised.add(year);
    }
  }
}
