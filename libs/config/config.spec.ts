import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const good = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d', TEMPORAL_ADDRESS: '127.0.0.1:7233' };

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
      'PORT must be a port number, got "eighty"',
    ]);
  });
});
