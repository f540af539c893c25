import net from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type AppProcess, freePort, startApp } from '../setup/processes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TASK_STATES = ['draft', 'issued', 'in_progress', 'submitted', 'accepted', 'cancelled'];

async function startApi(env: NodeJS.ProcessEnv): Promise<{ api: AppProcess; http: ReturnType<typeof request> }> {
  const port = await freePort();
  const api = await startApp(
    'api',
    { PORT: String(port), TEMPORAL_TASK_QUEUE: `ops-${randomUUID()}`, ...env },
    /listening on/,
  );
  return { api, http: request(`http://127.0.0.1:${port}`) };
}

/** The API's JSON log lines (main.ts prints one plain line, which is skipped). */
function logLines(api: AppProcess): Record<string, unknown>[] {
  return api
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A TCP relay in front of Temporal that can be cut, to take Temporal away from a running API. */
async function relayTo(target: string): Promise<{ address: string; cut: () => Promise<void> }> {
  const [host, port] = target.split(':');
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${relayPort}`,
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

describe('operability: probes, metrics, request ids, headers, CORS (default settings)', () => {
  let api: AppProcess;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    ({ api, http } = await startApi({}));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers /health without a token', async () => {
    const res = await http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers /ready 200 when PostgreSQL and Temporal answer', async () => {
    const res = await http.get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', checks: { postgres: 'up', temporal: 'up' } });
    // Whether 2027 is still provisional depends on the other test files sharing the database.
    expect(Array.isArray(res.body.warnings)).toBe(true);
  });

  it('exposes the named metrics in Prometheus text format, latency labelled by route template', async () => {
    const taskId = randomUUID();
    await http.get(`/api/tasks/${taskId}`);
    await http.get('/health');
    const res = await http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = res.text;
    expect(text).toContain('# TYPE duban_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /duban_http_request_duration_seconds_count\{method="GET",route="\/api\/tasks\/:id",status_code="\d{3}"\} 1/,
    );
    expect(text).toMatch(
      /duban_http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} \d+/,
    );
    expect(text).not.toContain(taskId);
    expect(text).toContain('# TYPE duban_tasks gauge');
    for (const state of TASK_STATES) expect(text).toMatch(new RegExp(`^duban_tasks\\{state="${state}"\\} \\d+$`, 'm'));
    expect(text).toContain('# TYPE duban_rungs_fired gauge');
    expect(text).toMatch(/^duban_deliveries_failed 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('keeps a well-formed X-Request-Id, replaces a malformed one, and logs it as JSON', async () => {
    const mine = `ops-test-${randomUUID()}`;
    const kept = await http.get('/api/documents').set('X-Request-Id', mine);
    expect(kept.headers['x-request-id']).toBe(mine);

    const replaced = await http.get('/api/documents').set('X-Request-Id', 'has spaces\tand tabs');
    expect(replaced.headers['x-request-id']).toMatch(UUID);
    const fresh = await http.get('/api/documents');
    expect(fresh.headers['x-request-id']).toMatch(UUID);
    expect(fresh.headers['x-request-id']).not.toBe(replaced.headers['x-request-id']);

    // A request refused by the body parser still has an id.
    const malformed = await http.post('/api/documents').set('content-type', 'application/json').send('{"text": ');
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.headers['x-request-id']).toMatch(UUID);

    await new Promise((r) => setTimeout(r, 200));
    const line = logLines(api).find((l) => (l.req as { id?: string } | undefined)?.id === mine);
    expect(line).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'GET', url: '/api/documents' } });
  });

  it('sends Nest’s own startup lines through pino as JSON', () => {
    const lines = logLines(api);
    expect(
      lines.some((l) => typeof l.msg === 'string' && l.msg.includes('Nest application successfully started')),
    ).toBe(true);
  });

  it('sets security headers, and the Swagger UI page still loads', async () => {
    const res = await http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');

    const docs = await http.get('/api/docs');
    expect(docs.status).toBe(200);
    // Everything the page loads is a same-origin file, which the policy allows.
    const scripts = [...docs.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    for (const src of scripts) {
      const url = new URL(src, 'http://api.test/api/docs');
      expect(url.host).toBe('api.test');
      const asset = await http.get(url.pathname);
      expect(asset.status).toBe(200);
    }
  });

  it('grants no cross-origin access while CORS_ORIGINS is empty', async () => {
    const preflight = await http
      .options('/api/documents')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await http.get('/health').set('Origin', 'https://elsewhere.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('operability: rate limits and listed CORS origins (tight settings)', () => {
  let api: AppProcess;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    ({ api, http } = await startApi({
      RATE_LIMIT_WRITE: '3',
      RATE_LIMIT_READ: '6',
      CORS_ORIGINS: 'https://allowed.example',
    }));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers a write burst over the limit with 429 RATE_LIMITED, before any token check', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await http.post('/api/documents').send({})).status);
    expect(statuses).not.toContain(429);

    const refused = await http.post('/api/documents').send({});
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    expect(Number(refused.headers['retry-after-write'])).toBeGreaterThan(0);
  });

  it('limits reads separately and more generously, and never limits probes or scrapes', async () => {
    // The four writes above also count as requests: two more reads pass, the next is refused.
    expect((await http.get('/api/documents')).status).not.toBe(429);
    expect((await http.get('/api/documents')).status).not.toBe(429);
    const refused = await http.get('/api/documents');
    expect(refused.status).toBe(429);
    expect((refused.body as { code: string }).code).toBe('RATE_LIMITED');

    for (let i = 0; i < 10; i++) {
      for (const path of ['/health', '/ready', '/metrics']) expect((await http.get(path)).status).toBe(200);
    }
  });

  it('grants a listed origin and no other', async () => {
    const listed = await http
      .options('/api/documents')
      .set('Origin', 'https://allowed.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(listed.headers['access-control-allow-origin']).toBe('https://allowed.example');

    const unlisted = await http
      .options('/api/documents')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(unlisted.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('operability: readiness when Temporal goes away', () => {
  let api: AppProcess;
  let http: ReturnType<typeof request>;
  let relay: Awaited<ReturnType<typeof relayTo>>;

  beforeAll(async () => {
    relay = await relayTo(process.env.TEMPORAL_ADDRESS ?? '');
    ({ api, http } = await startApi({ TEMPORAL_ADDRESS: relay.address }));
  });
  afterAll(async () => {
    await api?.stop();
    await relay?.cut();
  });

  it('answers /ready 503 naming Temporal while /health stays 200', async () => {
    expect((await http.get('/ready')).status).toBe(200);
    await relay.cut();

    const started = Date.now();
    const res = await http.get('/ready');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      statusCode: 503,
      code: 'NOT_READY',
      message: '依赖服务不可用：Temporal',
      details: { checks: { postgres: 'up', temporal: 'down' }, failed: ['temporal'] },
    });
    expect((await http.get('/health')).status).toBe(200);
  });
});
