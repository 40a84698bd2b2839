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
import type { Proxy } from './proxy.js';

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
}

type Send = (url: URL, options: RequestOptions, callback: (res: IncomingMessage) => void) => ClientRequest;

let httpSend: Send | undefined;
let httpsSend: Send | undefined;

async function sender(url: URL): Promise<Send> {
  if (url.protocol === 'http:') return (httpSend ??= (await import('node:http')).request);
  if (url.protocol === 'https:') return (httpsSend ??= (await import('node:https')).request);
  throw new TypeError(`unsupported protocol ${url.protocol} in ${url.href}`);
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

async function once(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  deadline: number,
  timeoutMs: number,
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
      if (error) reject(error);
      else resolve(value!);
    };
    const req = send(to, options, (res) => {
      if (proxy && res.statusCode === 407) {
        res.resume();
        finish(proxies!.proxyRefusal(proxy, `${method} ${url.href}`, 407, res.statusMessage));
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => finish(error));
      res.on('close', () => {
        if (!res.complete)
          finish(
            Object.assign(new Error('the connection closed before the answer was complete'), {
              code: 'ECONNRESET',
            }),
          );
      });
      res.on('end', () => {
        decode(res.headers['content-encoding'], Buffer.concat(chunks)).then(
          (data) => finish(undefined, { status: res.statusCode ?? 0, raw: res.headers, body: data }),
          (error: Error) => finish(error),
        );
      });
    });
    const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs)), Math.max(0, deadline - Date.now()));
    req.on('error', (error) => finish(error));
    req.end(body);
  });
}

/** We ask for no compression; a server that compresses anyway is decoded as fetch would. */
async function decode(encoding: string | undefined, data: Buffer): Promise<Buffer> {
  const kind = (encoding ?? '').trim().toLowerCase();
  if (!kind || kind === 'identity' || data.length === 0) return data;
  const zlib = await import('node:zlib');
  if (kind === 'gzip' || kind === 'x-gzip') return zlib.gunzipSync(data);
  if (kind === 'deflate') return zlib.inflateSync(data);
  if (kind === 'br') return zlib.brotliDecompressSync(data);
  return data;
}

/** Send one request, following redirects as fetch does unless `manualRedirect`. */
export async function exchange(req: ExchangeRequest): Promise<Exchange> {
  const deadline = Date.now() + req.timeoutMs;
  let url = new URL(req.url);
  let method = req.method;
  let headers: Record<string, string> = { accept: '*/*', ...lowercase(req.headers) };
  let body = req.body === undefined ? undefined : asBuffer(req.body);
  if (typeof req.body === 'string' && !headers['content-type'])
    headers['content-type'] = 'text/plain;charset=UTF-8';
  for (let hops = 0; ; hops++) {
    const sent = { ...headers };
    if (body) sent['content-length'] = String(body.length);
    const res = await once(url, method, sent, body, deadline, req.timeoutMs);
    const location = res.raw.location;
    if (req.manualRedirect || !REDIRECTS.has(res.status) || !location) {
      return { status: res.status, headers: new IncomingHeaders(res.raw), url: url.href, body: res.body };
    }
    if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${req.url}`);
    const next = new URL(location, url);
    if (
      (res.status === 303 && method !== 'HEAD') ||
      ((res.status === 301 || res.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([key]) => !key.startsWith('content-')));
    }
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
