/** Probe and scrape endpoints: not rate limited, not logged per request. */
export const OPS_PATHS = ['/health', '/ready', '/metrics'];

export function isOpsPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return OPS_PATHS.includes(path);
}
