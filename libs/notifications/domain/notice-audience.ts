import { AUDIENCES } from '../../clock/domain/ladder';

/**
 * Whom a notification is for: the audiences a ladder rung can address, and admins, who receive
 * notices about the system itself (a provisional calendar year) rather than about a task.
 */
export const NOTICE_AUDIENCES = [...AUDIENCES, 'admin'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
