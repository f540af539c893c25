import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Principal = Schemas['PrincipalDto'];
export type Role = Principal['roles'][number];

/** An answer of the API that is not a success, carrying its Chinese message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STORAGE_KEY = 'duban.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  user: Principal;
}

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}

let onSignedOut: () => void = () => undefined;
/** Called when the API no longer accepts the saved token (the layout sends the user to 登录). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const session = loadSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    // A wrong password (sign-in, password change) is a 401 too, but the session still stands.
    const path = new URL(request.url).pathname;
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/password') {
      saveSession(null);
      onSignedOut();
    }
    return response;
  },
};

/** The typed client: paths and bodies come from the served OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

function failureOf(status: number, body: unknown, fallback: string): ApiFailure {
  const b = (body ?? {}) as { code?: string; message?: string };
  return new ApiFailure(status, b.code ?? 'HTTP_ERROR', b.message ?? fallback);
}

/** The data of a successful answer, or an ApiFailure with the API's message. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiFailure(0, 'NETWORK', '无法连接督办服务，请检查网络后重试');
  }
  if (!result.response.ok)
    throw failureOf(result.response.status, result.error, `请求失败（HTTP ${result.response.status}）`);
  return result.data as T;
}

/** A request openapi-fetch does not model well (multipart uploads, file downloads), with the token. */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const session = loadSession();
  const headers = new Headers(init.headers);
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiFailure(0, 'NETWORK', '无法连接督办服务，请检查网络后重试');
  }
  if (res.status === 401) {
    saveSession(null);
    onSignedOut();
  }
  if (!res.ok) throw failureOf(res.status, await res.json().catch(() => null), `请求失败（HTTP ${res.status}）`);
  return res;
}

/** Downloads a file the API answers (ledger, attachment) under the name it gives. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await rawFetch(path);
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
