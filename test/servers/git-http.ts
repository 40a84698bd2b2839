/**
 * A git server over HTTP for tests: Debian's `git http-backend` run as CGI behind node:http on
 * 127.0.0.1 (a free port), with basic auth: the write token may fetch and push, a read-only
 * token may fetch only (a push gets 403, as GitHub answers a token without contents: write),
 * anything else 401. Bare repositories live in a temp folder: `await git.createRepo('acme/tap')`
 * gives `${git.url}/acme/tap.git`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitHttpServer {
  url: string;
  root: string;
  /** A bare repository with `main` as HEAD; returns its URL. */
  createRepo(path: string): string;
  /** Every request: method, path, status. */
  requests: { method: string; path: string; status: number }[];
  stop(): Promise<void>;
}

function credentials(req: IncomingMessage): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
}

export async function startGitHttpServer(options: {
  token: string;
  readOnlyTokens?: string[];
}): Promise<GitHttpServer> {
  const root = mkdtempSync(join(tmpdir(), 'da-git-http-'));
  const requests: GitHttpServer['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const push =
      url.searchParams.get('service') === 'git-receive-pack' || url.pathname.endsWith('/git-receive-pack');
    const done = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, status });
      res.writeHead(status, headers).end(body);
    };
    const token = credentials(req);
    if (token === undefined)
      return done(401, { 'www-authenticate': 'Basic realm="git"' }, 'Authentication required\n');
    const write = token === options.token;
    if (!write && !options.readOnlyTokens?.includes(token))
      return done(401, { 'www-authenticate': 'Basic realm="git"' }, 'Bad credentials\n');
    if (push && !write) return done(403, {}, 'Permission to push denied\n');
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'tester',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
        // Protocol v2, as GitHub speaks it (an empty repository advertises its unborn HEAD).
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      },
    });
    req.pipe(child.stdin);
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('close', () => {
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1');
      const body = all.subarray(split + 4);
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n')) {
        const [k, ...v] = line.split(':');
        if (/^status$/i.test(k)) status = Number(v.join(':').trim().split(' ')[0]);
        else if (k) headers[k.toLowerCase()] = v.join(':').trim();
      }
      requests.push({ method: req.method ?? 'GET', path: url.pathname, status });
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    root,
    requests,
    createRepo(path) {
      const dir = join(root, `${path}.git`);
      mkdirSync(dir, { recursive: true });
      execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
      execFileSync('git', ['-C', dir, 'config', 'http.receivepack', 'true']);
      return `${url}/${path}.git`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
