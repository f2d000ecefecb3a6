/**
 * The local page's HTTP layer, on node:http (a router would add more code than the dozen routes it
 * replaces). It binds to loopback only (127.0.0.1, and ::1 on the same port when the machine has
 * it) unless the caller asks for every interface, checks Host and Origin on every request, trades
 * the one-time launch token for an HttpOnly, SameSite=Strict cookie, and stops after an idle time.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { PageWords } from '../../i18n/page-words.js';
import { escapeHtml } from '../../text/html.js';
import { allowedHosts, cookieValue, refusal, sameSecret } from './guard.js';

export interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  /** A served report (checklist, batch pages): its own inline style and script are allowed. */
  report?: boolean;
}

export interface UiRequest {
  method: string;
  /** The URL's path, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** The request body, at most `maxBody` bytes (a larger one is refused with 413). */
  body(): Promise<Buffer>;
}

/** The app's routes: a reply, or undefined for 404. */
export type Handler = (request: UiRequest) => Promise<Reply | undefined>;

export interface UiServerOptions {
  handler: Handler;
  words: PageWords;
  /** Listen on every interface (--dangerously-expose-to-network). */
  expose?: boolean;
  /** Stop after this long without a request. */
  idleMs: number;
  onIdle: () => void;
  maxBody: number;
  /** Fixed port (tests); 0 or absent: a free one. */
  port?: number;
}

export interface UiServer {
  port: number;
  /** The launch address with the one-time token. */
  launchUrl: string;
  close(): Promise<void>;
}

class TooLarge extends Error {}

/** Our page's policy: scripts and styles from this server only; frames of this server only. */
const APP_CSP =
  "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";
/** Served reports (the checklist page, batch pages) carry their own inline style and script. */
const REPORT_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'";

function sentencePage(status: number, text: string): Reply {
  return {
    status,
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>shegong</title></head><body><p>${escapeHtml(text)}</p></body></html>`,
  };
}

function readBody(request: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        request.destroy();
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: Reply, method: string): void {
  response.writeHead(reply.status, {
    'Content-Type': reply.type,
    'Content-Length': Buffer.byteLength(reply.body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': reply.report ? REPORT_CSP : APP_CSP,
    ...reply.headers,
  });
  response.end(method === 'HEAD' ? undefined : reply.body);
}

/** The machine's own addresses (for the Host check when exposed). */
function ownAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .map((info) => info?.address)
    .filter((address): address is string => Boolean(address));
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const { words } = options;
  const token = randomBytes(24).toString('hex');
  const session = randomBytes(32).toString('hex');
  let tokenUsed = false;
  let port = 0;
  let hosts = new Set<string>();
  // Cookies are shared by every port of a host: the name carries the port, so two pages never clash.
  const cookieName = () => `shegong-${port}`;

  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(options.onIdle, options.idleMs);
    idle.unref();
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const refused = refusal(request.headers, hosts);
    if (refused === 'host') return send(response, sentencePage(421, words.refusedHost), method);
    if (refused === 'origin') return send(response, sentencePage(403, words.refusedOrigin), method);
    const url = new URL(request.url ?? '/', 'http://localhost');
    touch();
    // The launch address: the token works once, for the browser that opens it first.
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (tokenUsed || !sameSecret(url.searchParams.get('token') ?? undefined, token))
        return send(response, sentencePage(403, words.needToken), method);
      tokenUsed = true;
      return send(
        response,
        {
          status: 303,
          type: 'text/plain; charset=utf-8',
          body: '',
          headers: {
            Location: '/',
            'Set-Cookie': `${cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`,
          },
        },
        method,
      );
    }
    if (!sameSecret(cookieValue(request.headers.cookie, cookieName()), session))
      return send(response, sentencePage(401, words.needToken), method);
    if (!['GET', 'HEAD', 'POST'].includes(method))
      return send(response, { status: 405, type: 'text/plain; charset=utf-8', body: '' }, method);
    try {
      const reply = await options.handler({
        method,
        path: url.pathname,
        query: url.searchParams,
        body: () => readBody(request, options.maxBody),
      });
      send(response, reply ?? sentencePage(404, words.notFound), method);
    } catch (error) {
      if (error instanceof TooLarge) {
        response.setHeader('Connection', 'close');
        return send(response, sentencePage(413, words.tooLarge), method);
      }
      send(response, sentencePage(500, words.errorGeneric), method);
    }
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    serve(request, response).catch(() => response.destroy());
  };

  const servers: Server[] = [];
  const first = createServer(handle);
  servers.push(first);
  if (options.expose) {
    port = await listen(first, options.port ?? 0, '0.0.0.0');
    hosts = allowedHosts(port, ownAddresses());
  } else {
    port = await listen(first, options.port ?? 0, '127.0.0.1');
    // ::1 on the same port where the machine has IPv6 loopback; without it 127.0.0.1 serves alone.
    const second = createServer(handle);
    if (
      await listen(second, port, '::1').then(
        () => true,
        () => false,
      )
    )
      servers.push(second);
    hosts = allowedHosts(port);
  }
  touch();
  return {
    port,
    launchUrl: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      if (idle) clearTimeout(idle);
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
