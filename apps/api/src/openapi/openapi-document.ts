import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ACCESS_KEY, type AccessRule } from '../auth/access.decorator';
import { ApiErrorDto, errorDescription } from '../common/common.dto';
import { SCHEMA_RULES } from './schema-rules';

/** Serves the OpenAPI document at /api/docs (page) and /api/docs/openapi.json, as the API really answers. */
export function serveOpenApi(app: INestApplication): void {
  const openApi = new DocumentBuilder()
    .setTitle('督办 Duban API')
    .setDescription('政策文件分解、下发、督办与办理情况')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup(
    'docs',
    app,
    () => describeErrors(SwaggerModule.createDocument(app, openApi, { extraModels: [ApiErrorDto] }), routeFacts(app)),
    { jsonDocumentUrl: 'docs/openapi.json', useGlobalPrefix: true },
  );
}

/** What the guards know about a route: who may call it and whether the rate limits count it. */
interface RouteFacts {
  access: AccessRule | undefined;
  rateLimited: boolean;
}

// @nestjs/throttler's SkipThrottle metadata key (THROTTLER_SKIP + throttler name); not exported.
const THROTTLER_SKIP = 'THROTTLER:SKIP';
const THROTTLERS = ['default', 'write', 'auth'];

/** Route facts by OpenAPI operationId (`Controller_method`, @nestjs/swagger's default). */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (typeof type !== 'function') continue;
      const proto = type.prototype as object;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const handler = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown;
        if (key === 'constructor' || typeof handler !== 'function') continue;
        // Handler first, then class: the guards' getAllAndOverride order.
        const meta = (k: string): unknown => Reflect.getMetadata(k, handler) ?? Reflect.getMetadata(k, type);
        facts.set(`${type.name}_${key}`, {
          access: meta(ACCESS_KEY) as AccessRule | undefined,
          rateLimited: !THROTTLERS.every((name) => meta(THROTTLER_SKIP + name) === true),
        });
      }
    }
  }
  return facts;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * Makes the generated document say what the API answers: the ApiErrorDto error responses every
 * route of a kind can give (route-specific ones such as 409 and 422 come from @ApiErrors on the
 * routes), `security: []` on public routes, closed request bodies (forbidNonWhitelisted) and the
 * JSON Schema rules a DTO's decorators cannot state (SchemaRules).
 */
function describeErrors(doc: OpenAPIObject, facts: Map<string, RouteFacts>): OpenAPIObject {
  const schemas = (doc.components ??= {}).schemas ?? {};
  doc.components.schemas = schemas;
  for (const [name, rules] of Object.entries(SCHEMA_RULES)) {
    if (schemas[name]) Object.assign(schemas[name], rules);
  }
  const errorSchema: ReferenceObject = { $ref: `#/components/schemas/${ApiErrorDto.name}` };
  const bodySchemas = new Set<string>();
  for (const [path, item] of Object.entries<PathItemObject>(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const route = facts.get(op.operationId ?? '');
      const add = (status: number) => {
        op.responses[status] ??= {
          description: errorDescription(status),
          content: { 'application/json': { schema: errorSchema } },
        };
      };
      if (route?.access === 'public') {
        op.security = [];
      } else {
        add(401);
        // Role checks refuse with 403; "signed-in" routes have none. No rule at all: closed, 403.
        if (route?.access !== 'signed-in') add(403);
      }
      if ((op.parameters?.length ?? 0) > 0 || op.requestBody) add(400);
      if (path.includes('{')) add(404);
      if (op.requestBody) {
        add(413);
        add(415);
        const content = 'content' in op.requestBody ? op.requestBody.content : {};
        for (const media of Object.values(content)) collectRefs(media.schema, schemas, bodySchemas);
      }
      if (route?.rateLimited !== false) add(429);
      add(500);
      op.responses = Object.fromEntries(
        Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
      );
    }
  }
  // The ValidationPipe refuses unknown properties (forbidNonWhitelisted), in nested objects too.
  for (const name of bodySchemas) {
    const schema = schemas[name] as SchemaObject;
    if (schema.type === 'object' || schema.properties) schema.additionalProperties = false;
  }
  return doc;
}

/** Names of the component schemas a schema refers to, transitively. */
function collectRefs(
  schema: SchemaObject | ReferenceObject | undefined,
  schemas: Record<string, SchemaObject | ReferenceObject>,
  into: Set<string>,
): void {
  if (!schema) return;
  if ('$ref' in schema) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (into.has(name)) return;
    into.add(name);
    collectRefs(schemas[name], schemas, into);
    return;
  }
  for (const sub of [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.allOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
  ]) {
    collectRefs(sub, schemas, into);
  }
}
