import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { ApiConfig } from '../../../../libs/config';
import { isOpsPath } from './ops-paths';

/** JSON lines on stdout, one per request plus whatever the app logs, each carrying the request id. */
export function loggerParams(config: ApiConfig): Params {
  return {
    pinoHttp: {
      level: config.log.level,
      // assignRequestId (bootstrap) has already set it; the fallback covers a request that skipped it.
      genReqId: (req: IncomingMessage) => req.id ?? randomUUID(),
      // Logs written while handling a request carry only its id, not the whole request again.
      quietReqLogger: true,
      autoLogging: { ignore: (req: IncomingMessage) => isOpsPath(req.url) },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
  };
}
