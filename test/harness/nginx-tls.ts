/**
 * A private Debian nginx as an HTTPS front for a plain-HTTP server on loopback (a registry
 * reached over TLS, as on the internet), with a self-signed certificate openssl makes for
 * 127.0.0.1. Its access log records nginx's connection serial per request, so a test can count
 * how many connections a client opened.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { freePort, startProcess } from './process.js';

const run = promisify(execFile);

export interface TlsFront {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The certificate to trust (NODE_EXTRA_CA_CERTS). */
  certFile: string;
  /** One entry per request served: nginx's connection serial and the path. */
  requests(): { connection: string; path: string }[];
  /** Forget the requests so far. */
  clearLog(): void;
  stop(): Promise<void>;
}

export async function startTlsFront(upstream: string): Promise<TlsFront> {
  const prefix = mkdtempSync(join(tmpdir(), 'da-nginx-tls-'));
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'tmp'), { recursive: true });
  const keyFile = join(prefix, 'tls.key');
  const certFile = join(prefix, 'tls.crt');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
      ...['-keyout', keyFile, '-out', certFile, '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    ],
    { stdio: 'ignore' },
  );
  chmodSync(keyFile, 0o644);
  const port = await freePort();
  const log = join(prefix, 'access.log');
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
    log_format conn '$connection $request_uri';
    access_log ${log} conn;
    ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
    keepalive_timeout 65s;
    keepalive_requests 10000;
    client_max_body_size 100m;
    upstream registry { server ${upstream}; keepalive 16; }
    server {
        listen 127.0.0.1:${port} ssl;
        ssl_certificate ${certFile};
        ssl_certificate_key ${keyFile};
        location / {
            proxy_pass http://registry;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
        }
    }
}
`,
  );
  const base = ['-p', prefix, '-c', conf, '-e', 'stderr'];
  await run('nginx', [...base, '-t']);
  const server = await startProcess('nginx', [...base, '-g', 'daemon off;'], {
    port,
    url: `https://127.0.0.1:${port}`,
    // Ready when the port takes a connection (fetch would refuse the self-signed certificate).
    ready: () =>
      new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      }),
  });
  const read = () => {
    try {
      return readFileSync(log, 'utf8');
    } catch {
      return '';
    }
  };
  let skip = 0;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    certFile,
    requests: () =>
      read()
        .slice(skip)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [connection, path] = line.split(' ');
          return { connection, path };
        }),
    clearLog: () => {
      skip = read().length;
    },
    stop: async () => {
      await server.stop();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
