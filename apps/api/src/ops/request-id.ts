import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// A caller's id is kept only if it is short and plain, so it can't smuggle text into logs or headers.
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id before anything else runs (body parsing included), so an error at
 * any stage can be traced: the caller's X-Request-Id when well-formed, else a new UUID.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, String(req.id));
  next();
}
