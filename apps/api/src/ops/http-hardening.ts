import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { ApiConfig } from '../../../../libs/config';
import { MetricsService } from './metrics.service';
import { REQUEST_ID_HEADER, assignRequestId } from './request-id';

/**
 * Middleware that must run before body parsing, so that requests refused there (too large,
 * malformed) still get an id, security headers and a latency sample.
 */
export function applyHttpHardening(app: NestExpressApplication, config: ApiConfig): void {
  app.set('trust proxy', config.http.trustProxy);
  app.use(assignRequestId);
  app.use(app.get(MetricsService).observeHttp);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Helmet's defaults suit the Swagger UI at /docs (its scripts are files, its styles inline);
        // upgrade-insecure-requests would break it on a plain-HTTP intranet address.
        directives: { upgradeInsecureRequests: null },
      },
    }),
  );
  // No CORS middleware at all unless origins are listed: browsers on other origins get no grant.
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      exposedHeaders: [REQUEST_ID_HEADER],
      maxAge: 600,
    });
  }
}
