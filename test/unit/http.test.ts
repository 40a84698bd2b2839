import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import {
  AlreadyDoneSignal,
  HttpClient,
  TransientHttpError,
  parseRetryAfter,
} from '@deploy-actions/action-kit/http';

/** A loopback server that answers from a script: one behaviour per request, in order. */
type Step = 'ok' | 'reset' | 'hang' | { status: number; headers?: Record<string, string> };
let server: Server;
let base = '';
let script: Step[] = [];
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    const step = script.shift() ?? 'ok';
    if (step === 'reset') return req.socket.destroy();
    if (step === 'hang') return; // never answers
    if (step === 'ok') return res.end(JSON.stringify({ ok: true, ua: req.headers['user-agent'] }));
    res.writeHead(step.status, step.headers).end('{"message":"no"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const sleeps: number[] = [];
const client = (extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) =>
  new HttpClient({
    retries: 3,
    baseDelayMs: 1,
    timeoutMs: 500,
    sleep: async (ms) => void sleeps.push(ms),
    ...extra,
  });

function run(steps: Step[]) {
  script = [...steps];
  hits = 0;
  sleeps.length = 0;
}

describe('the one HTTP client', () => {
  test('retries 5xx, resets and timeouts, then succeeds; sends its user agent', async () => {
    run([{ status: 502 }, 'reset', 'hang', 'ok']);
    const res = await client().request({ url: `${base}/x` });
    expect(res.status).toBe(200);
    expect(res.json<{ ua: string }>().ua).toMatch(/^deploy-actions\//);
    expect(hits).toBe(4);
  });

  test('honours Retry-After on 429', async () => {
    run([{ status: 429, headers: { 'retry-after': '2' } }, 'ok']);
    await client().request({ url: `${base}/x` });
    expect(sleeps).toEqual([2000]);
  });

  test('gives up after the bounded retries with a transient error naming the cause', async () => {
    run([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, 'ok']);
    await expect(client().request({ url: `${base}/x` })).rejects.toThrow(TransientHttpError);
    expect(hits).toBe(4);
  });

  test('does not wait for an absurd Retry-After', async () => {
    run([{ status: 429, headers: { 'retry-after': '3600' } }]);
    await expect(client().request({ url: `${base}/x` })).rejects.toThrow(/Retry-After 3600s/);
    expect(hits).toBe(1);
  });

  test('never blindly retries a POST: it fails at once without beforeRetry', async () => {
    run([{ status: 500 }, 'ok']);
    await expect(client().request({ method: 'POST', url: `${base}/upload`, body: 'x' })).rejects.toThrow(
      TransientHttpError,
    );
    expect(hits).toBe(1);
  });

  test('asks beforeRetry before resending a POST, and stops when the work is done', async () => {
    run([{ status: 500 }, 'ok']);
    const asked: string[] = [];
    const request = client().request({
      method: 'POST',
      url: `${base}/upload`,
      body: 'x',
      beforeRetry: async (reason) => {
        asked.push(reason);
        return false; // the registry already has it
      },
    });
    await expect(request).rejects.toThrow(AlreadyDoneSignal);
    expect(asked).toEqual(['HTTP 500']);
    expect(hits).toBe(1);
  });

  test('4xx other than 408/429 is an answer, not retried', async () => {
    run([{ status: 404 }]);
    const res = await client().request({ url: `${base}/x` });
    expect(res.status).toBe(404);
    expect(hits).toBe(1);
  });

  test('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(10_000 + 5000).toUTCString(), 10_000)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
