/**
 * A blue or green copy of "the app" for rollout tests: a node HTTP server on a free loopback
 * port whose behaviour can be changed while it runs.
 *
 * Modes: `ok`; `slow` (every answer after `delayMs`); `failing` (every request but /metrics
 * answers `failStatus`); `flapping` (requests alternate between ok and failing).
 * Endpoints: `/health` ({"status":"ok","colour":…}), `/metrics` (Prometheus text: requests by
 * code, `app_up`), anything else `{"colour":…,"version":…}`. It counts what it served, and
 * records when it first answered a request with a failure.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { freePort } from '../harness/process.js';

export type ColourMode = 'ok' | 'slow' | 'failing' | 'flapping';

export interface ColourKnobs {
  mode: ColourMode;
  delayMs: number;
  failStatus: number;
  version: string;
}

export interface ColourApp {
  colour: string;
  url: string;
  port: number;
  /** host:port, as a router setting. */
  address: string;
  set(knobs: Partial<ColourKnobs>): void;
  knobs(): ColourKnobs;
  /** Requests served, by status code. */
  served: Map<number, number>;
  total(): number;
  /** Date.now() of the first failing answer since the last set() (to `path`, if given); undefined if none. */
  firstFailureAt(path?: string): number | undefined;
  /** Date.now() of the failing answers to `path` since the last set() (the first 1000). */
  failureTimes(path: string): number[];
  stop(): Promise<void>;
}

export async function startColourApp(colour: string, knobs: Partial<ColourKnobs> = {}): Promise<ColourApp> {
  const port = await freePort();
  let current: ColourKnobs = { mode: 'ok', delayMs: 500, failStatus: 500, version: '1.0.0', ...knobs };
  const served = new Map<number, number>();
  let flap = 0;
  let firstFailure: number | undefined;
  let failures = new Map<string, number[]>();

  const failsNow = (path: string) => {
    if (path === '/metrics') return false;
    if (current.mode === 'failing') return true;
    if (current.mode === 'flapping') return flap++ % 2 === 1;
    return false;
  };

  const metrics = () => {
    const lines = ['# TYPE app_requests_total counter'];
    for (const [code, n] of [...served].sort())
      lines.push(`app_requests_total{colour="${colour}",code="${code}"} ${n}`);
    lines.push('# TYPE app_up gauge', `app_up{colour="${colour}"} ${current.mode === 'failing' ? 0 : 1}`);
    return lines.join('\n') + '\n';
  };

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const failing = failsNow(path);
    const status = failing ? current.failStatus : 200;
    let body: string;
    let type = 'application/json';
    if (path === '/metrics') {
      body = metrics();
      type = 'text/plain; version=0.0.4';
    } else if (path === '/health') {
      body = JSON.stringify({ status: failing ? 'failing' : 'ok', colour, version: current.version });
    } else {
      body = JSON.stringify({ colour, version: current.version });
    }
    if (failing) {
      const now = Date.now();
      firstFailure ??= now;
      const times = failures.get(path) ?? [];
      if (times.length < 1000) times.push(now);
      failures.set(path, times);
    }
    served.set(status, (served.get(status) ?? 0) + 1);
    res.writeHead(status, {
      'content-type': type,
      'x-colour': colour,
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    req.resume();
    if (current.mode === 'slow' && req.url !== '/metrics')
      setTimeout(() => answer(req, res), current.delayMs);
    else answer(req, res);
  });
  // Longer than nginx keeps an idle upstream connection (keepalive_timeout 4s in the
  // upstream file), so the proxy, not the app, closes idle connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    colour,
    port,
    url: `http://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    set(next) {
      current = { ...current, ...next };
      firstFailure = undefined;
      failures = new Map();
      flap = 0;
    },
    knobs: () => ({ ...current }),
    served,
    total: () => [...served.values()].reduce((a, b) => a + b, 0),
    firstFailureAt: (path) => (path ? failures.get(path)?.[0] : firstFailure),
    failureTimes: (path) => [...(failures.get(path) ?? [])],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
