/**
 * One HTTP exchange over node:http / node:https, redirects followed the way fetch follows them.
 *
 * Not Node's fetch: its first call loads and compiles the bundled undici (~70 ms here) and its
 * pooled sockets keep a finished process alive for another ~150 ms, which was most of the time a
 * small action spent. node:http's agent pools sockets too, but unreferences idle ones, so the
 * process ends as soon as the work does. The modules load on the first request, https only for
 * https URLs, so an action that never calls out pays nothing. Proxies: proxy.ts.
 */
import type { IncomingHttpHeaders, IncomingMessage, RequestOptions, ClientRequest } from 'node:http';
import type { Transform } from 'node:stream';
import { RegistryError } from './errors.js';
import type { Proxy } from './proxy.js';

/**
 * The most an answer may hold once decoded, unless a request says otherwise: far above any
 * registry's JSON, far below what a compressed "bomb" (300 KB of gzip that inflates to 300 MB)
 * would take from the runner's memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The response headers; the part of the web `Headers` interface callers use. */
export interface ResponseHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, key: string) => void): void;
}

export class IncomingHeaders implements ResponseHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, key: string) => void): void {
    for (const [key, value] of this) callback(value, key);
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const key of Object.keys(this.raw).sort()) {
      const value = this.get(key);
      if (value !== null) yield [key, value];
    }
  }
}

export interface Exchange {
  status: number;
  headers: ResponseHeaders;
  /** The URL that answered, after redirects. */
  url: string;
  body: Buffer;
}

export interface ExchangeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** For the whole exchange, redirects included. */
  timeoutMs: number;
  manualRedirect?: boolean;
  /** The most the decoded body may hold; default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

type Send = (url: URL, options: RequestOptions, callback: (res: IncomingMessage) => void) => ClientRequest;

let httpSend: Send | undefined;
let httpsSend: Send | undefined;

async function sender(url: URL): Promise<Send> {
  if (url.protocol === 'http:') return (httpSend ??= (await import('node:http')).request);
  if (url.protocol === 'https:') return (httpsSend ??= (await import('node:https')).request);
  // Not retried by http.ts: another attempt cannot change the scheme.
  throw new TypeError(`unsupported protocol ${url.protocol} in ${url.protocol}//${url.host}${url.pathname}`);
}

let proxies: typeof import('./proxy.js') | undefined;

/** Whether a proxy variable is set: without one, proxy.ts is never loaded. */
const proxySet = () =>
  ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => process.env[name]?.trim());

/** How to send to `url`: directly, through a CONNECT tunnel (https) or to the proxy (http). */
async function route(
  url: URL,
  method: string,
  headers: Record<string, string>,
  deadline: number,
): Promise<{ send: Send; url: URL; options: RequestOptions; proxy?: Proxy }> {
  if (proxySet()) proxies ??= await import('./proxy.js');
  const proxy = proxies?.proxyFor(url);
  if (!proxies || !proxy) return { send: await sender(url), url, options: { method, headers } };
  if (url.protocol === 'https:')
    return {
      send: await sender(url),
      url,
      // `timeout` reaches the tunnel's CONNECT (proxy.ts); `once` bounds the rest.
      options: {
        method,
        headers,
        agent: await proxies.tunnelAgent(proxy),
        timeout: Math.max(1, deadline - Date.now()),
      },
    };
  const viaProxy = {
    ...headers,
    host: url.host,
    ...(proxy.authorization && { 'proxy-authorization': proxy.authorization }),
  };
  return {
    send: await sender(proxy.url),
    url: proxy.url,
    options: { method, headers: viaProxy, path: url.href },
    proxy,
  };
}

/** What fetch reports for a timed-out signal, so callers tell timeouts from other failures. */
function timeoutError(ms: number): Error {
  return Object.assign(new Error(`no complete answer within ${ms} ms`), { name: 'TimeoutError' });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

function tooLarge(url: URL, limit: number): RegistryError {
  return new RegistryError(
    url.host,
    `answered ${url.pathname} with a body larger than ${formatBytes(limit)} (decoded); it was not read further`,
    'A registry answer this large is not one we expect: check the registry URL, or whether something in between (a proxy, a login page) answers instead.',
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB` : `${bytes} bytes`;
}

async function once(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  deadline: number,
  timeoutMs: number,
  maxBodyBytes: number,
): Promise<{ status: number; raw: IncomingHttpHeaders; body: Buffer }> {
  const { send, url: to, options, proxy } = await route(url, method, headers, deadline);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (
      error: Error | undefined,
      value?: { status: number; raw: IncomingHttpHeaders; body: Buffer },
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = send(to, options, (res) => {
      if (proxy && res.statusCode === 407) {
        res.resume();
        finish(proxies!.proxyRefusal(proxy, `${method} ${url.href}`, 407, res.statusMessage));
        return;
      }
      // Decoded as it arrives and counted after decoding, so a compressed bomb is stopped at the
      // limit instead of being inflated whole in memory.
      decoderFor(res.headers['content-encoding']).then((decoder) => {
        if (settled) return;
        const chunks: Buffer[] = [];
        let size = 0;
        const take = (chunk: Buffer) => {
          if (settled) return;
          size += chunk.length;
          if (size > maxBodyBytes) {
            decoder?.destroy();
            res.destroy();
            finish(tooLarge(url, maxBodyBytes));
            return;
          }
          chunks.push(chunk);
        };
        const done = () =>
          finish(undefined, { status: res.statusCode ?? 0, raw: res.headers, body: Buffer.concat(chunks) });
        res.on('error', (error) => finish(error));
        res.on('close', () => {
          if (!res.complete)
            finish(
              Object.assign(new Error('the connection closed before the answer was complete'), {
                code: 'ECONNRESET',
              }),
            );
        });
        if (!decoder) {
          res.on('data', take);
          res.on('end', done);
          return;
        }
        decoder.on('data', take);
        decoder.on('end', done);
        decoder.on('error', (error) => finish(error));
        res.pipe(decoder);
      }, finish);
    });
    const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs)), Math.max(0, deadline - Date.now()));
    req.on('error', (error) => finish(error));
    req.end(body);
  });
}

/** We ask for no compression; a server that compresses anyway is decoded as fetch would. */
async function decoderFor(encoding: string | undefined): Promise<Transform | undefined> {
  const kind = (encoding ?? '').trim().toLowerCase();
  if (!kind || kind === 'identity') return undefined;
  if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(kind)) return undefined;
  const zlib = await import('node:zlib');
  // An empty body with a content-encoding is empty, as fetch reads it.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (kind === 'gzip' || kind === 'x-gzip') return zlib.createGunzip(lenient);
  if (kind === 'deflate') return zlib.createInflate(lenient);
  return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
}

/** A redirect we will not follow: the registry's doing, so not retried (a RegistryError). */
function badRedirect(from: URL, message: string): RegistryError {
  return new RegistryError(
    from.host,
    message,
    "Check the registry URL (its scheme, host and path), or ask the registry's operator: retrying would give the same answer.",
  );
}

/** Send one request, following redirects as fetch does unless `manualRedirect`. */
export async function exchange(req: ExchangeRequest): Promise<Exchange> {
  const deadline = Date.now() + req.timeoutMs;
  const maxBodyBytes = req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let url = new URL(req.url);
  let method = req.method;
  let headers: Record<string, string> = { accept: '*/*', ...lowercase(req.headers) };
  let body = req.body === undefined ? undefined : asBuffer(req.body);
  if (typeof req.body === 'string' && !headers['content-type'])
    headers['content-type'] = 'text/plain;charset=UTF-8';
  const visited = new Set<string>();
  for (let hops = 0; ; hops++) {
    const sent = { ...headers };
    if (body) sent['content-length'] = String(body.length);
    visited.add(`${method} ${url.href}`);
    const res = await once(url, method, sent, body, deadline, req.timeoutMs, maxBodyBytes);
    const location = res.raw.location;
    if (req.manualRedirect || !REDIRECTS.has(res.status) || !location) {
      return { status: res.status, headers: new IncomingHeaders(res.raw), url: url.href, body: res.body };
    }
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw badRedirect(url, `redirected ${url.pathname} (HTTP ${res.status}) to an unreadable location`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:')
      throw badRedirect(
        url,
        `redirected ${url.pathname} (HTTP ${res.status}) to a ${next.protocol} URL; only http and https redirects are followed`,
      );
    if (url.protocol === 'https:' && next.protocol === 'http:')
      throw badRedirect(
        url,
        `redirected ${url.pathname} (HTTP ${res.status}) from https to plain http (${next.host}); credentials and content would travel unencrypted`,
      );
    if (hops >= MAX_REDIRECTS)
      throw badRedirect(
        url,
        `redirected ${req.method} ${new URL(req.url).pathname} more than ${MAX_REDIRECTS} times`,
      );
    if (
      (res.status === 303 && method !== 'HEAD') ||
      ((res.status === 301 || res.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([key]) => !key.startsWith('content-')));
    }
    if (visited.has(`${method} ${next.href}`))
      throw badRedirect(
        url,
        `answered ${url.pathname} with redirects in a loop (HTTP ${res.status} back to ${next.host}${next.pathname})`,
      );
    // Credentials never follow a redirect to another origin (a registry's blob store, a CDN).
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(
        Object.entries(headers).filter(
          ([key]) => !['authorization', 'cookie', 'proxy-authorization'].includes(key),
        ),
      );
    }
    url = next;
  }
}

/** A view, not a copy: an upload (a layer, a release asset) can be hundreds of megabytes. */
function asBuffer(body: string | Uint8Array): Buffer {
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

function lowercase(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
