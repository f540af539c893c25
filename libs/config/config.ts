/** The service's configuration: the only place that reads process.env. */
export interface AppConfig {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
  http: { port: number; host: string; bodyLimit: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function checkDatabaseUrl(env: Env, problems: string[]): string {
  const url = env.DATABASE_URL?.trim() ?? '';
  if (!url) problems.push('DATABASE_URL is required');
  else if (!/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must be a postgres:// URL');
  return url;
}

/** Only the database URL, for commands that need nothing else (migrations). */
export function loadDatabaseUrl(env: Env = process.env): string {
  const problems: string[] = [];
  const url = checkDatabaseUrl(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return url;
}

/** Reads and validates the environment, naming every bad or missing key at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const required = (key: string): string => {
    const value = env[key]?.trim();
    if (!value) problems.push(`${key} is required`);
    return value ?? '';
  };
  const port = (key: string, fallback: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) problems.push(`${key} must be a port number, got "${raw}"`);
    return n;
  };

  const databaseUrl = checkDatabaseUrl(env, problems);
  const address = required('TEMPORAL_ADDRESS');
  if (address && !/^[^\s:/]+:\d+$/.test(address)) problems.push('TEMPORAL_ADDRESS must be host:port');

  const config: AppConfig = {
    databaseUrl,
    temporal: {
      address,
      namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || 'duban-tasks',
    },
    http: {
      port: port('PORT', 3000),
      host: env.HOST?.trim() || '127.0.0.1',
      bodyLimit: env.HTTP_BODY_LIMIT?.trim() || '2mb',
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
