/**
 * A private Debian nginx as the blue/green router: its own prefix, pid file, error log and
 * temp paths, listening on 127.0.0.1:<free port>, in the foreground (stopped by PID).
 *
 * `mode: 'route'` (default) is the recommended setup of the blue-green-switch README: the
 * router's upstream file in the http block, its route snippet in the location, keep-alive on
 * both sides. `mode: 'naive'` is the classic setup the benchmark compares against: one
 * `upstream app_naive` whose server lines are rewritten and reloaded.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { nginxLayout, renderRouteSnippet, renderUpstreamFile } from '@deploy-actions/deploy/router/index';
import { freePort, startProcess } from './process.js';

const run = promisify(execFile);

export interface NginxSetup {
  blue: string;
  green: string;
  mode?: 'route' | 'naive';
}

export interface RunningNginx {
  url: string;
  port: number;
  prefix: string;
  confDir: string;
  upstreamFile: string;
  reloadCommand: string[];
  testCommand: string[];
  pid: number;
  /** PIDs of the worker processes: they change on every reload. */
  workers(): Promise<number[]>;
  errorLog(): string;
  stop(): Promise<void>;
}

/** The location block of the recommended setup (also in the blue-green-switch README). */
function routeLocation(snippet: string, id: string): string {
  return `
        location / {
            include ${snippet};
            proxy_pass http://$${id}_pool;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }`;
}

function naiveLocation(): string {
  return `
        location / {
            proxy_pass http://app_naive;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }`;
}

export function naiveUpstream(servers: { address: string; weight: number }[]): string {
  const lines = servers.filter((s) => s.weight > 0).map((s) => `    server ${s.address} weight=${s.weight};`);
  return `upstream app_naive {\n${lines.join('\n')}\n    keepalive 32;\n}\n`;
}

export async function startNginx(setup: NginxSetup): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'da-nginx-'));
  // Workers run as nobody when nginx starts as root: they must be able to read the route.
  chmodSync(prefix, 0o755);
  const confDir = join(prefix, 'conf.d');
  mkdirSync(join(prefix, 'tmp'), { recursive: true });
  mkdirSync(confDir, { mode: 0o755 });
  const port = await freePort();
  const upstreamFile = join(confDir, 'app-upstream.conf');
  const layout = nginxLayout(upstreamFile);
  let location: string;
  if (setup.mode === 'naive') {
    writeFileSync(upstreamFile, naiveUpstream([{ address: setup.blue, weight: 100 }]));
    location = naiveLocation();
  } else {
    // What the router's first run would install, done before nginx starts: all on blue.
    writeFileSync(upstreamFile, renderUpstreamFile(layout, [setup.blue], [setup.green]));
    mkdirSync(join(layout.routeDir, 'green-0'), { recursive: true, mode: 0o755 });
    writeFileSync(layout.snippet, renderRouteSnippet(layout));
    symlinkSync('green-0', layout.current);
    location = routeLocation(layout.snippet, layout.id);
  }
  const conf = join(prefix, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  writeFileSync(
    conf,
    `worker_processes 2;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
    access_log off;
    ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
    keepalive_timeout 65s;
    include ${upstreamFile};
    server {
        listen 127.0.0.1:${port};${location}
    }
}
`,
  );
  const base = ['-p', prefix, '-c', conf, '-e', 'stderr'];
  await run('nginx', [...base, '-t']);
  const server = await startProcess('nginx', [...base, '-g', 'daemon off;'], { port, readyPath: '/' });
  return {
    url: server.url,
    port,
    prefix,
    confDir,
    upstreamFile,
    reloadCommand: ['nginx', ...base, '-s', 'reload'],
    testCommand: ['nginx', ...base, '-t'],
    pid: server.pid,
    workers: async () => {
      const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(server.pid)]);
      return stdout.split(/\s+/).filter(Boolean).map(Number).sort();
    },
    errorLog: () => {
      try {
        return readFileSync(join(prefix, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop: async () => {
      await server.stop();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** Which colour answered each of `n` requests to the router. */
export async function sampleColours(url: string, n: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    const colour = res.headers.get('x-colour') ?? String(res.status);
    counts[colour] = (counts[colour] ?? 0) + 1;
  }
  return counts;
}
