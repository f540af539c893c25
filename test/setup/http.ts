import request from 'supertest';
import { conforming, loadedChecker, openApiChecker } from './openapi-check';

export interface Http {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

/** Where the API's routes live on a server whose root is base (the web app has the rest). */
export const API_PREFIX = '/api';

/** supertest against the API's routes: apiRequest(base).get('/tasks') asks for /api/tasks. */
export function apiRequest(base: string): ReturnType<typeof request> {
  return request(`${base}${API_PREFIX}`);
}

/** An OpenAPI document path without the prefix, as the tests' tables name routes ('/tasks/{id}'). */
export function unprefixed(path: string): string {
  return path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
}

/** Requests that carry a bearer token; each JSON answer is checked against the served OpenAPI document. */
export function authed(base: string, token: string): Http {
  const r = apiRequest(base);
  const checker = loadedChecker(base);
  const auth = (t: request.Test) => {
    const signed = t.set('Authorization', `Bearer ${token}`);
    return checker ? conforming(signed, checker) : signed;
  };
  return {
    get: (u) => auth(r.get(u)),
    post: (u) => auth(r.post(u)),
    put: (u) => auth(r.put(u)),
    patch: (u) => auth(r.patch(u)),
    delete: (u) => auth(r.delete(u)),
  };
}

/** Signs in one of the users the global setup created (admin, coordinator, leader, liaison.<单位>). */
export async function login(base: string, username: string): Promise<string> {
  const password = username === 'admin' ? process.env.ADMIN_PASSWORD : process.env.DEMO_PASSWORD;
  const res = await apiRequest(base).post('/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}

export async function signedIn(base: string, username: string): Promise<Http> {
  await openApiChecker(base);
  return authed(base, await login(base, username));
}
