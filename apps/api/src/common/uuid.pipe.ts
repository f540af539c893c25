import { ParseUUIDPipe } from '@nestjs/common';
import { RequestError } from '../errors/api-error.filter';

/** Path ids must be UUIDs; anything else is a 400, not a database error. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new RequestError('VALIDATION_FAILED', '路径中的 id 必须是 UUID'),
});
