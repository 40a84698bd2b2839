/**
 * The one HTTP client for every external call: per-attempt timeouts, bounded retries with
 * exponential backoff and jitter on 5xx, 429 (honouring Retry-After), resets and timeouts.
 * Bodies are read whole so the timeout covers the full exchange. The policy above
 * @actions/http-client, which sends each attempt and routes it through a proxy (http-transport.ts).
 */
import { errorMessage, isUserError } from './errors.js';
import {
  basicAuth,
  bypassesProxy,
  closeConnections,
  DEFAULT_MAX_BODY_BYTES,
  exchange,
  IncomingHeaders,
  ProxyError,
  proxyFor,
  type Exchange,
  type ResponseHeaders,
} from './http-transport.js';
import type { Reporter } from './log.js';
import { redact, splitUrlCredentials } from './secrets.js';

export {
  basicAuth,
  bypassesProxy,
  closeConnections,
  DEFAULT_MAX_BODY_BYTES,
  IncomingHeaders,
  ProxyError,
  proxyFor,
  type ResponseHeaders,
};

export const USER_AGENT = 'deploy-actions/1 (+https://github.com/org/deploy-actions)';

export interface HttpRequest {
  method?: string;
  url: string | URL;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Per-attempt timeout; default from the client. */
  timeoutMs?: number;
  /** Attempts after the first; default from the client. */
  retries?: number;
  /**
   * Called before a retry of a non-idempotent request (an upload that may have landed):
   * return false when the registry now has what we sent, to stop without sending it again.
   */
  beforeRetry?: (reason: string) => Promise<boolean>;
  /** Do not follow redirects. */
  manualRedirect?: boolean;
  /**
   * The most the decoded answer may hold (default 64 MiB, DEFAULT_MAX_BODY_BYTES); past it the
   * request fails at once with a RegistryError naming the host and the limit.
   */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: ResponseHeaders;
  url: string;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

/** A request that kept failing transiently until the retries ran out. */
export class TransientHttpError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(`${reason} from ${url} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
  }
}

export interface HttpClientOptions {
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails as transient. */
  maxRetryAfterMs?: number;
  reporter?: Reporter;
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
  /** At most this many kept-alive connections to one host; default: no limit. */
  maxConnectionsPerHost?: number;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function envNumber(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 && process.env[name] !== '' ? value : undefined;
}

/** Seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return `network error ${code}`;
  return `network error: ${errorMessage(error)}`;
}

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly userAgent: string;

  constructor(private readonly options: HttpClientOptions = {}) {
    // DEPLOY_ACTIONS_HTTP_* let tests and impatient users tighten the bounds without code.
    this.timeoutMs = options.timeoutMs ?? envNumber('DEPLOY_ACTIONS_HTTP_TIMEOUT_MS') ?? 30_000;
    this.retries = options.retries ?? envNumber('DEPLOY_ACTIONS_HTTP_RETRIES') ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? envNumber('DEPLOY_ACTIONS_HTTP_BACKOFF_MS') ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.userAgent = options.userAgent ?? USER_AGENT;
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    // Credentials in the URL (`https://user:password@host/`) are masked and sent as Basic auth
    // (a caller's own Authorization wins); the URL in errors and responses carries none.
    const { url, user, password } = splitUrlCredentials(String(req.url));
    const retries = req.retries ?? this.retries;
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      ...(user !== undefined && { authorization: basicAuth(user, password ?? '') }),
      ...req.headers,
    };
    let lastReason = '';
    let lastStatus: number | undefined;
    for (let attempt = 0; ; attempt++) {
      let delay: number;
      try {
        const res = await exchange({
          method,
          url,
          headers,
          body: req.body,
          timeoutMs: req.timeoutMs ?? this.timeoutMs,
          manualRedirect: req.manualRedirect,
          maxBodyBytes: req.maxBodyBytes,
          maxConnectionsPerHost: this.options.maxConnectionsPerHost,
        });
        if (!RETRY_STATUS.has(res.status)) return toResponse(res);
        lastStatus = res.status;
        lastReason = `HTTP ${res.status}`;
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
        if (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs) {
          throw new TransientHttpError(
            url,
            `${lastReason} with Retry-After ${Math.round(retryAfter / 1000)}s`,
            attempt + 1,
            lastStatus,
          );
        }
        delay = retryAfter ?? this.backoff(attempt);
      } catch (error) {
        // A proxy that refuses us or a proxy setting that cannot work, a redirect loop or one to another scheme, an answer
        // over the size limit (http-transport.ts) say what to fix: retrying changes nothing.
        // Nor does it for a URL we cannot send to (a TypeError: no network error is one here).
        if (error instanceof TransientHttpError || isUserError(error) || error instanceof TypeError)
          throw error;
        lastStatus = undefined;
        lastReason = networkReason(error);
        delay = this.backoff(attempt);
      }
      if (attempt >= retries) throw new TransientHttpError(url, lastReason, attempt + 1, lastStatus);
      if (!IDEMPOTENT.has(method) || req.beforeRetry) {
        if (req.beforeRetry && !(await req.beforeRetry(lastReason))) {
          throw new AlreadyDoneSignal(url, lastReason);
        }
        if (!req.beforeRetry) throw new TransientHttpError(url, lastReason, attempt + 1, lastStatus);
      }
      this.options.reporter?.debug(
        redact(`${method} ${url}: ${lastReason}; retry ${attempt + 1}/${retries} in ${delay} ms`),
      );
      await this.sleep(delay);
    }
  }
}

/**
 * Thrown when `beforeRetry` found the work already done after a failed attempt: the caller
 * treats it as success without sending again.
 */
export class AlreadyDoneSignal extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}, but the registry already has it`);
  }
}

function toResponse(res: Exchange): HttpResponse {
  const body = res.body;
  return {
    status: res.status,
    ok: res.status >= 200 && res.status < 300,
    headers: res.headers,
    url: res.url,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}
