import type { DataSource } from 'typeorm';
import { digestDay, digestSubject, digestText } from './domain/digest';
import type { NotificationsRepository } from './notifications.repository';

/** Writes digest notices: one notification without a task, listing the rung notices of its key (a leader's addressed to them). */
export class DigestStore {
  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationsRepository,
  ) {}

  async firstPart(key: string): Promise<number> {
    return (await this.notifications.digestCount(key)) + 1;
  }

  /**
   * In one transaction under the key's lock: the digest (key, part) if it was written already (a
   * retry), else one of the key's notices that no digest holds yet, or null when there are none.
   */
  compose(key: string, part: number): Promise<string | null> {
    const subject = digestSubject(key, part);
    return this.db.transaction(async (tx) => {
      await this.notifications.lockDigestKey(key, tx);
      const written = await this.notifications.digestBySubject(subject, tx);
      if (written) return written;
      const members = await this.notifications.pendingDigestMembers(key, tx);
      if (members.length === 0) return null;
      const [first] = members;
      const message = digestText({
        audience: first.audience,
        label: first.label ?? '提醒',
        day: digestDay(key),
        items: members.map((m) => ({
          measure: m.measure,
          agency: m.agency,
          ownAgency: m.ownAgency,
          dueDate: m.dueDate,
          message: m.message,
        })),
      });
      return this.notifications.insertDigest(
        {
          key,
          subject,
          audience: first.audience,
          agencyId: first.audience === 'liaison' ? first.agencyId : null,
          documentId: first.audience === 'coordinator' ? first.documentId : null,
          userId: first.userId,
          message,
          memberIds: members.map((m) => m.id),
        },
        tx,
      );
    });
  }
}
