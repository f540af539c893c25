import { ConfigError, loadConfig, loadServiceConfig } from './config';

describe('loadConfig', () => {
  const good = {
    DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d',
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    JWT_SECRET: 'x'.repeat(32),
  };

  it('reads a valid environment with defaults', () => {
    const config = loadConfig(good);
    expect(config.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'duban-tasks' });
    expect(config.http.port).toBe(3000);
  });

  it('names every bad key at once', () => {
    let caught: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems } = caught as ConfigError;
    expect(problems).toEqual([
      'DATABASE_URL must be a postgres:// URL',
      'TEMPORAL_ADDRESS is required',
      'JWT_SECRET must be at least 32 characters',
      'PORT must be a port number, got "eighty"',
    ]);
  });
});

describe('loadConfig: operability settings', () => {
  const good = {
    DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d',
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    JWT_SECRET: 'x'.repeat(32),
  };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ ...good, ...env });
    } catch (e) {
      return (e as ConfigError).problems;
    }
    return [];
  };

  it('defaults to info logs, closed CORS, no trusted proxy and generous limits', () => {
    const config = loadConfig(good);
    expect(config.log.level).toBe('info');
    expect(config.http.corsOrigins).toEqual([]);
    expect(config.http.trustProxy).toBe(0);
    expect(config.rateLimit).toEqual({ windowSeconds: 60, read: 1000, write: 300, auth: 10, authWindowSeconds: 300 });
  });

  it('reads listed origins, a log level and limits', () => {
    const config = loadConfig({
      ...good,
      CORS_ORIGINS: ' https://duban.example.gov.cn, http://127.0.0.1:5173 ,',
      LOG_LEVEL: 'WARN',
      TRUST_PROXY: '1',
      RATE_LIMIT_WRITE: '3',
      RATE_LIMIT_AUTH_WINDOW_SECONDS: '900',
    });
    expect(config.http.corsOrigins).toEqual(['https://duban.example.gov.cn', 'http://127.0.0.1:5173']);
    expect(config.log.level).toBe('warn');
    expect(config.http.trustProxy).toBe(1);
    expect(config.rateLimit.write).toBe(3);
    expect(config.rateLimit.authWindowSeconds).toBe(900);
  });

  it('names bad operability values', () => {
    expect(
      problemsOf({
        CORS_ORIGINS: '*,https://ok.example/path',
        LOG_LEVEL: 'loud',
        RATE_LIMIT_READ: '0',
        RATE_LIMIT_WRITE: '1.5',
        TRUST_PROXY: '-1',
      }),
    ).toEqual([
      'CORS_ORIGINS entries must be origins like https://duban.example.gov.cn, got "*"',
      'CORS_ORIGINS entries must be origins like https://duban.example.gov.cn, got "https://ok.example/path"',
      'TRUST_PROXY must be a whole number ≥ 0, got "-1"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'RATE_LIMIT_READ must be a whole number ≥ 1, got "0"',
      'RATE_LIMIT_WRITE must be a whole number ≥ 1, got "1.5"',
    ]);
  });
});

describe('loadServiceConfig: what the worker needs', () => {
  it('does not ask for the API-only settings', () => {
    const config = loadServiceConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
    });
    expect(config.temporal.address).toBe('127.0.0.1:7233');
    expect(config).not.toHaveProperty('auth');
    expect(config).not.toHaveProperty('http');
    expect(config.notifications.digestWindowSeconds).toBe(120);
  });

  it('reads the digest window and names a bad one', () => {
    const env = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d', TEMPORAL_ADDRESS: '127.0.0.1:7233' };
    expect(loadServiceConfig({ ...env, DIGEST_WINDOW_SECONDS: '5' }).notifications.digestWindowSeconds).toBe(5);
    expect(() => loadServiceConfig({ ...env, DIGEST_WINDOW_SECONDS: '0' })).toThrow(
      'DIGEST_WINDOW_SECONDS must be a whole number ≥ 1, got "0"',
    );
  });

  it('still names its own bad keys', () => {
    expect(() => loadServiceConfig({ DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'nope' })).toThrow(
      'TEMPORAL_ADDRESS must be host:port',
    );
  });
});
