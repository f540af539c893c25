import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../../libs/errors';
import { ERROR_STATUSES } from './error-statuses';

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
    // One lookup in the merged table of every context's codes (error-statuses.ts).
    const domain: DomainError | null = error instanceof DomainError ? (error as DomainError) : null;
    const domainStatus = domain ? ERROR_STATUSES[domain.code] : undefined;
    if (domain && domainStatus !== undefined) {
      return { statusCode: domainStatus, code: domain.code, message: domain.message, details: domain.details };
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
