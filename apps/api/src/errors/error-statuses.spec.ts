import { AUTH_ERRORS, AuthError } from '../../../../libs/auth';
import { CALENDAR_ERRORS, CalendarError, CalendarGapError } from '../../../../libs/calendar';
import { DOCUMENT_ERRORS, DocumentError } from '../../../../libs/documents';
import { DomainError } from '../../../../libs/errors';
import { EVIDENCE_ERRORS, EvidenceError } from '../../../../libs/evidence';
import { CIRCULAR_ERRORS, CircularError } from '../../../../libs/circulars';
import { LEDGER_ERRORS, LedgerError } from '../../../../libs/ledger';
import { NOTIFICATION_ERRORS, NotificationError } from '../../../../libs/notifications';
import { NOTICE_ERRORS, NoticeError } from '../../../../libs/notices';
import { TASK_ERRORS, TaskError } from '../../../../libs/tasks';
import { UPDATE_REJECTIONS } from '../../../../libs/tasks/task.definitions';
import { ERROR_STATUSES, ERROR_TABLES } from './error-statuses';

describe('error codes', () => {
  it('are declared in exactly one table each, so no two contexts give a code different statuses', () => {
    const owners = new Map<string, string[]>();
    for (const [context, table] of Object.entries(ERROR_TABLES)) {
      for (const code of Object.keys(table)) owners.set(code, [...(owners.get(code) ?? []), context]);
    }
    const shared = [...owners].filter(([, contexts]) => contexts.length > 1);
    expect(shared).toEqual([]);
    expect(Object.keys(ERROR_STATUSES).sort()).toEqual([...owners.keys()].sort());
  });

  it('map to the statuses the API answered with before the tables', () => {
    expect(ERROR_STATUSES).toMatchObject({
      DOCUMENT_NOT_FOUND: 404,
      AGENCY_NOT_FOUND: 404,
      INVALID_DATE: 400,
      REASON_REQUIRED: 400,
      CALENDAR_NOT_COVERED: 422,
      TEXT_TOO_LONG: 413,
      WORKFLOW_UNAVAILABLE: 503,
      TOKEN_INVALID: 401,
      FORBIDDEN: 403,
      YEAR_NOT_FOUND: 404,
      INVALID_CALENDAR: 422,
      AS_OF_IN_FUTURE: 422,
    });
    for (const status of Object.values(ERROR_STATUSES))
      expect([400, 401, 403, 404, 409, 413, 415, 422, 503]).toContain(status);
  });

  it('cover every code the workflow can reject an update with', () => {
    for (const code of UPDATE_REJECTIONS) expect(ERROR_STATUSES[code]).toBeDefined();
  });

  it('are carried by one DomainError base in every context', () => {
    const errors = [
      new DocumentError('DOCUMENT_NOT_FOUND', '找不到文件'),
      new TaskError('TASK_NOT_FOUND', '找不到任务'),
      new AuthError('FORBIDDEN', '无权执行此操作'),
      new NotificationError('WEBHOOK_NOT_FOUND', '找不到 webhook'),
      new CalendarError('YEAR_NOT_FOUND', '工作日历中没有 2099 年'),
      new CalendarGapError(2099),
      new EvidenceError('PERSONAL_DATA', '疑似手机号码'),
      new LedgerError('AS_OF_IN_FUTURE', '截至日期晚于今天'),
      new CircularError('AS_OF_NOT_CLOSED', '截至日期须早于今天'),
      new NoticeError('NOTICE_FONT_MISSING', '缺少中文字体'),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(DomainError);
      expect(ERROR_STATUSES[e.code]).toBeDefined();
    }
    expect(new CalendarGapError(2099).details).toEqual({ year: 2099 });
    // Referenced so a context's table cannot silently drop out of the registry.
    expect(Object.keys(ERROR_TABLES)).toHaveLength(10);
    expect([
      DOCUMENT_ERRORS,
      TASK_ERRORS,
      AUTH_ERRORS,
      NOTIFICATION_ERRORS,
      CALENDAR_ERRORS,
      EVIDENCE_ERRORS,
      LEDGER_ERRORS,
      CIRCULAR_ERRORS,
      NOTICE_ERRORS,
    ]).toHaveLength(9);
  });
});
