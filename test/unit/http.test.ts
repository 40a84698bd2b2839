import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import {
  AlreadyDoneSignal,
  HttpClient,
  TransientHttpError,
  parseRetryAfter,
  type HttpRequest,
} from '@deploy-actions/action-kit/http';
import { jsonAnswer, shapeProblem } from '@deploy-actions/action-kit/answer';
import { RegistryError } from '@deploy-actions/action-kit/errors';

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
    if (step === 'ok')
      return res.end(
        JSON.stringify({ ok: true, ua: req.headers['user-agent'], auth: req.headers.authorization }),
      );
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

/**
 * The transport under the client (node:http, not fetch): redirects, credentials, bodies and
 * truncated answers behave as fetch's did, checked against two real loopback servers (two
 * origins) and, for the answers, Node's own fetch as the reference.
 */
describe('the transport: what fetch did, without fetch', () => {
  let other: Server;
  let otherBase = '';
  const seen: { path: string; method: string; auth?: string; body: string; type?: string }[] = [];

  beforeAll(async () => {
    other = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        seen.push({
          path: req.url ?? '',
          method: req.method ?? '',
          auth: req.headers.authorization,
          body,
          type: req.headers['content-type'],
        });
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/to-other') return res.writeHead(302, { location: `${base}/x` }).end();
        if (url.pathname === '/same') return res.writeHead(307, { location: '/echo' }).end();
        if (url.pathname === '/see-other') return res.writeHead(303, { location: '/echo' }).end();
        if (url.pathname === '/loop') return res.writeHead(302, { location: '/loop' }).end();
        if (url.pathname === '/gzip') {
          return import('node:zlib').then(({ gzipSync }) =>
            res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"packed":true}')),
          );
        }
        if (url.pathname === '/short') {
          res.writeHead(200, { 'content-length': '100' });
          res.write('only part');
          return setTimeout(() => req.socket.destroy(), 20);
        }
        res.setHeader('x-multi', ['a', 'b']);
        res.end(JSON.stringify({ method: req.method, body }));
      });
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherBase = `http://localhost:${(other.address() as { port: number }).port}`;
  });
  afterAll(() => {
    other.closeAllConnections();
    other.close();
  });

  test('a redirect to another origin drops the authorization header; same origin keeps it', async () => {
    run(['ok']);
    seen.length = 0;
    const res = await client().request({
      url: `${otherBase}/to-other`,
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${base}/x`);
    expect(seen[0].auth).toBe('Bearer s3cret');
    expect(res.json<{ auth?: string }>().auth).toBeUndefined();

    seen.length = 0;
    const same = await client().request({
      method: 'PUT',
      url: `${otherBase}/same`,
      headers: { authorization: 'Bearer s3cret' },
      body: 'payload',
    });
    // 307 keeps the method, the body and (same origin) the credentials.
    expect(same.json()).toEqual({ method: 'PUT', body: 'payload' });
    expect(seen.map((s) => [s.path, s.method, s.auth])).toEqual([
      ['/same', 'PUT', 'Bearer s3cret'],
      ['/echo', 'PUT', 'Bearer s3cret'],
    ]);
  });

  test('303 turns a POST into a GET without its body; manualRedirect returns the 3xx itself', async () => {
    const res = await client().request({ method: 'POST', url: `${otherBase}/see-other`, body: 'form' });
    expect(res.json()).toEqual({ method: 'GET', body: '' });
    const manual = await client().request({ url: `${otherBase}/see-other`, manualRedirect: true });
    expect([manual.status, manual.headers.get('location')]).toEqual([303, '/echo']);
    await expect(client({ retries: 0 }).request({ url: `${otherBase}/loop` })).rejects.toThrow(/redirects/);
  });

  test('answers read the same as through fetch: status, headers, gzip, GET with a body', async () => {
    for (const path of ['/echo', '/gzip']) {
      const ours = await client().request({ url: `${otherBase}${path}` });
      const theirs = await fetch(`${otherBase}${path}`);
      expect(ours.status).toBe(theirs.status);
      expect(ours.text()).toBe(await theirs.text());
      expect(ours.headers.get('x-multi')).toBe(theirs.headers.get('x-multi'));
      expect(ours.headers.get('content-type')).toBe(theirs.headers.get('content-type'));
    }
    // fetch refuses a body on GET; flat-manager needs one, and this client sends it.
    const get = await client().request({ url: `${otherBase}/echo`, body: '{"wanted":[]}' });
    expect(get.json()).toEqual({ method: 'GET', body: '{"wanted":[]}' });
    seen.length = 0;
    await client().request({ method: 'POST', url: `${otherBase}/echo`, body: 'text' });
    expect(seen[0].type).toBe('text/plain;charset=UTF-8');
  });

  test('an answer cut short is a network error, retried, and then reported', async () => {
    const sleeps: number[] = [];
    const short = client({ retries: 1, sleep: async (ms) => void sleeps.push(ms) });
    await expect(short.request({ url: `${otherBase}/short` })).rejects.toThrow(
      /network error ECONNRESET.*after 2 attempts/,
    );
    expect(sleeps).toHaveLength(1);
  });
});

describe('the limits of what an answer may do', () => {
  let hostile: Server;
  let hostileBase = '';
  let requests: string[] = [];
  let bomb: Buffer;

  beforeAll(async () => {
    const { gzipSync } = await import('node:zlib');
    // 100 MB of zeros: about 100 KB gzipped.
    bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024));
    hostile = createServer((req, res) => {
      requests.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/bomb')
        return res
          .writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' })
          .end(bomb);
      if (url.pathname === '/self') return res.writeHead(301, { location: '/self' }).end();
      if (url.pathname === '/ping') return res.writeHead(302, { location: '/pong' }).end();
      if (url.pathname === '/pong') return res.writeHead(302, { location: '/ping' }).end();
      if (url.pathname === '/onward') {
        const n = Number(url.searchParams.get('n') ?? 0);
        return res.writeHead(302, { location: `/onward?n=${n + 1}` }).end();
      }
      if (url.pathname === '/file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (url.pathname === '/ftp') return res.writeHead(307, { location: 'ftp://127.0.0.1/x' }).end();
      if (url.pathname === '/html')
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>');
      if (url.pathname === '/wrong')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"7"}');
      if (url.pathname === '/small-gzip')
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.from('{"ok":true}')));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
    hostileBase = `http://127.0.0.1:${(hostile.address() as { port: number }).port}`;
  });
  afterAll(() => {
    hostile.closeAllConnections();
    hostile.close();
  });

  const ask = (path: string, extra: Partial<HttpRequest> = {}) => {
    requests = [];
    return client({ retries: 4 }).request({ url: `${hostileBase}${path}`, ...extra });
  };

  test('a gzip bomb stops at the limit, once, with a RegistryError naming the host and the limit', async () => {
    const before = process.memoryUsage().rss;
    // The subject is the size limit, not the deadline: inflating 64 MiB takes 0.2-1 s on a loaded
    // runner, so the client's 500 ms per attempt would make this a test of the machine's load.
    const error = await ask('/bomb', { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(String((error as Error).message)).toContain(new URL(hostileBase).host);
    expect(String((error as Error).message)).toMatch(/larger than 64 MiB/);
    expect(requests).toEqual(['/bomb']);
    // Not inflated whole: far below the 100 MB it would take.
    expect(process.memoryUsage().rss - before).toBeLessThan(90 * 1024 * 1024);
    await expect(ask('/bomb', { maxBodyBytes: 1024, timeoutMs: 10_000 })).rejects.toThrow(
      /larger than 1024 bytes/,
    );
    // Under the limit, a compressed answer reads as before.
    expect((await ask('/small-gzip')).json()).toEqual({ ok: true });
  });

  test('a redirect loop fails at once, not retried', async () => {
    await expect(ask('/self')).rejects.toThrow(/redirects in a loop/);
    expect(requests).toEqual(['/self']);
    await expect(ask('/ping')).rejects.toThrow(/redirects in a loop/);
    expect(requests).toEqual(['/ping', '/pong']);
  });

  test('too many redirects fail after 20 hops, not retried', async () => {
    const error = await ask('/onward').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toMatch(/more than 20 times/);
    expect(requests).toHaveLength(21);
  });

  test('a redirect to file:// or another scheme fails at once, clearly', async () => {
    const error = await ask('/file').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toMatch(/to a file: URL; only http and https redirects are followed/);
    expect(requests).toEqual(['/file']);
    await expect(ask('/ftp')).rejects.toThrow(/ftp: URL/);
    expect(requests).toEqual(['/ftp']);
  });

  test('jsonAnswer: HTML and JSON of another shape are RegistryErrors naming the host, never TypeErrors', async () => {
    const source = { what: 'a GitHub release' };
    const html = () => jsonAnswer(htmlRes, { id: 'integer' }, source);
    const htmlRes = await ask('/html');
    expect(html).toThrow(RegistryError);
    expect(html).toThrow(
      /the registry at 127\.0\.0\.1:\d+ answered \/html with HTTP 200 text\/html, which is not a GitHub release answer/,
    );
    const wrong = await ask('/wrong');
    expect(() => jsonAnswer(wrong, { id: 'integer', upload_url: 'string' }, source)).toThrow(
      /answered \/wrong with JSON where "id" is a string, not an integer, which is not a GitHub release answer/,
    );
    expect(() => jsonAnswer(wrong, { id: 'string', upload_url: 'string' }, source)).toThrow(
      /"upload_url" is missing/,
    );
  });

  test('shapeProblem: nested fields, lists, maps, optional and union types', () => {
    const shape = {
      id: 'integer',
      'name?': 'string',
      assets: [{ size: 'number', 'digest?': 'string' }],
      tags: { '*': 'string' },
      note: 'string|null',
    } as const;
    expect(shapeProblem({ id: 1, assets: [], tags: {}, note: null }, shape)).toBeUndefined();
    expect(
      shapeProblem({ id: 1, name: null, assets: [{ size: 2 }], tags: { a: 'b' }, note: 'x' }, shape),
    ).toBeUndefined();
    expect(shapeProblem({ id: 1, assets: [{ size: '2' }], tags: {}, note: null }, shape)).toBe(
      '"assets[0].size" is a string, not a number',
    );
    expect(shapeProblem({ id: 1, assets: [], tags: { a: 1 }, note: null }, shape)).toBe(
      '"tags.a" is a number, not a string',
    );
    expect(shapeProblem('<html>', shape)).toBe('the answer is a string, not an object');
    expect(shapeProblem([], shape)).toBe('the answer is an array, not an object');
    expect(shapeProblem({ id: 1.5, assets: [], tags: {}, note: null }, shape)).toBe(
      '"id" is a number, not an integer',
    );
  });
});
