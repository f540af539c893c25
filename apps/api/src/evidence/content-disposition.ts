/**
 * `attachment` with the name twice: `filename` in ASCII for old clients (other characters as `_`)
 * and `filename*` (RFC 5987, UTF-8, percent-encoded) that every current browser prefers, so a
 * Chinese name arrives intact.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 5987 does not allow unescaped.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
