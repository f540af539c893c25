import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What `duban login` keeps: the API's address and the user's tokens (file mode 600). */
export interface Credentials {
  api: string;
  username: string;
  accessToken: string;
  refreshToken: string;
}

export const DEFAULT_API = 'http://127.0.0.1:3000';

const configDir = () => process.env.DUBAN_CONFIG_DIR ?? path.join(os.homedir(), '.config', 'duban');
const credentialsPath = () => path.join(configDir(), 'credentials.json');

export function saveCredentials(c: Credentials): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  writeFileSync(credentialsPath(), JSON.stringify(c, null, 2), { mode: 0o600 });
  chmodSync(credentialsPath(), 0o600);
}

export function loadCredentials(): Credentials {
  try {
    return JSON.parse(readFileSync(credentialsPath(), 'utf8')) as Credentials;
  } catch {
    throw new Error('尚未登录：请先运行 duban login');
  }
}

/** An answer of the API that is not a success: its code and Chinese message, as one line. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${message}（${code}，HTTP ${status}）`);
  }
}

// The saved address is the server's root (where the web app is); the API's routes are under /api.
const API_PREFIX = '/api';

async function send(api: string, pathAndQuery: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(new URL(`${api.replace(/\/+$/, '')}${API_PREFIX}${pathAndQuery}`), init);
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new Error(`无法连接督办服务 ${api}（${cause}）：请检查 --api 地址或服务是否已启动`);
  }
}

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  return new ApiError(res.status, body?.code ?? 'HTTP_ERROR', body?.message ?? res.statusText);
}

export async function login(api: string, username: string, password: string): Promise<Credentials> {
  const res = await send(api, '/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw await failure(res);
  const body = (await res.json()) as { accessToken: string; refreshToken: string };
  return { api, username, accessToken: body.accessToken, refreshToken: body.refreshToken };
}

/**
 * Requests as the signed-in user. An expired access token is renewed once with the refresh token
 * (and the new pair saved); a refused refresh asks the user to sign in again.
 */
export class ApiClient {
  constructor(private credentials: Credentials) {}

  get api(): string {
    return this.credentials.api;
  }

  async get(pathAndQuery: string): Promise<Response> {
    let res = await this.authed(pathAndQuery);
    if (res.status === 401) {
      await this.refresh();
      res = await this.authed(pathAndQuery);
    }
    if (!res.ok) throw await failure(res);
    return res;
  }

  async json<T>(pathAndQuery: string): Promise<T> {
    return (await (await this.get(pathAndQuery)).json()) as T;
  }

  private authed(pathAndQuery: string): Promise<Response> {
    return send(this.credentials.api, pathAndQuery, {
      headers: { authorization: `Bearer ${this.credentials.accessToken}` },
    });
  }

  private async refresh(): Promise<void> {
    const res = await send(this.credentials.api, '/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: this.credentials.refreshToken }),
    });
    if (!res.ok) throw new Error('登录已过期：请重新运行 duban login');
    const body = (await res.json()) as { accessToken: string; refreshToken: string };
    this.credentials = { ...this.credentials, accessToken: body.accessToken, refreshToken: body.refreshToken };
    saveCredentials(this.credentials);
  }
}
