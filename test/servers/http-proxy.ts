/**
 * An HTTP forward proxy as offices and self-hosted runners put in front of the internet
 * (Squid, tinyproxy): CONNECT tunnels for https, absolute-form requests for http, and optional
 * Basic proxy authentication (407 with Proxy-Authenticate). Names resolve only through `hosts`
 * (`npm.registry.test:443` -> `127.0.0.1:8443`), so a client that reaches such a name must have
 * gone through the proxy: it cannot resolve the name itself. curl checks it speaks the protocol
 * (test/e2e/proxy.test.itg.ts).
 *
 * Also a TLS front for a plain-HTTP server (an https registry for tests), with a self-signed
 * certificate that openssl makes for the names asked.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forward } from '../faults/proxy.js';
import { readBody } from '../harness/read-body.js';

export interface ProxyLogEntry {
  /** CONNECT, or the forwarded request's method. */
  method: string;
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string;
  status: number;
}

export interface ProxyServer {
  url: string;
  log: ProxyLogEntry[];
  stop(): Promise<void>;
}

export interface ProxyOptions {
  /** `name:port` -> `127.0.0.1:port`: the only names this proxy can reach. */
  hosts: Record<string, string>;
  /** Require Basic proxy authentication with these. */
  credentials?: { user: string; password: string };
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const close = (server: Server, sockets: Set<Socket>) =>
  new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });

/** Track open sockets so stop() does not wait for tunnels a client left open. */
function tracked(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Send `req` on to `upstream` (host:port) at `path`, and its answer back. */
async function relay(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: string,
  path: string,
): Promise<void> {
  delete req.headers['proxy-authorization'];
  delete req.headers['proxy-connection'];
  try {
    const answer = await forward(new URL(`http://${upstream}`), req, await readBody(req), path);
    res.writeHead(answer.status, answer.headers).end(answer.body);
  } catch {
    res.writeHead(502).end();
  }
}

export async function startProxy(options: ProxyOptions): Promise<ProxyServer> {
  const log: ProxyLogEntry[] = [];
  const expected =
    options.credentials &&
    `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`;
  const authorized = (req: IncomingMessage) => !expected || req.headers['proxy-authorization'] === expected;
  const refusal = (status: number) =>
    `HTTP/1.1 ${status} ${status === 407 ? 'Proxy Authentication Required' : 'Bad Gateway'}\r\n` +
    (status === 407 ? 'Proxy-Authenticate: Basic realm="test proxy"\r\n' : '') +
    'Content-Length: 0\r\nConnection: close\r\n\r\n';

  const server = createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      log.push({ method: req.method ?? '', target: req.url ?? '', status: 400 });
      res.writeHead(400).end('a proxy takes absolute-form requests\n');
      return;
    }
    const upstream = options.hosts[`${target.hostname}:${target.port || 80}`];
    const status = !authorized(req) ? 407 : upstream ? 200 : 502;
    log.push({ method: req.method ?? '', target: target.href, status });
    if (status === 407)
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"', connection: 'close' }).end();
    else if (status === 502) res.writeHead(502, { connection: 'close' }).end();
    else void relay(req, res, upstream, `${target.pathname}${target.search}`);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = options.hosts[req.url ?? ''];
    const status = !authorized(req) ? 407 : upstream ? 200 : 502;
    log.push({ method: 'CONNECT', target: req.url ?? '', status });
    if (status !== 200) {
      client.end(refusal(status));
      return;
    }
    const [host, port] = upstream.split(':');
    const tunnel = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) tunnel.write(head);
      tunnel.pipe(client);
      client.pipe(tunnel);
    });
    tunnel.on('error', () => client.destroy());
    client.on('error', () => tunnel.destroy());
  });
  const sockets = tracked(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, log, stop: () => close(server, sockets) };
}

export interface TlsCertificate {
  key: string;
  cert: string;
  /** The certificate's file: a CA file for clients (NODE_EXTRA_CA_CERTS, curl --cacert). */
  certFile: string;
}

/** A self-signed certificate for `names` (DNS subject alternative names), made by openssl. */
export function selfSignedCertificate(dir: string, names: string[]): TlsCertificate {
  const keyFile = join(dir, 'tls.key');
  const certFile = join(dir, 'tls.crt');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
      ...['-keyout', keyFile, '-out', certFile, '-subj', `/CN=${names[0]}`],
      ...['-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`],
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

/** An https server in front of a plain-HTTP one (`upstream` host:port). Returns its port. */
export async function startTlsFront(
  certificate: TlsCertificate,
  upstream: string,
): Promise<{ port: number; stop(): Promise<void> }> {
  const server = createHttpsServer(
    { key: certificate.key, cert: certificate.cert },
    (req, res) => void relay(req, res, upstream, req.url ?? '/'),
  );
  const sockets = tracked(server);
  const port = await listen(server);
  return { port, stop: () => close(server, sockets) };
}
