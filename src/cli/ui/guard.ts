/**
 * Who may talk to the local page. Binding to loopback keeps other machines out, not other web
 * sites: a page the user visits can point a DNS name at 127.0.0.1 (DNS rebinding) or post to it
 * from its own origin. So every request, GET included, must name this server as its Host, and
 * any Origin it carries must be this server's own; then it needs the session cookie, which only
 * the one-time launch token hands out.
 */
import { timingSafeEqual } from 'node:crypto';

/** The Host values that name this server: the loopback names at its port (and, when exposed, the machine's addresses). */
export function allowedHosts(port: number, extraAddresses: readonly string[] = []): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', ...extraAddresses.map((a) => (a.includes(':') ? `[${a}]` : a))];
  return new Set(names.map((name) => `${name}:${port}`));
}

export type Refusal = 'host' | 'origin';

/** Why a request is refused before anything else is read, or undefined when it may go on. */
export function refusal(
  headers: { host?: string | undefined; origin?: string | undefined; 'sec-fetch-site'?: string | undefined },
  hosts: ReadonlySet<string>,
): Refusal | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return 'host';
  const origin = headers.origin;
  // A form or fetch from another site carries its Origin; `null` (sandboxed frames, file://) is refused too.
  if (origin !== undefined && origin !== `http://${host}`) return 'origin';
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'origin';
  return undefined;
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Constant-time equality of two secrets (the token and the session id). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A path under a served folder, as its parts, or undefined when it could leave the folder or name
 * a folder: `..`, `.`, empty parts (`//`, a trailing `/`), backslashes, NUL, encoded separators.
 */
export function safeParts(encoded: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return undefined;
  const parts = decoded.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return parts;
}
