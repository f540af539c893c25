/** Every API route lives under /api; the browser app is served from the other paths. */
export const API_PREFIX = 'api';

/** Probe and scrape endpoints: not rate limited, not logged per request. */
export const OPS_PATHS = ['/health', '/ready', '/metrics'];

export function isOpsPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return OPS_PATHS.includes(path);
}

/** The probe routes, for setGlobalPrefix's exclude list. */
export const OPS_ROUTES = OPS_PATHS.map((p) => p.slice(1));
