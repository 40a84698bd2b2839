/**
 * One HTTP exchange, sent by @actions/http-client (its `requestRaw`, and its `getAgent` for the
 * CONNECT tunnel to an https URL behind a proxy), redirects followed the way fetch follows them.
 * The library's own redirects and retries are off: http.ts is the policy above it (deadline,
 * retries, Retry-After), and this file reads the answer itself so the decoded size is bounded.
 *
 * The library loads on the first request, so an action that never calls out pays nothing for it.
 *
 * Proxies, read as runners set them and the library reads them: HTTPS_PROXY for https URLs,
 * HTTP_PROXY for http URLs (the lower-case spelling wins), NO_PROXY for hosts to reach directly
 * (the library's `checkBypass`), loopback always direct. An https URL goes through the library's
 * CONNECT tunnel (TLS end to end, checked against the target's name); an http URL is sent to the
 * proxy in absolute form, as curl and Squid expect. Credentials in the proxy URL are masked and
 * sent only as Proxy-Authorization: messages name the proxy by host and port.
 */
import type { Agent, ClientRequest, IncomingHttpHeaders, IncomingMessage, RequestOptions } from 'node:http';
import { Readable, type Duplex, type Transform } from 'node:stream';
import type { HttpClient as Transport } from '@actions/http-client';
import type { RequestInfo } from '@actions/http-client/lib/interfaces';
import { checkBypass } from '@actions/http-client/lib/proxy';
import { RegistryError, UserError } from './errors.js';
import { addSecret } from './secrets.js';

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
  /** At most this many connections to one host (kept alive, reused); default: no limit. */
  maxConnectionsPerHost?: number;
}

/** Basic authorization header value. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface Proxy {
  /** Without credentials (see authorization). */
  url: URL;
  /** The variable it came from, for messages. */
  variable: string;
  /** host:port: how messages name it. */
  label: string;
  /** `Basic …` when the URL carries credentials. */
  authorization?: string;
  /** The URL as the library takes it, credentials included: never shown. */
  libraryUrl: string;
}

/** A proxy setting that cannot work, or a proxy that refused us in a way we must not retry. */
export class ProxyError extends UserError {
  readonly title = 'Proxy error';
}

const defaultPort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/** The set spelling of `name` (lower case first, as the library reads it) and its value. */
function variable(env: NodeJS.ProcessEnv, name: string): [string, string] | undefined {
  for (const key of [name.toLowerCase(), name]) {
    const value = env[key]?.trim();
    if (value) return [key, value];
  }
  return undefined;
}

/**
 * Checked before the library sees it: the library would take `proxy.corp:3128` for a URL of
 * scheme `proxy.corp:` and a socks5:// proxy for an HTTP one, and fail later with neither named.
 */
function parseProxy(name: string, value: string): Proxy {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new ProxyError(
      `${name} is not a URL`,
      `Set ${name} to the proxy's URL, e.g. http://proxy.example:3128.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyError(
      `${name} names a ${url.protocol.slice(0, -1)} proxy; only HTTP proxies (http:// or https://) are supported`,
      `Point ${name} at an HTTP proxy, or unset it.`,
    );
  const label = `${url.hostname}:${defaultPort(url)}`;
  const libraryUrl = url.href;
  if (!url.username && !url.password) return { url, variable: name, label, libraryUrl };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  addSecret(password);
  addSecret(url.password);
  // Sent as Proxy-Authorization only: a URL with credentials would also send them as Authorization.
  url.username = '';
  url.password = '';
  return { url, variable: name, label, authorization: basicAuth(user, password), libraryUrl };
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];

/**
 * Runs a synchronous read of the library's (`checkBypass`, `getAgent`) with the proxy variables
 * it reads set to `settings`, our checked reading of the user's, then puts them back. The library
 * takes its settings from process.env only; nothing else runs in between.
 */
function asLibraryReads<T>(settings: Record<string, string>, read: () => T): T {
  const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, settings);
  try {
    return read();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * NO_PROXY in the library's spelling (commas; `domain`, which covers its subdomains;
 * `host:port`; `[v6]`; `*`) from the spellings curl and Go also take: spaces between entries,
 * `.domain` and `*.domain` (the domain itself included, as curl reads it), a bare IPv6 address.
 */
function librarySpelling(noProxy: string): string {
  return noProxy
    .split(/[\s,]+/)
    .map((entry) => {
      const bare = entry.replace(/^\*?\./, '');
      return !bare.startsWith('[') && bare.split(':').length > 2 ? `[${bare}]` : bare;
    })
    .filter(Boolean)
    .join(',');
}

/** Whether NO_PROXY (its value, `noProxy`) or loopback sends `url` around the proxy. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  // The library's loopback is localhost, 127.* and ::1; every *.localhost name is loopback too.
  if (/\.localhost$/i.test(url.hostname)) return true;
  const entries = librarySpelling(noProxy ?? '');
  return asLibraryReads(entries ? { no_proxy: entries } : {}, () => checkBypass(url));
}

/** The proxy to send `url` through, or undefined to connect directly. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): Proxy | undefined {
  const setting = variable(env, url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY');
  if (!setting) return undefined;
  if (bypassesProxy(url, variable(env, 'NO_PROXY')?.[1])) return undefined;
  return parseProxy(setting[0], setting[1]);
}

/**
 * The proxy's own refusal of `request` (`CONNECT host:port`, or `GET http://…` for a 407 in
 * absolute form). 4xx: the proxy's policy or our credentials, not worth a retry; otherwise
 * transient.
 */
function proxyRefusal(proxy: Proxy, request: string, status: number, text = ''): Error {
  const what = `the proxy ${proxy.label} (${proxy.variable}) answered ${status}${text ? ` ${text}` : ''} to ${request}`;
  if (status === 407)
    return new ProxyError(
      what,
      `Put the proxy's credentials in ${proxy.variable} (http://user:password@host:port), or add the host to NO_PROXY.`,
    );
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    return new ProxyError(what, 'Ask for the host to be allowed through the proxy, or add it to NO_PROXY.');
  return new Error(what);
}

let library: Promise<typeof import('@actions/http-client')> | undefined;
/**
 * One per scheme and connection limit: the library keeps one agent per client, made for the
 * first URL's scheme, with its `maxSockets` per host.
 */
const clients = new Map<string, Transport>();

/** The library's keep-alive client for `scheme`; idle sockets do not hold the process open. */
async function transportFor(scheme: string, maxSockets?: number): Promise<Transport> {
  const { HttpClient } = await (library ??= import('@actions/http-client'));
  const key = `${scheme}|${maxSockets ?? ''}`;
  let client = clients.get(key);
  if (!client)
    clients.set(key, (client = new HttpClient(undefined, undefined, libraryOptions(true, maxSockets))));
  return client;
}

/** Close every kept-alive connection (at the end of a run: nothing is left to wait for). */
export function closeConnections(): void {
  for (const client of clients.values()) client.dispose();
  clients.clear();
}

/** Redirects and retries are ours (exchange, http.ts): the library sends each request once. */
const libraryOptions = (keepAlive: boolean, maxSockets?: number) => ({
  allowRedirects: false,
  allowRetries: false,
  keepAlive,
  ...(maxSockets ? { maxSockets } : {}),
});

type TunnelAgent = Agent & { request?: (options: RequestOptions) => ClientRequest };

/**
 * The library's CONNECT tunnel through `proxy` to the https `url`: a new agent (and so a new
 * tunnel) per request, no socket left pooled over a proxy. The tunnel sends its CONNECT with the
 * agent's `request` and waits for the proxy without a limit; here that wait is bounded by the
 * request's deadline (a proxy that never answers must not hold the process open), and the
 * proxy's refusal or silence is reported through `failed` as what the user must fix.
 */
async function tunnelAgent(url: URL, proxy: Proxy, deadline: number, failed: (error: Error) => void) {
  const { HttpClient } = await (library ??= import('@actions/http-client'));
  const client = new HttpClient(undefined, undefined, libraryOptions(false));
  const agent: TunnelAgent = asLibraryReads({ https_proxy: proxy.libraryUrl }, () =>
    client.getAgent(url.href),
  );
  const connect = agent.request;
  if (typeof connect !== 'function')
    throw new Error(`@actions/http-client gave no proxy tunnel for ${url.host} through ${proxy.label}`);
  const which = `the proxy ${proxy.label} (${proxy.variable})`;
  agent.request = (options) => {
    const req = connect(options);
    const limit = Math.max(1, deadline - Date.now());
    let silent = false;
    req.setTimeout(limit, () => {
      silent = true;
      req.destroy();
    });
    // Listeners added before the tunnel's own, so they see the answer first.
    req.once('connect', (res: IncomingMessage, socket: Duplex & { setTimeout(ms: number): void }) => {
      socket.setTimeout(0);
      if (res.statusCode !== 200)
        failed(proxyRefusal(proxy, `CONNECT ${options.path}`, res.statusCode ?? 0, res.statusMessage));
    });
    req.once('error', (error: NodeJS.ErrnoException) =>
      failed(
        new Error(
          silent
            ? `no answer from ${which} within ${limit} ms`
            : `cannot reach ${which}: ${error.code ?? error.message}`,
        ),
      ),
    );
    return req;
  };
  return { client, agent };
}

/** Where the library sends a request: `url` itself, with `agent`, at `path`. */
function requestInfo(
  url: URL,
  https: boolean,
  modules: { http: typeof import('node:http'); https: typeof import('node:https') },
  options: RequestOptions,
): RequestInfo {
  return {
    parsedUrl: url,
    httpModule: https ? modules.https : modules.http,
    options: {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(defaultPort(url)),
      path: `${url.pathname}${url.search}`,
      ...options,
    },
  };
}

/** How the library sends to `url`: directly, through a CONNECT tunnel (https) or to the proxy (http). */
async function route(
  url: URL,
  method: string,
  headers: Record<string, string>,
  deadline: number,
  signal: AbortSignal,
  failed: (error: Error) => void,
  maxSockets?: number,
): Promise<{ client: Transport; info: RequestInfo; proxy?: Proxy }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    // Not retried by http.ts: another attempt cannot change the scheme.
    throw new TypeError(
      `unsupported protocol ${url.protocol} in ${url.protocol}//${url.host}${url.pathname}`,
    );
  const proxy = proxyFor(url);
  const [http, https] = await Promise.all([import('node:http'), import('node:https')]);
  const modules = { http, https };
  const isHttps = (u: URL) => u.protocol === 'https:';
  if (proxy && isHttps(url)) {
    const { client, agent } = await tunnelAgent(url, proxy, deadline, failed);
    return { client, info: requestInfo(url, true, modules, { method, headers, agent, signal }) };
  }
  // Direct, or an http URL in absolute form to the proxy: the library's agent, no proxy set.
  const to = proxy?.url ?? url;
  const client = await transportFor(to.protocol, maxSockets);
  const agent = asLibraryReads({}, () => client.getAgent(to.href));
  if (!proxy)
    return { client, info: requestInfo(url, isHttps(url), modules, { method, headers, agent, signal }) };
  const viaProxy = {
    ...headers,
    host: url.host,
    ...(proxy.authorization && { 'proxy-authorization': proxy.authorization }),
  };
  return {
    client,
    info: requestInfo(to, isHttps(to), modules, { method, headers: viaProxy, path: url.href, agent, signal }),
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
  maxSockets?: number,
): Promise<{ status: number; raw: IncomingHttpHeaders; body: Buffer }> {
  // What the proxy said, when the tunnel fails: the library reports only "could not be established".
  let proxyFailure: Error | undefined;
  const abort = new AbortController();
  const { client, info, proxy } = await route(
    url,
    method,
    headers,
    deadline,
    abort.signal,
    (error) => {
      proxyFailure ??= error;
    },
    maxSockets,
  );
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
        abort.abort();
        reject(error);
      } else resolve(value!);
    };
    const timer = setTimeout(() => finish(timeoutError(timeoutMs)), Math.max(0, deadline - Date.now()));
    const read = (res: IncomingMessage) => {
      if (proxy && res.statusCode === 407) {
        res.resume();
        finish(proxyRefusal(proxy, `${method} ${url.href}`, 407, res.statusMessage));
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
    };
    client.requestRaw(info, body === undefined ? null : Readable.from([body])).then(
      (answer) => read(answer.message),
      (error: Error) => finish(proxyFailure ?? error),
    );
  });
}

/** We ask for no compression; a server that compresses anyway is decoded as fetch would. */
async function decoderFor(encoding: string | undefined): Promise<Transform | undefined> {
  const kind = (encoding ?? '').trim().toLowerCase();
  if (!kind || kind === 'identity') return undefined;
  if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(kind)) return undefined;
  const zlib = await import('node:zlib');
  // An empty body with a content-encoding is empty, as fetch reads it.
  // 64 KiB pieces (zlib's default is 16): a body that inflates to the limit is a quarter of the
  // events to count, so even a bomb is stopped quickly.
  const chunkSize = 64 * 1024;
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize };
  if (kind === 'gzip' || kind === 'x-gzip') return zlib.createGunzip(lenient);
  if (kind === 'deflate') return zlib.createInflate(lenient);
  return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, chunkSize });
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
    const res = await once(
      url,
      method,
      sent,
      body,
      deadline,
      req.timeoutMs,
      maxBodyBytes,
      req.maxConnectionsPerHost,
    );
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
