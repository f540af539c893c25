import { type ArgumentsHost, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiErrorFilter, type ErrorBody } from './api-error.filter';

describe('an unexpected error', () => {
  it('is logged with an errorId and the request id, and answered with the errorId but no stack', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let sent: ErrorBody | undefined;
    let status = 0;
    const res = {
      status: (s: number) => {
        status = s;
        return res;
      },
      json: (body: ErrorBody) => {
        sent = body;
        return res;
      },
    } as unknown as Response;
    const req = { id: 'req-42' } as unknown as Request;
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
    } as unknown as ArgumentsHost;

    const boom = new Error('connection reset by peer at /srv/duban/secret.ts:12');
    new ApiErrorFilter().catch(boom, host);

    expect(status).toBe(500);
    expect(sent).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: '服务器内部错误，请将 errorId 告知管理员',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    expect(JSON.stringify(sent)).not.toContain('secret.ts');
    expect(logged).toHaveBeenCalledWith({ errorId: sent?.errorId, requestId: 'req-42', err: boom }, 'unexpected error');
    logged.mockRestore();
  });
});
