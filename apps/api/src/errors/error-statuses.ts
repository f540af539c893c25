import { AUTH_ERRORS } from '../../../../libs/auth';
import { CALENDAR_ERRORS } from '../../../../libs/calendar';
import { DOCUMENT_ERRORS } from '../../../../libs/documents';
import { EVIDENCE_ERRORS } from '../../../../libs/evidence';
import { LEDGER_ERRORS } from '../../../../libs/ledger';
import { CIRCULAR_ERRORS } from '../../../../libs/circulars';
import { SHARED_ERRORS } from '../../../../libs/errors';
import { NOTIFICATION_ERRORS } from '../../../../libs/notifications';
import { NOTICE_ERRORS } from '../../../../libs/notices';
import { TASK_ERRORS } from '../../../../libs/tasks';

/** Each context's code table, by context; a code appears in exactly one of them (error-statuses.spec.ts). */
export const ERROR_TABLES = {
  shared: SHARED_ERRORS,
  documents: DOCUMENT_ERRORS,
  tasks: TASK_ERRORS,
  auth: AUTH_ERRORS,
  notifications: NOTIFICATION_ERRORS,
  calendar: CALENDAR_ERRORS,
  evidence: EVIDENCE_ERRORS,
  ledger: LEDGER_ERRORS,
  circulars: CIRCULAR_ERRORS,
  notices: NOTICE_ERRORS,
} as const;

/** Every DomainError code the API can answer with, and its HTTP status. */
export const ERROR_STATUSES: Readonly<Record<string, number>> = Object.assign(
  {},
  ...Object.values(ERROR_TABLES),
) as Record<string, number>;
