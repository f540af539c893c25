import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AuthError, type AuthErrorCode } from '../../../../libs/auth';
import { CalendarError, type CalendarErrorCode, CalendarGapError } from '../../../../libs/calendar';
import { NotificationError, type NotificationErrorCode } from '../../../../libs/notifications';
import { DocumentError, type DocumentErrorCode } from '../../../../libs/documents';
import { TaskError, type TaskErrorCode } from '../../../../libs/tasks';

/** A request the API itself refused before reaching a context (validation, size, routing). */
export class RequestError extends Error {
  constructor(
    readonly code: 'VALIDATION_FAILED',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  errorId?: string;
}

function documentStatus(code: DocumentErrorCode): number {
  switch (code) {
    case 'EMPTY_DOCUMENT':
    case 'NOT_TEXT':
    case 'NOT_UTF8':
    case 'INVALID_CORRECTION':
      return 400;
    case 'TEXT_TOO_LONG':
      return 413;
    case 'NO_MEASURES':
      return 422;
    case 'DOCUMENT_NOT_FOUND':
    case 'IMPORT_NOT_FOUND':
    case 'AGENCY_NOT_FOUND':
    case 'GROUP_NOT_FOUND':
      return 404;
    case 'IMPORT_CONFIRMED':
    case 'UNRESOLVED_PARTIES':
    case 'AGENCY_EXISTS':
    case 'ALIAS_TAKEN':
      return 409;
  }
}

function taskStatus(code: TaskErrorCode): number {
  switch (code) {
    case 'TASK_NOT_FOUND':
    case 'DOCUMENT_NOT_FOUND':
      return 404;
    case 'INVALID_DATE':
    case 'EVIDENCE_REQUIRED':
    case 'REASON_REQUIRED':
    case 'NOTE_REQUIRED':
    case 'DUE_REQUIRED':
    case 'INVALID_LADDER':
      return 400;
    case 'DUE_DATE_IN_PAST':
    case 'CALENDAR_NOT_COVERED':
    case 'EXTENSION_TOO_LATE':
    case 'EXTENSION_LIMIT':
      return 422;
    case 'NOT_LAUNCHED':
    case 'ALREADY_LAUNCHED':
    case 'INVALID_TRANSITION':
    case 'EXTENSION_PENDING':
    case 'NO_PENDING_EXTENSION':
    case 'ALREADY_PAUSED':
    case 'NOT_PAUSED':
      return 409;
    case 'WORKFLOW_UNAVAILABLE':
      return 503;
  }
}

function authStatus(code: AuthErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'TOKEN_INVALID':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'WEAK_PASSWORD':
      return 400;
    case 'USER_NOT_FOUND':
      return 404;
    case 'USERNAME_TAKEN':
      return 409;
  }
}

function notificationStatus(code: NotificationErrorCode): number {
  switch (code) {
    case 'NOTIFICATION_NOT_FOUND':
    case 'INBOX_ITEM_NOT_FOUND':
    case 'WEBHOOK_NOT_FOUND':
    case 'AGENCY_NOT_FOUND':
      return 404;
  }
}

function calendarStatus(code: CalendarErrorCode): number {
  switch (code) {
    case 'INVALID_DATE':
    case 'REASON_REQUIRED':
      return 400;
    case 'INVALID_CALENDAR':
      return 422;
    case 'YEAR_NOT_FOUND':
      return 404;
    case 'CALENDAR_NOT_COVERED':
      return 422;
  }
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The one place where errors become HTTP answers: every body has a code and a message. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const body = this.toBody(error, http.getRequest<Request>());
    res.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, req: Request): ErrorBody {
    if (error instanceof DocumentError) {
      return {
        statusCode: documentStatus(error.code),
        code: error.code,
        message: error.message,
        details: error.details,
      };
    }
    if (error instanceof TaskError) {
      return { statusCode: taskStatus(error.code), code: error.code, message: error.message, details: error.details };
    }
    if (error instanceof AuthError) {
      return { statusCode: authStatus(error.code), code: error.code, message: error.message };
    }
    if (error instanceof NotificationError) {
      return { statusCode: notificationStatus(error.code), code: error.code, message: error.message };
    }
    if (error instanceof CalendarError) {
      return {
        statusCode: calendarStatus(error.code),
        code: error.code,
        message: error.message,
        details: error.details,
      };
    }
    if (error instanceof CalendarGapError) {
      return {
        statusCode: calendarStatus(error.code),
        code: error.code,
        message: error.message,
        details: { year: error.year },
      };
    }
    if (error instanceof RequestError) {
      return { statusCode: 400, code: error.code, message: error.message, details: error.details };
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? 'BAD_REQUEST',
        message: this.httpMessage(status, error),
      };
    }
    // body-parser errors carry their own 4xx status (malformed JSON, too large, bad charset).
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST',
        message: status === 413 ? '请求体过大' : `请求体无法解析：${(error as Error).message}`,
      };
    }
    const errorId = randomUUID();
    // The stack goes to the log only; the caller gets the errorId to quote.
    this.logger.error({ errorId, requestId: req.id, err: error }, 'unexpected error');
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请将 errorId 告知管理员', errorId };
  }

  private httpMessage(status: number, error: HttpException): string {
    if (status === 404) return '请求的地址不存在';
    if (status === 429) return '请求过于频繁，请稍后再试';
    return `请求有误：${error.message}`;
  }
}
