/**
 * flat-manager reads a JSON body on two GET routes (`/build/{id}/missing_objects` and the job
 * routes, actix `Json<…>` extractors): its own client sends one. Node's fetch, under the kit's
 * HttpClient, refuses a body on GET, so these reads go through node:http here, with the same
 * bounds (DEPLOY_ACTIONS_HTTP_* variables) and retries; both are reads, safe to repeat.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzipSync, gzipSync } from 'node:zlib';
import { TransientHttpError, USER_AGENT } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { redact } from '@deploy-actions/action-kit/secrets';

export interface BodyResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json<T>(): T;
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isFinite(value) && value >= 0
    ? value
    : fallback;
}

function once(
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
): Promise<BodyResponse> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'GET', headers: { ...headers, 'content-length': String(body.length) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            let data = Buffer.concat(chunks);
            if (/gzip/i.test(String(res.headers['content-encoding'] ?? ''))) data = gunzipSync(data);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: data,
              json: <T>() => JSON.parse(data.toString('utf8')) as T,
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** GET `url` with a gzip-compressed JSON body, the way flat-manager-client does. */
export async function getWithJson(
  url: string,
  json: unknown,
  token: string,
  reporter?: Reporter,
): Promise<BodyResponse> {
  const retries = envNumber('DEPLOY_ACTIONS_HTTP_RETRIES', 4);
  const baseDelay = envNumber('DEPLOY_ACTIONS_HTTP_BACKOFF_MS', 500);
  const timeoutMs = envNumber('DEPLOY_ACTIONS_HTTP_TIMEOUT_MS', 30_000);
  const body = gzipSync(JSON.stringify(json));
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    'accept-encoding': 'gzip',
    'user-agent': USER_AGENT,
  };
  let reason = '';
  let status: number | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await once(new URL(url), headers, body, timeoutMs);
      if (!RETRY_STATUS.has(res.status)) return res;
      status = res.status;
      reason = `HTTP ${res.status}`;
    } catch (error) {
      status = undefined;
      reason = `network error ${(error as { code?: string }).code ?? (error as Error).message}`;
    }
    if (attempt >= retries) throw new TransientHttpError(url, reason, attempt + 1, status);
    const delay = Math.min(10_000, baseDelay * 2 ** attempt);
    reporter?.debug(redact(`GET ${url}: ${reason}; retry ${attempt + 1}/${retries} in ${delay} ms`));
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
