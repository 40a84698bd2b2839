/**
 * Outbound proxies, read as runners set them and @actions/http-client reads them: HTTPS_PROXY
 * for https URLs, HTTP_PROXY for http URLs (the lower-case spelling wins when both are set),
 * NO_PROXY for hosts to reach directly, and loopback always direct. An https URL goes through
 * a CONNECT tunnel (TLS end to end, checked against the target's name); an http URL is sent to
 * the proxy in absolute form. Credentials in the proxy URL are masked and never printed: messages
 * name the proxy by host and port only.
 */
import type { Agent as HttpsAgent, RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { UserError } from './errors.js';
import { basicAuth } from './http.js';
import { addSecret } from './secrets.js';

export interface Proxy {
  /** Without credentials (see authorization). */
  url: URL;
  /** The variable it came from, for messages. */
  variable: string;
  /** host:port: how messages name it. */
  label: string;
  /** `Basic …` when the URL carries credentials. */
  authorization?: string;
}

/** A proxy setting that cannot work, or a proxy that refused us in a way we must not retry. */
export class ProxyError extends UserError {
  readonly title = 'Proxy error';
}

const defaultPort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

function variable(env: NodeJS.ProcessEnv, name: string): [string, string] | undefined {
  for (const key of [name.toLowerCase(), name]) {
    const value = env[key]?.trim();
    if (value) return [key, value];
  }
  return undefined;
}

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
  if (!url.username && !url.password) return { url, variable: name, label };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  addSecret(password);
  addSecret(url.password);
  // Sent as Proxy-Authorization only: a URL with credentials would also send them as Authorization.
  url.username = '';
  url.password = '';
  return {
    url,
    variable: name,
    label,
    authorization: basicAuth(user, password),
  };
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/** Whether NO_PROXY (comma- or space-separated hosts, `.suffix`, `*.suffix`, `host:port`, `*`) bypasses `url`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  const host = hostOf(url);
  if (isLoopback(host)) return true;
  const port = defaultPort(url);
  for (const raw of (noProxy ?? '').split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    // host:port or [v6]:port; a bare IPv6 address has colons but no port.
    const withPort =
      entry.startsWith('[') || entry.split(':').length === 2 ? /^(.*):(\d+)$/.exec(entry) : null;
    if (withPort) {
      if (withPort[2] !== port) continue;
      entry = withPort[1];
    }
    entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** The proxy to send `url` through, or undefined to connect directly. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): Proxy | undefined {
  const setting = variable(env, url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY');
  if (!setting) return undefined;
  if (bypassesProxy(url, variable(env, 'NO_PROXY')?.[1])) return undefined;
  return parseProxy(setting[0], setting[1]);
}

const tunnels = new Map<string, HttpsAgent>();

/**
 * An https agent whose connections are CONNECT tunnels through `proxy`. Not keep-alive: a pooled
 * TLS socket over a tunnel would hold the process open after its work is done.
 */
export async function tunnelAgent(proxy: Proxy): Promise<HttpsAgent> {
  const key = `${proxy.url.href} ${proxy.authorization ?? ''}`;
  const cached = tunnels.get(key);
  if (cached) return cached;
  const https = await import('node:https');
  const tls = await import('node:tls');
  const connect = proxy.url.protocol === 'https:' ? https.request : (await import('node:http')).request;
  type Callback = (error: Error | null, socket: Duplex) => void;
  // Node's agent waits for the callback when createConnection returns no socket.
  const failed = (callback: Callback | undefined, error: Error) => callback?.(error, undefined as never);

  class TunnelAgent extends https.Agent {
    override createConnection(options: RequestOptions, callback?: Callback): undefined {
      const host = options.hostname ?? options.host ?? 'localhost';
      const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
      const req = connect({
        host: hostOf(proxy.url),
        port: defaultPort(proxy.url),
        method: 'CONNECT',
        path: target,
        agent: false,
        headers: { host: target, ...(proxy.authorization && { 'proxy-authorization': proxy.authorization }) },
      });
      // The request's own deadline (http-transport passes what is left as `timeout`) bounds the
      // wait for the proxy's answer; a proxy that never answers must not hold the process open.
      const limit = Number(options.timeout) || 30_000;
      let silent = false;
      req.setTimeout(limit, () => {
        silent = true;
        req.destroy();
      });
      req.once('connect', (res: IncomingMessage, socket: Duplex & { setTimeout(ms: number): void }) => {
        socket.setTimeout(0);
        if (res.statusCode !== 200) {
          socket.destroy();
          failed(callback, proxyRefusal(proxy, `CONNECT ${target}`, res.statusCode ?? 0, res.statusMessage));
          return;
        }
        const servername = options.servername ?? (/^[\d.]+$|:/.test(host) ? undefined : host);
        callback?.(null, tls.connect({ ...(options as ConnectionOptions), socket, servername }));
      });
      req.once('error', (error: NodeJS.ErrnoException) => {
        const which = `the proxy ${proxy.label} (${proxy.variable})`;
        const reason = silent
          ? `no answer from ${which} within ${limit} ms`
          : `cannot reach ${which}: ${error.code ?? error.message}`;
        failed(callback, new Error(reason));
      });
      req.end();
      return undefined;
    }
  }
  const agent = new TunnelAgent({ keepAlive: false });
  tunnels.set(key, agent);
  return agent;
}

/**
 * The proxy's own refusal of `request` (`CONNECT host:port`, or `GET http://…` for a 407 in
 * absolute form). 4xx: the proxy's policy or our credentials, not worth a retry; otherwise
 * transient.
 */
export function proxyRefusal(proxy: Proxy, request: string, status: number, text = ''): Error {
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
