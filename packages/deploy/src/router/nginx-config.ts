/**
 * What the nginx router writes, and how it reads an upstream file it did not write.
 *
 * Why not rewrite `server … weight=` lines and `nginx -s reload` at each step: a reload makes
 * the old workers close their idle keep-alive client connections at once
 * (ngx_close_idle_connections); a client that sends its next request on such a connection at
 * that moment gets a reset or an empty reply. Under `wrk -c50` that loses a few dozen requests
 * per reload, and nginx 1.22 has no setting against it (keepalive_min_timeout came in 1.27).
 * So nginx is configured once and traffic moves without a reload: `split_clients` gives each
 * request a bucket 0-99, and the bucket goes to green when a file of that name exists under
 * `<route>/current/` (a symlink swapped atomically), else to blue.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Colour, Traffic } from './types.js';

export const MANAGED_MARK = '# Managed by deploy-actions (blue-green-switch)';
export const BUCKETS = 100;

export interface NginxLayout {
  /** The name prefix of everything we declare: upstreams <id>_blue/_green, variables $<id>_bucket/$<id>_pool. */
  id: string;
  upstreamFile: string;
  /** Beside the upstream file: `current` (the live split), `green-N` folders, `route.conf`. */
  routeDir: string;
  /** The snippet for the server or location block. */
  snippet: string;
  current: string;
}

export function nginxLayout(upstreamFile: string): NginxLayout {
  const base = basename(upstreamFile, extname(upstreamFile));
  let id = base.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `app_${id}`;
  const routeDir = join(dirname(upstreamFile), `${base}.route`);
  return {
    id,
    upstreamFile,
    routeDir,
    snippet: join(routeDir, 'route.conf'),
    current: join(routeDir, 'current'),
  };
}

/** The folder whose files send their buckets to green: green-0 … green-100. */
export const splitDirName = (greenWeight: number) => `green-${greenWeight}`;

export function parseSplitDirName(name: string): number | undefined {
  const match = /^green-(\d{1,3})$/.exec(name);
  const weight = match ? Number(match[1]) : NaN;
  return weight >= 0 && weight <= 100 ? weight : undefined;
}

function upstreamBlock(name: string, primary: string[], backup: string[]): string {
  return [
    `upstream ${name} {`,
    // max_fails=0: a failed attempt never takes the colour out of rotation for fail_timeout;
    // the request itself moves on to the backup (the other colour), so it is not lost.
    ...primary.map((address) => `    server ${address} max_fails=0;`),
    ...backup.map((address) => `    server ${address} backup;`),
    '    keepalive 32;',
    // Below the idle timeout of common app servers (Node 5 s), so nginx closes an idle
    // upstream connection before the app does and never reuses one the app is closing.
    '    keepalive_timeout 4s;',
    '}',
  ].join('\n');
}

/** The http-level file: one upstream per colour (the other colour as backup) and the bucket split. */
export function renderUpstreamFile(layout: NginxLayout, blue: string[], green: string[]): string {
  const { id } = layout;
  const buckets = Array.from({ length: BUCKETS - 1 }, (_, i) => `    1% ${i};`);
  return [
    MANAGED_MARK,
    `# Included in the http block. Rewritten (then nginx -t and a reload) only when the blue or`,
    `# green addresses change; traffic moves without a reload through ${layout.current}.`,
    `# In the server or location block: include ${layout.snippet}; proxy_pass http://$${id}_pool;`,
    upstreamBlock(`${id}_blue`, blue, green),
    upstreamBlock(`${id}_green`, green, blue),
    // $request_id is random per request: each request lands in one of 100 equal buckets.
    `split_clients "\${request_id}" $${id}_bucket {`,
    ...buckets,
    `    * ${BUCKETS - 1};`,
    '}',
    '',
  ].join('\n');
}

/** The server/location-level snippet that picks the colour of each request. */
export function renderRouteSnippet(layout: NginxLayout): string {
  const { id } = layout;
  return [
    MANAGED_MARK,
    `# Include in the server or location block that proxies to the app, then: proxy_pass http://$${id}_pool;`,
    '# A request goes to green when the file named by its bucket exists under current/.',
    // A cached answer would delay a switch (and a rollback) by open_file_cache_valid.
    'open_file_cache off;',
    `set $${id}_pool ${id}_blue;`,
    `if (-f ${layout.current}/$${id}_bucket) {`,
    `    set $${id}_pool ${id}_green;`,
    '}',
    '',
  ].join('\n');
}

/**
 * The split of an upstream file written by hand or by a reload-based tool: the weights of the
 * `server` lines whose address is blue's or green's. Lets the first run take over without
 * moving traffic.
 */
export function trafficFromUpstreamFile(text: string, blue: string[], green: string[]): Traffic | undefined {
  const weights: Record<Colour, number> = { blue: 0, green: 0 };
  const statements = text.replace(/#.*$/gm, '').split(';');
  for (const statement of statements) {
    const match = /(?:^|[\s{])server\s+(\S+)([^{}]*)$/.exec(statement);
    if (!match) continue;
    const params = match[2];
    if (/\b(backup|down)\b/.test(params)) continue;
    const weight = Number(/\bweight=(\d+)/.exec(params)?.[1] ?? 1);
    if (blue.includes(match[1])) weights.blue += weight;
    else if (green.includes(match[1])) weights.green += weight;
  }
  const total = weights.blue + weights.green;
  if (!total) return undefined;
  const greenShare = Math.round((weights.green / total) * 100);
  return { blue: 100 - greenShare, green: greenShare };
}
