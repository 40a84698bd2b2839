/**
 * A loopback proxy in front of a real registry (or a protocol test server) that injects
 * faults: an HTTP status (500, 502, 503, 429 with Retry-After), a connection reset, a hang, a
 * slow body, or a failure after the upstream accepted the request (the upload landed but the
 * client sees an error), or a hostile answer in the registry's place (a `status` fault with its
 * own headers and body: a gzip bomb, a redirect loop, HTML). Rules match method and path and fire a bounded number of times; every
 * request is logged so tests can assert what reached the registry.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { readBody } from '../harness/read-body.js';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string | Buffer }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'slow-body'; bytesPerSecond: number }
  /** Forward to the registry, then answer the client with `status` (or reset) anyway. */
  | { kind: 'after-upstream'; status?: number }
  /** A hostile registry: answer `status` with a body made from what the client sent. */
  | { kind: 'answer'; status: number; body: (req: IncomingMessage, body: Buffer) => string };

export interface FaultRule {
  method?: string;
  path: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default 1). */
  times?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  fault?: Fault['kind'];
  upstreamStatus?: number;
}

export interface FaultProxy {
  url: string;
  log: LoggedRequest[];
  add(rule: FaultRule): void;
  clear(): void;
  stop(): Promise<void>;
}

/** Send `req` (its `body` read already) to `upstream`, at `path`, and read the whole answer. */
export function forward(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
  path = req.url,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host };
    const out = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/** `{self}` in a header value stands for the request's own path (a redirect back to itself). */
function selfHeaders(headers: Record<string, string> | undefined, path: string) {
  if (!headers) return headers;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('{self}', path)]));
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const rules: (FaultRule & { left: number })[] = [];
  const log: LoggedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer(async (req, res) => {
    const entry: LoggedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
    log.push(entry);
    const rule = rules.find(
      (r) => r.left > 0 && (!r.method || r.method === req.method) && r.path.test(req.url ?? ''),
    );
    const body = await readBody(req);
    if (rule) rule.left--;
    const fault = rule?.fault;
    entry.fault = fault?.kind;
    try {
      if (fault?.kind === 'status')
        return void res
          .writeHead(fault.status, selfHeaders(fault.headers, req.url ?? '/'))
          .end(fault.body ?? `{"error":"injected ${fault.status}"}`);
      if (fault?.kind === 'answer')
        return void res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(fault.body(req, body));
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.kind === 'hang') return void hanging.add(res);
      const answer = await forward(upstream, req, body);
      entry.upstreamStatus = answer.status;
      if (fault?.kind === 'after-upstream') {
        if (fault.status) return void res.writeHead(fault.status).end('{"error":"injected after upstream"}');
        return void req.socket.destroy();
      }
      // Rewrite absolute upstream URLs (e.g. an upload Location) so the client stays behind us.
      const headers = { ...answer.headers };
      if (typeof headers.location === 'string')
        headers.location = headers.location.replace(upstream.origin, `http://127.0.0.1:${port}`);
      if (fault?.kind === 'slow-body') {
        delete headers['content-length'];
        res.writeHead(answer.status, headers);
        const step = Math.max(1, Math.floor(fault.bytesPerSecond / 10));
        for (let i = 0; i < answer.body.length; i += step) {
          if (res.destroyed) return;
          res.write(answer.body.subarray(i, i + step));
          await new Promise((r) => setTimeout(r, 100));
        }
        return void res.end();
      }
      res.writeHead(answer.status, headers).end(answer.body);
    } catch (caught) {
      if (!res.headersSent) res.writeHead(502).end(String(caught));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    add: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    clear: () => {
      rules.length = 0;
      log.length = 0;
    },
    stop: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
