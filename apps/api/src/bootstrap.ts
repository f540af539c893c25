import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ValidationError } from 'class-validator';
import { Logger } from 'nestjs-pino';
import { apiConfig } from '../../../libs/config';
import { noNulAnywherePipe } from './common/no-nul.pipe';
import { RequestError } from './errors/api-error.filter';
import { AppModule } from './app.module';
import { serveOpenApi } from './openapi/openapi-document';
import { applyHttpHardening } from './ops/http-hardening';
import { API_PREFIX, OPS_ROUTES } from './ops/ops-paths';

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...describe(e.children ?? [], prefix ? `${prefix}.${e.property}` : e.property),
  ]);
}

/** Builds the HTTP app; shared by main.ts and the tests so both run the same pipeline. */
export async function createApi(): Promise<INestApplication> {
  const config = apiConfig();
  // Nest's own lines are held until pino takes over, so they come out as JSON like the rest.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  applyHttpHardening(app, config);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  // Plain-text uploads arrive as bytes so the importer can refuse non-UTF-8 content itself.
  app.useBodyParser('raw', { type: 'text/plain', limit: config.http.bodyLimit });
  app.useGlobalPipes(
    noNulAnywherePipe,
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const problems = describe(errors);
        return new RequestError('VALIDATION_FAILED', `请求参数有误：${problems.join('；')}`, { problems });
      },
    }),
  );
  // The web app owns the other paths; probes stay at the root where orchestrators look for them.
  app.setGlobalPrefix(API_PREFIX, { exclude: OPS_ROUTES });
  app.enableShutdownHooks();
  serveOpenApi(app);
  return app;
}
