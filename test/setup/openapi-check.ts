import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';

/**
 * Checks every JSON answer an e2e test receives against the OpenAPI document the API serves,
 * so a response that drifts from its schema fails the test that saw it (not only the fuzzer).
 */
interface Operation {
  pattern: RegExp;
  method: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Checker {
  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown): void;
}

const checkers = new Map<string, Promise<Checker>>();
const ready = new Map<string, Checker>();

/** OpenAPI 3.0's `nullable` is not JSON Schema: rewrite it as "null or the schema". */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

async function load(base: string): Promise<Checker> {
  const res = await request(base).get('/api/docs/openapi.json');
  if (res.status !== 200) throw new Error(`OpenAPI document: ${res.status}`);
  const doc = res.body as {
    paths: Record<string, Record<string, unknown>>;
    components?: { schemas?: Record<string, unknown> };
  };
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: toJsonSchema(doc.components ?? {}) });
  const rewriteRefs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewriteRefs);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace(/^#/, 'openapi#') : rewriteRefs(v),
      ]),
    );
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(item)) {
      const responses = (op as { responses?: Operation['responses'] }).responses;
      if (responses) operations.push({ pattern, method: method.toUpperCase(), responses });
    }
  }
  // Literal paths before templated ones, so /tasks/mine is not read as /tasks/{id}.
  operations.sort((a, b) => Number(a.pattern.source.includes('[^/]+')) - Number(b.pattern.source.includes('[^/]+')));
  const compiled = new Map<unknown, ValidateFunction>();
  return {
    check(method, url, status, contentType, body) {
      if (!contentType?.includes('application/json')) return;
      const path = new URL(url).pathname;
      const op = operations.find((o) => o.method === method && o.pattern.test(path));
      if (!op) return;
      const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) return;
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.compile(rewriteRefs(toJsonSchema(schema)) as object);
        compiled.set(schema, validate);
      }
      if (!validate(body)) {
        const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
        throw new Error(`${method} ${path} answered ${status} outside its OpenAPI schema: ${errors}`);
      }
    },
  };
}

/** The checker for the API at base (the document is fetched once per base). */
export function openApiChecker(base: string): Promise<Checker> {
  let checker = checkers.get(base);
  if (!checker) {
    checker = load(base).then((c) => {
      ready.set(base, c);
      return c;
    });
    checkers.set(base, checker);
  }
  return checker;
}

/** The checker for base if it has been loaded (signing in loads it). */
export function loadedChecker(base: string): Checker | undefined {
  return ready.get(base);
}

/** Adds the schema check to a request: the test's await fails if the answer does not conform. */
export function conforming(t: request.Test, checker: Checker): request.Test {
  const method = t.method;
  const url = t.url;
  return t.expect((res) => checker.check(method, url, res.status, res.headers['content-type'], res.body));
}
