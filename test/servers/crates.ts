/**
 * A cargo registry on loopback that speaks the real protocol, for tests that drive real cargo:
 * - the sparse index: `/index/config.json` ({dl, api}) and one newline-delimited JSON file per
 *   crate at `/index/1/<n>`, `/index/2/<n>`, `/index/3/<c>/<n>`, `/index/<ab>/<cd>/<name>`
 *   (lower-cased), as https://doc.rust-lang.org/cargo/reference/registry-index.html describes;
 * - the Web API: `PUT /api/v1/crates/new` (u32 LE JSON length, JSON metadata, u32 LE crate
 *   length, the .crate), yank/unyank, download;
 * - crates.io's trusted publishing exchange (`POST`/`DELETE /api/v1/trusted_publishing/tokens`)
 *   and a stand-in for the runner's OIDC endpoint that issues the ID tokens it accepts.
 * Faults can be injected to test retries: fail the next N matching requests with a status,
 * before or after the request took effect.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../harness/read-body.js';

export interface PublishMetadata {
  name: string;
  vers: string;
  deps: {
    name: string;
    version_req: string;
    features?: string[];
    optional?: boolean;
    default_features?: boolean;
    target?: string | null;
    kind?: string;
    registry?: string | null;
    explicit_name_in_toml?: string | null;
  }[];
  features?: Record<string, string[]>;
  links?: string | null;
  rust_version?: string | null;
  [key: string]: unknown;
}

export interface IndexEntry {
  name: string;
  vers: string;
  deps: Record<string, unknown>[];
  cksum: string;
  features: Record<string, string[]>;
  features2?: Record<string, string[]>;
  yanked: boolean;
  links?: string | null;
  rust_version?: string | null;
  v: number;
}

/** Split a publish request body: u32 LE JSON length, JSON, u32 LE crate length, the .crate. */
export function parsePublishBody(body: Buffer): { metadata: PublishMetadata; crate: Buffer } {
  if (body.length < 4) throw new Error('body too short for the metadata length');
  const jsonLength = body.readUInt32LE(0);
  if (4 + jsonLength + 4 > body.length) throw new Error('metadata length runs past the end of the body');
  const metadata = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as PublishMetadata;
  const crateLength = body.readUInt32LE(4 + jsonLength);
  const start = 8 + jsonLength;
  if (start + crateLength !== body.length)
    throw new Error('crate length does not match the rest of the body');
  return { metadata, crate: body.subarray(start, start + crateLength) };
}

/** Frame metadata and a .crate as cargo does (for tests that publish without cargo). */
export function framePublishBody(metadata: object, crate: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(metadata));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const mid = Buffer.alloc(4);
  mid.writeUInt32LE(crate.length);
  return Buffer.concat([head, json, mid, crate]);
}

/** The index file of a crate, relative to the index root (the sparse and git layouts agree). */
export function serverIndexPath(name: string): string {
  const n = name.toLowerCase();
  if (n.length <= 2) return `${n.length}/${n}`;
  if (n.length === 3) return `3/${n[0]}/${n}`;
  return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
}

export interface Fault {
  /** How many matching requests fail. */
  count: number;
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Which requests: default every request. */
  method?: string;
  path?: RegExp;
  /** Let the request take effect, then answer with the failure (a lost response). */
  afterEffect?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  userAgent?: string;
  status: number;
}

export interface CratesServerOptions {
  /** The API token cargo must send (raw, in Authorization). */
  token: string;
  /** Trusted publishing: the `repository` claim an ID token must carry (default acme/app). */
  trustedRepository?: string;
  /** A private registry: config.json says `auth-required`; index and downloads need the token. */
  authRequired?: boolean;
  /** The index lags the API as crates.io's does: an upload is listed only this many ms later. */
  indexLagMs?: number;
}

export interface CratesServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** sparse+http://127.0.0.1:PORT/index/, for cargo's `registries.NAME.index`. */
  indexUrl: string;
  /** The index root without the `sparse+` prefix. */
  plainIndexUrl: string;
  port: number;
  /** The OIDC audience trusted publishing expects: the API's host. */
  audience: string;
  /** For ACTIONS_ID_TOKEN_REQUEST_URL: answers {value: <ID token>} for `?audience=`. */
  oidcRequestUrl: string;
  /** For ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  oidcRequestToken: string;
  requests: RecordedRequest[];
  /** Versions accepted by PUT /api/v1/crates/new, in order ("name@version"). */
  uploads: string[];
  /** When each upload was accepted (ms since the epoch), by "name@version". */
  uploadedAt: Map<string, number>;
  /** Short-lived tokens issued by trusted publishing, and which were revoked. */
  trustedTokens: { issued: string[]; revoked: string[] };
  entries(name: string): IndexEntry[];
  crateFile(name: string, version: string): Buffer | undefined;
  /** Put a version in the registry directly (no .crate needed for index-only tests). */
  seed(name: string, version: string, options?: { yanked?: boolean; deps?: IndexEntry['deps'] }): void;
  failNext(fault: Fault): void;
  reset(): void;
  stop(): Promise<void>;
}

interface StoredCrate {
  entries: IndexEntry[];
  files: Map<string, Buffer>;
}

const NEW_FEATURE_SYNTAX = /^dep:|\?\//;

function indexEntryFrom(metadata: PublishMetadata, crate: Buffer): IndexEntry {
  const features: Record<string, string[]> = {};
  const features2: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(metadata.features ?? {}))
    (values.some((v) => NEW_FEATURE_SYNTAX.test(v)) ? features2 : features)[name] = values;
  const deps = metadata.deps.map((dep) => {
    const renamed = dep.explicit_name_in_toml ?? undefined;
    return {
      name: renamed ?? dep.name,
      req: dep.version_req,
      features: dep.features ?? [],
      optional: dep.optional ?? false,
      default_features: dep.default_features ?? true,
      target: dep.target ?? null,
      kind: dep.kind ?? 'normal',
      registry: dep.registry ?? null,
      ...(renamed ? { package: dep.name } : {}),
    };
  });
  const hasFeatures2 = Object.keys(features2).length > 0;
  return {
    name: metadata.name,
    vers: metadata.vers,
    deps,
    cksum: createHash('sha256').update(crate).digest('hex'),
    features,
    ...(hasFeatures2 ? { features2 } : {}),
    yanked: false,
    links: metadata.links ?? null,
    rust_version: metadata.rust_version ?? null,
    v: hasFeatures2 ? 2 : 1,
  };
}

const withoutBuild = (version: string) => version.split('+')[0];

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** crates.io's error shape: cargo prints `detail`. */
const apiError = (res: ServerResponse, status: number, detail: string, headers?: Record<string, string>) =>
  json(res, status, { errors: [{ detail }] }, headers);

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodeJwtPayload(jwt: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export async function startCratesServer(options: CratesServerOptions): Promise<CratesServer> {
  const crates = new Map<string, StoredCrate>();
  const requests: RecordedRequest[] = [];
  const uploads: string[] = [];
  const uploadedAt = new Map<string, number>();
  const visibleAt = new WeakMap<IndexEntry, number>();
  const trustedTokens = { issued: [] as string[], revoked: [] as string[] };
  const faults: Fault[] = [];
  const oidcRequestToken = `oidc-request-${randomBytes(8).toString('hex')}`;
  const trustedRepository = options.trustedRepository ?? 'acme/app';
  let base = '';
  let audience = '';

  const stored = (name: string) => crates.get(name.toLowerCase());
  const authorized = (header: string | undefined) =>
    header !== undefined &&
    (header === options.token ||
      (trustedTokens.issued.includes(header) && !trustedTokens.revoked.includes(header)));

  function takeFault(method: string, path: string): Fault | undefined {
    const fault = faults.find(
      (f) => f.count > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (fault) fault.count--;
    return fault;
  }

  function publish(body: Buffer, res: ServerResponse): void {
    let parsed: ReturnType<typeof parsePublishBody>;
    try {
      parsed = parsePublishBody(body);
    } catch (caught) {
      return apiError(res, 400, `invalid upload request: ${(caught as Error).message}`);
    }
    const { metadata, crate } = parsed;
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(metadata.name))
      return apiError(res, 400, `invalid crate name: \`${metadata.name}\``);
    const existing = stored(metadata.name);
    if (existing && existing.entries[0].name !== metadata.name)
      return apiError(res, 400, `crate was previously named \`${existing.entries[0].name}\``);
    if (existing?.entries.some((e) => withoutBuild(e.vers) === withoutBuild(metadata.vers)))
      return apiError(res, 400, `crate version \`${metadata.vers}\` is already uploaded`);
    // crates.io refuses a dependency it does not know; dev-dependencies included.
    for (const dep of metadata.deps) {
      if (dep.registry) continue;
      if (!stored(dep.name)) return apiError(res, 400, `no known crate named \`${dep.name}\``);
    }
    const entry = indexEntryFrom(metadata, crate);
    const target: StoredCrate = existing ?? { entries: [], files: new Map() };
    target.entries.push(entry);
    target.files.set(withoutBuild(metadata.vers), Buffer.from(crate));
    crates.set(metadata.name.toLowerCase(), target);
    uploads.push(`${metadata.name}@${metadata.vers}`);
    uploadedAt.set(`${metadata.name}@${metadata.vers}`, Date.now());
    visibleAt.set(entry, Date.now() + (options.indexLagMs ?? 0));
    json(res, 200, { warnings: { invalid_categories: [], invalid_badges: [], other: [] } });
  }

  function setYanked(name: string, version: string, yanked: boolean, res: ServerResponse): void {
    const entry = stored(name)?.entries.find((e) => withoutBuild(e.vers) === withoutBuild(version));
    if (!entry) return apiError(res, 404, `crate \`${name}\` does not have a version \`${version}\``);
    entry.yanked = yanked;
    json(res, 200, { ok: true });
  }

  function issueTrustedToken(body: Buffer, res: ServerResponse): void {
    let jwt: unknown;
    try {
      jwt = (JSON.parse(body.toString('utf8')) as { jwt?: unknown }).jwt;
    } catch {
      return apiError(res, 400, 'Failed to deserialize the JSON body');
    }
    const claims = typeof jwt === 'string' ? decodeJwtPayload(jwt) : undefined;
    if (!claims) return apiError(res, 400, 'Failed to decode JWT');
    if (claims.aud !== audience) return apiError(res, 401, `Invalid JWT audience: ${String(claims.aud)}`);
    if (claims.repository !== trustedRepository)
      return apiError(res, 400, 'No matching Trusted Publishing config found');
    const token = `cio_tp_${randomBytes(16).toString('hex')}`;
    trustedTokens.issued.push(token);
    json(res, 200, { token });
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
  ): Promise<void> {
    const auth = req.headers.authorization;
    if (method === 'GET' && path === '/index/config.json')
      return json(res, 200, {
        dl: `${base}/api/v1/crates`,
        api: base,
        ...(options.authRequired ? { 'auth-required': true } : {}),
      });
    // A private registry: every read but config.json needs the token (cargo's RFC 3139).
    if (options.authRequired && method === 'GET' && !path.startsWith('/_oidc/') && !authorized(auth))
      return apiError(res, 401, 'this registry requires authentication', {
        'www-authenticate': 'Cargo login_url="https://example.invalid/me"',
      });
    if (method === 'GET' && path.startsWith('/index/')) {
      const name = path.split('/').pop() ?? '';
      const crate = stored(name);
      const listed = crate?.entries.filter((e) => (visibleAt.get(e) ?? 0) <= Date.now()) ?? [];
      // The index file's path must be the canonical one for the name, as cargo computes it.
      if (!listed.length || path !== `/index/${serverIndexPath(name)}`)
        return apiError(res, 404, 'not found');
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end(listed.map((e) => JSON.stringify(e)).join('\n') + '\n');
    }
    if (method === 'GET' && path === '/_oidc/token') {
      if (auth !== `Bearer ${oidcRequestToken}`) return apiError(res, 401, 'bad OIDC request token');
      const aud = new URL(req.url ?? '/', base).searchParams.get('audience') ?? '';
      const idToken = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ aud, repository: trustedRepository, iss: 'https://token.actions.githubusercontent.com' })}.sig`;
      return json(res, 200, { value: idToken });
    }
    if (path === '/api/v1/trusted_publishing/tokens') {
      const body = await readBody(req);
      if (method === 'POST') return issueTrustedToken(body, res);
      if (method === 'DELETE') {
        const token = auth?.replace(/^Bearer /, '');
        if (!token || !trustedTokens.issued.includes(token))
          return apiError(res, 401, 'Invalid authentication token');
        trustedTokens.revoked.push(token);
        res.writeHead(204);
        return void res.end();
      }
    }
    const download = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/download$/.exec(path);
    if (method === 'GET' && download) {
      const file = stored(download[1])?.files.get(withoutBuild(decodeURIComponent(download[2])));
      if (!file) return apiError(res, 404, 'not found');
      res.writeHead(200, { 'content-type': 'application/gzip' });
      return void res.end(file);
    }
    const yank = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/(yank|unyank)$/.exec(path);
    const isPublish = method === 'PUT' && path === '/api/v1/crates/new';
    if (isPublish || yank) {
      const body = await readBody(req);
      if (!auth) return apiError(res, 403, 'this action requires authentication');
      if (!authorized(auth)) return apiError(res, 403, 'authentication failed');
      if (isPublish) return publish(body, res);
      if (yank && method === 'DELETE' && yank[3] === 'yank')
        return setYanked(yank[1], decodeURIComponent(yank[2]), true, res);
      if (yank && method === 'PUT' && yank[3] === 'unyank')
        return setYanked(yank[1], decodeURIComponent(yank[2]), false, res);
    }
    apiError(res, 404, 'Not Found');
  }

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const record: RecordedRequest = {
      method,
      path,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'],
      status: 0,
    };
    requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));
    const fault = takeFault(method, path);
    const fail = (target: ServerResponse) =>
      apiError(
        target,
        fault!.status,
        `injected failure (HTTP ${fault!.status})`,
        fault!.retryAfter !== undefined ? { 'retry-after': String(fault!.retryAfter) } : {},
      );
    if (fault && !fault.afterEffect) {
      void readBody(req).then(() => fail(res));
      return;
    }
    // A lost response: let the request take effect against a throwaway response, then fail.
    const sink = fault
      ? (Object.assign(Object.create(res), { writeHead: () => sink, end: () => fail(res) }) as ServerResponse)
      : res;
    route(req, sink, method, path).catch((caught: unknown) => {
      if (!res.headersSent) apiError(res, 500, `test server error: ${(caught as Error).message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  audience = `127.0.0.1:${port}`;

  return {
    url: base,
    indexUrl: `sparse+${base}/index/`,
    plainIndexUrl: `${base}/index/`,
    port,
    audience,
    // As the runner sets it: core appends `&audience=` to the query the URL already has.
    oidcRequestUrl: `${base}/_oidc/token?api-version=2.0`,
    oidcRequestToken,
    requests,
    uploads,
    uploadedAt,
    trustedTokens,
    entries: (name) => stored(name)?.entries ?? [],
    crateFile: (name, version) => stored(name)?.files.get(withoutBuild(version)),
    seed(name, version, seedOptions = {}) {
      const target = stored(name) ?? { entries: [], files: new Map<string, Buffer>() };
      const crate = Buffer.from(`${name}-${version}`);
      target.entries.push({
        name,
        vers: version,
        deps: seedOptions.deps ?? [],
        cksum: createHash('sha256').update(crate).digest('hex'),
        features: {},
        yanked: seedOptions.yanked ?? false,
        v: 1,
      });
      crates.set(name.toLowerCase(), target);
    },
    failNext(fault) {
      faults.push({ ...fault });
    },
    reset() {
      crates.clear();
      requests.length = 0;
      uploads.length = 0;
      uploadedAt.clear();
      faults.length = 0;
      trustedTokens.issued.length = 0;
      trustedTokens.revoked.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
