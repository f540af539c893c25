export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Requests allowed per client address in a window; `write` counts POST/PUT/PATCH/DELETE only, `auth` sign-in attempts. */
export interface RateLimits {
  windowSeconds: number;
  read: number;
  write: number;
  auth: number;
  authWindowSeconds: number;
}

/** Outgoing mail for notifications; absent when SMTP_HOST is not set (the email channel is off). */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

/** What every process needs (API, worker): read from process.env here and nowhere else. */
export interface AppConfig {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
  log: { level: LogLevel };
  notifications: {
    smtp: SmtpConfig | null;
    /**
     * Test-only pause between sending an email and recording it (DELIVERY_RECORD_DELAY_MS, 0):
     * opens the window in which a crashed worker leaves a sent but unrecorded email.
     */
    recordDelayMs: number;
    /** How long a digest gathers the rung notices of its day after the first (DIGEST_WINDOW_SECONDS, 120). */
    digestWindowSeconds: number;
  };
  /** 情况通报: whether the worker creates its schedules (CIRCULAR_SCHEDULES, true; off for tests that need none). */
  circulars: { schedules: boolean };
}

/** The API's configuration: the settings of every process plus sign-in, HTTP and rate limits. */
export interface ApiConfig extends AppConfig {
  auth: {
    jwtSecret: string;
    accessTokenSeconds: number;
    refreshTokenDays: number;
    /** Password for the first admin account, created on the first start with no users. */
    initialAdminPassword: string | null;
  };
  http: {
    port: number;
    host: string;
    bodyLimit: string;
    /** Origins allowed to call the API from a browser; empty means CORS stays closed. */
    corsOrigins: string[];
    /** Reverse-proxy hops whose X-Forwarded-For is believed (0: use the socket address). */
    trustProxy: number;
  };
  rateLimit: RateLimits;
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

function corsOrigins(raw: string | undefined, problems: string[]): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    // An origin is scheme://host[:port], exactly as browsers send it: no path, no trailing slash, no wildcard.
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      problems.push(`CORS_ORIGINS entries must be origins like https://duban.example.gov.cn, got "${origin}"`);
    }
  }
  return origins;
}

function logLevel(raw: string | undefined, problems: string[]): LogLevel {
  const value = raw?.trim().toLowerCase() || 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return 'info';
}

/** Only the database URL, for commands that need nothing else (migrations). */
export function loadDatabaseUrl(env: Env = process.env): string {
  const problems: string[] = [];
  const url = checkDatabaseUrl(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return url;
}

/** Reads and validates the API's environment, naming every bad or missing key at once. */
export function loadConfig(env: Env = process.env): ApiConfig {
  return read(env, true) as ApiConfig;
}

/** The settings a worker needs; it does not ask for the API's (JWT_SECRET, PORT, rate limits). */
export function loadServiceConfig(env: Env = process.env): AppConfig {
  return read(env, false);
}

let cached: { api?: ApiConfig; service?: AppConfig } = {};
/** The API's configuration, read and validated once per process. */
export function apiConfig(): ApiConfig {
  return (cached.api ??= loadConfig());
}
/** The worker's configuration, read and validated once per process. */
export function serviceConfig(): AppConfig {
  return (cached.service ??= cached.api ?? loadServiceConfig());
}
/** Forgets the cached configuration (tests that change process.env between apps in one process). */
export function resetConfigCache(): void {
  cached = {};
}

function read(env: Env, api: boolean): AppConfig | ApiConfig {
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
  const count = (key: string, fallback: number, min: number): number => {
    const raw = env[key]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min) problems.push(`${key} must be a whole number ≥ ${min}, got "${raw}"`);
    return n;
  };

  const databaseUrl = checkDatabaseUrl(env, problems);
  const address = required('TEMPORAL_ADDRESS');
  if (address && !/^[^\s:/]+:\d+$/.test(address)) problems.push('TEMPORAL_ADDRESS must be host:port');

  const jwtSecret = env.JWT_SECRET ?? '';
  if (api && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const positive = (key: string, fallback: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) problems.push(`${key} must be a positive integer, got "${raw}"`);
    return n;
  };

  // Read in this order so that problems are named in the order of the README's list of keys.
  const auth = api && {
    jwtSecret,
    accessTokenSeconds: positive('ACCESS_TOKEN_SECONDS', 900),
    refreshTokenDays: positive('REFRESH_TOKEN_DAYS', 7),
    initialAdminPassword: env.ADMIN_PASSWORD?.trim() || null,
  };
  const temporal = {
    address,
    namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || 'duban-tasks',
  };
  const http = api && {
    port: port('PORT', 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    bodyLimit: env.HTTP_BODY_LIMIT?.trim() || '2mb',
    corsOrigins: corsOrigins(env.CORS_ORIGINS, problems),
    trustProxy: count('TRUST_PROXY', 0, 0),
  };
  const log = { level: logLevel(env.LOG_LEVEL, problems) };
  const rateLimit = api && {
    windowSeconds: count('RATE_LIMIT_WINDOW_SECONDS', 60, 1),
    read: count('RATE_LIMIT_READ', 1000, 1),
    write: count('RATE_LIMIT_WRITE', 300, 1),
    auth: count('RATE_LIMIT_AUTH', 10, 1),
    authWindowSeconds: count('RATE_LIMIT_AUTH_WINDOW_SECONDS', 300, 1),
  };
  const notifications = {
    smtp: smtpConfig(env, problems, port),
    recordDelayMs: count('DELIVERY_RECORD_DELAY_MS', 0, 0),
    digestWindowSeconds: count('DIGEST_WINDOW_SECONDS', 120, 1),
  };
  const schedulesRaw = env.CIRCULAR_SCHEDULES?.trim().toLowerCase() || 'true';
  if (!['true', 'false', '1', '0'].includes(schedulesRaw))
    problems.push(`CIRCULAR_SCHEDULES must be true or false, got "${env.CIRCULAR_SCHEDULES}"`);
  const circulars = { schedules: schedulesRaw === 'true' || schedulesRaw === '1' };
  if (problems.length > 0) throw new ConfigError(problems);
  const service: AppConfig = { databaseUrl, temporal, log, notifications, circulars };
  return auth && http && rateLimit ? { ...service, auth, http, rateLimit } : service;
}

function smtpConfig(env: Env, problems: string[], port: (key: string, fallback: number) => number): SmtpConfig | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secureRaw = env.SMTP_SECURE?.trim().toLowerCase() || 'false';
  if (!['true', 'false', '1', '0'].includes(secureRaw))
    problems.push(`SMTP_SECURE must be true or false, got "${env.SMTP_SECURE}"`);
  const secure = secureRaw === 'true' || secureRaw === '1';
  const from = env.SMTP_FROM?.trim() || 'duban@localhost';
  if (!/@/.test(from)) problems.push(`SMTP_FROM must contain an email address, got "${from}"`);
  return {
    host,
    port: port('SMTP_PORT', secure ? 465 : 587),
    secure,
    user: env.SMTP_USER?.trim() || null,
    password: env.SMTP_PASSWORD ?? null,
    from,
  };
}

/** The password `duban seed-demo` gives its sample users (DEMO_PASSWORD), or null to generate one. */
export function loadDemoPassword(env: Env = process.env): string | null {
  return env.DEMO_PASSWORD?.trim() || null;
}
