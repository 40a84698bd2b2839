/**
 * A flat-manager on loopback for tests, speaking the API subset flat-manager-client uses
 * (shapes from flatpak/flat-manager's src/api/build.rs, src/api/utils.rs, src/models.rs and
 * src/errors.rs):
 * - `POST /api/v1/build` {repo} -> the Build JSON, `Location: …/api/v1/build/<id>`;
 *   `GET /api/v1/build/<id>`;
 * - `GET /api/v1/build/<id>/missing_objects` with a (gzip) JSON body {wanted} -> {missing},
 *   counting objects of the build's upload repo and of the target repo (its parent);
 * - `POST /api/v1/build/<id>/upload`, multipart, one part per object named `<64 hex>.<kind>`;
 * - `POST /api/v1/build/<id>/build_ref` {ref, commit};
 * - `POST /api/v1/build/<id>/commit` and `/publish` start jobs, `GET` of those paths and of
 *   `/api/v1/job/<id>` (JSON body {"log-offset"}) follow them; `POST …/purge`;
 * - tokens are HS256 JWTs with flat-manager's claims (sub, scope, prefixes, repos, exp); errors
 *   are flat-manager's JSON ({status, error-type, message}, itself sent as a JSON string).
 * The jobs run the real tools as flat-manager does: the commit job `flatpak build-commit-from
 * --untrusted` (which verifies every uploaded object) into the build repo, the publish job
 * `flatpak build-commit-from` into the repo and `flatpak build-update-repo`. The repos are
 * served under `/repo/<name>/` like flat-manager's, and `/api/v2/appstream/<app-id>` answers
 * like Flathub's API from the metainfo of the published app.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  ApiError,
  badRequest,
  idMatchesPrefix,
  insufficient,
  invalidToken,
  parseMultipart,
  signJwt,
  verifyJwt,
  type Claims,
} from './flat-manager-protocol.js';

export { parseMultipart, type Claims } from './flat-manager-protocol.js';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

const run = promisify(execFile);

export interface BuildRecord {
  id: number;
  created: string;
  repo_state: number;
  repo_state_reason?: string;
  published_state: number;
  published_state_reason?: string;
  commit_job_id?: number;
  publish_job_id?: number;
  repo: string;
  extra_ids: string[];
  app_id: string | null;
  public_download: boolean;
}

export interface BuildRef {
  id: number;
  build_id: number;
  ref_name: string;
  commit: string;
}

export interface JobRecord {
  id: number;
  kind: number;
  status: number;
  contents: string;
  results?: string;
  log: string;
  start_after: null;
  repo: string | null;
}

export interface AppstreamEntry {
  type: string;
  id: string;
  name?: string;
  releases: { version: string; timestamp: string; type: string }[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorized: boolean;
  /** Object names of an upload. */
  files?: string[];
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  /** Fail after the request took effect (the answer is lost), not before. */
  after?: boolean;
  count?: number;
}

export interface FlatManagerServer {
  url: string;
  /** A valid token; `token({...})` mints others (other repos, prefixes, scopes, expired). */
  token: string;
  mint(claims?: Partial<Claims>): string;
  /** Where repo `name` lives on disk (an archive-z2 OSTree repository). */
  repoPath(name: string): string;
  builds: Map<number, BuildRecord>;
  buildRefs: BuildRef[];
  jobs: Map<number, JobRecord>;
  appstream: Map<string, AppstreamEntry>;
  requests: RecordedRequest[];
  faults: Fault[];
  stop(): Promise<void>;
}

export interface FlatManagerOptions {
  repos?: string[];
}

/** The part of a response the handlers use, so a fault can swallow the real answer. */
interface Reply {
  writeHead(status: number, headers?: Record<string, string>): { end(data?: string | Buffer): void };
}

const OBJECT_NAME = /^[0-9a-f]{64}\.(dirmeta|dirtree|filez|commit)$/;

export async function startFlatManager(options: FlatManagerOptions = {}): Promise<FlatManagerServer> {
  const root = mkdtempSync(join(tmpdir(), 'da-flat-manager-'));
  const secret = randomBytes(32);
  const repoNames = options.repos ?? ['stable', 'beta'];
  const env = { ...process.env, XDG_RUNTIME_DIR: join(root, 'run'), FLATPAK_USER_DIR: join(root, 'user') };
  mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true });
  const repoPath = (name: string) => join(root, 'repos', name);
  const buildPath = (id: number) => join(root, 'builds', String(id));
  for (const name of repoNames) {
    mkdirSync(repoPath(name), { recursive: true });
    await run('ostree', ['init', `--repo=${repoPath(name)}`, '--mode=archive-z2']);
  }

  const builds = new Map<number, BuildRecord>();
  const buildRefs: BuildRef[] = [];
  const jobs = new Map<number, JobRecord>();
  const appstream = new Map<string, AppstreamEntry>();
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  let nextId = 1;
  let url = '';

  const mint = (claims: Partial<Claims> = {}) =>
    signJwt(
      {
        sub: 'build',
        scope: ['build', 'upload', 'publish', 'jobs'],
        prefixes: [''],
        repos: [''],
        exp: Math.floor(Date.now() / 1000) + 3600,
        ...claims,
      },
      secret,
    );

  function claimsOf(req: IncomingMessage): Claims {
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const claims = auth ? verifyJwt(auth[1], secret) : undefined;
    if (!claims) throw invalidToken();
    return claims;
  }

  function need(claims: Claims, sub: string, scope: string): void {
    if (!(sub === claims.sub || sub.startsWith(`${claims.sub}/`)) || !claims.scope.includes(scope))
      throw insufficient(`no ${scope} scope for ${sub}`);
  }
  function needRepo(claims: Claims, repo: string): void {
    if (!claims.repos.some((r) => r === '' || r === repo)) throw insufficient(`no access to repo ${repo}`);
  }

  function lookupBuild(id: number): BuildRecord {
    const build = builds.get(id);
    if (!build) throw new ApiError(404, 'not-found', 'Not found');
    return build;
  }

  function newJob(kind: number, contents: unknown, repo: string | null): JobRecord {
    const job: JobRecord = {
      id: nextId++,
      kind,
      status: 0,
      contents: JSON.stringify(contents),
      log: '',
      start_after: null,
      repo,
    };
    jobs.set(job.id, job);
    return job;
  }

  async function tool(job: JobRecord, command: string, args: string[]): Promise<string> {
    job.log += `$ ${command} ${args.join(' ')}\n`;
    const { stdout, stderr } = await run(command, args, { env });
    job.log += stdout + stderr;
    return stdout;
  }

  async function runJob(
    job: JobRecord,
    work: () => Promise<unknown>,
    done: (error?: Error) => void,
  ): Promise<void> {
    job.status = 1;
    try {
      job.results = JSON.stringify(await work());
      job.status = 2;
      done();
    } catch (error) {
      const e = error as Error & { stderr?: string };
      job.log += `${e.stderr ?? ''}${e.message}\n`;
      job.status = 3;
      done(e);
    }
  }

  function commitJob(build: BuildRecord, job: JobRecord): Promise<void> {
    const upload = join(buildPath(build.id), 'upload');
    return runJob(
      job,
      async () => {
        const refs = buildRefs.filter((r) => r.build_id === build.id);
        if (!refs.length) throw new Error('No refs in build');
        const commits: Record<string, string> = {};
        for (const ref of refs) {
          // --untrusted: flatpak checks every object of the commit against its checksum.
          await tool(job, 'flatpak', [
            'build-commit-from',
            '--timestamp=NOW',
            '--no-update-summary',
            '--untrusted',
            '--force',
            '--disable-fsync',
            `--src-repo=${upload}`,
            `--src-ref=${ref.commit}`,
            buildPath(build.id),
            ref.ref_name,
          ]);
          commits[ref.ref_name] = (
            await tool(job, 'ostree', [`--repo=${buildPath(build.id)}`, 'rev-parse', ref.ref_name])
          ).trim();
        }
        await tool(job, 'flatpak', ['build-update-repo', buildPath(build.id)]);
        rmSync(upload, { recursive: true, force: true });
        return { refs: commits };
      },
      (error) => {
        build.repo_state = error ? 3 : 2;
        if (error) build.repo_state_reason = error.message;
      },
    );
  }

  async function readAppstream(repo: string, ref: string): Promise<void> {
    const id = ref.split('/')[1];
    for (const file of [
      `/files/share/metainfo/${id}.metainfo.xml`,
      `/files/share/appdata/${id}.appdata.xml`,
    ]) {
      let xml: string;
      try {
        xml = (await run('ostree', [`--repo=${repoPath(repo)}`, 'cat', ref, file], { env })).stdout;
      } catch {
        continue;
      }
      const releases = [...xml.matchAll(/<release\b[^>]*\bversion="([^"]+)"[^>]*>/g)].map((m) => {
        const date = /\bdate="([^"]+)"/.exec(m[0])?.[1];
        return {
          version: m[1],
          timestamp: String(Math.floor(Date.parse(date ?? '1970-01-01') / 1000)),
          type: /type="development"/.test(m[0]) ? 'development' : 'stable',
        };
      });
      const type = /<component\b[^>]*type="([^"]+)"/.exec(xml)?.[1] ?? 'desktop-application';
      appstream.set(id, { type, id, name: /<name>([^<]*)<\/name>/.exec(xml)?.[1], releases });
      return;
    }
  }

  function publishJob(build: BuildRecord, job: JobRecord): Promise<void> {
    return runJob(
      job,
      async () => {
        const refs = buildRefs.filter((r) => r.build_id === build.id).map((r) => r.ref_name);
        for (const ref of refs)
          await tool(job, 'flatpak', [
            'build-commit-from',
            '--no-update-summary',
            '--force',
            `--src-repo=${buildPath(build.id)}`,
            repoPath(build.repo),
            ref,
          ]);
        await tool(job, 'flatpak', ['build-update-repo', repoPath(build.repo)]);
        for (const ref of refs) if (ref.startsWith('app/')) await readAppstream(build.repo, ref);
        return {};
      },
      (error) => {
        build.published_state = error ? 3 : 2;
        if (error) build.published_state_reason = error.message;
      },
    );
  }

  function hasObject(build: BuildRecord, name: string): boolean {
    const sub = join('objects', name.slice(0, 2), name.slice(2));
    return (
      existsSync(join(buildPath(build.id), 'upload', sub)) || existsSync(join(repoPath(build.repo), sub))
    );
  }

  function jsonBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
    const raw = /gzip/i.test(String(req.headers['content-encoding'] ?? '')) ? gunzipSync(body) : body;
    if (!/application\/json/i.test(String(req.headers['content-type'] ?? '')))
      throw badRequest('Content type error');
    try {
      return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw badRequest('Json deserialize error');
    }
  }

  async function api(
    req: IncomingMessage,
    body: Buffer,
    res: Reply,
    path: string,
    record: RecordedRequest,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const send = (status: number, data: unknown, location?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (location) headers.location = `${url}${location}`;
      let payload = Buffer.from(JSON.stringify(data));
      if (/gzip/.test(String(req.headers['accept-encoding'] ?? '')) && path.endsWith('/missing_objects')) {
        payload = gzipSync(payload);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(status, headers).end(payload);
    };
    const claims = claimsOf(req);
    record.authorized = true;

    if (path === '/api/v1/build' && method === 'POST') {
      need(claims, 'build', 'build');
      const args = jsonBody(req, body);
      const repo = String(args.repo ?? '');
      needRepo(claims, repo);
      if (!repoNames.includes(repo)) throw badRequest('No such repo');
      const build: BuildRecord = {
        id: nextId++,
        created: new Date().toISOString().replace('Z', ''),
        repo_state: 0,
        published_state: 0,
        repo,
        extra_ids: [],
        app_id: null,
        public_download: true,
      };
      builds.set(build.id, build);
      for (const dir of [buildPath(build.id), join(buildPath(build.id), 'upload')]) {
        mkdirSync(dir, { recursive: true });
        await run('ostree', ['init', `--repo=${dir}`, '--mode=archive-z2']);
        // As flat-manager's init_ostree_repo: objects already in the repo need not be uploaded.
        await run('ostree', [`--repo=${dir}`, 'config', 'set', 'core.parent', repoPath(repo)]);
      }
      return send(200, build, `/api/v1/build/${build.id}`);
    }

    const jobMatch = /^\/api\/v1\/job\/(\d+)$/.exec(path);
    if (jobMatch && method === 'GET') {
      need(claims, 'build', 'jobs');
      const job = jobs.get(Number(jobMatch[1]));
      if (!job) throw new ApiError(404, 'not-found', 'Not found');
      const offset = Number(jsonBody(req, body)['log-offset'] ?? 0);
      return send(200, { ...job, log: job.log.slice(offset) });
    }

    const m = /^\/api\/v1\/build\/(\d+)(\/[a-z_]+)?$/.exec(path);
    if (!m) throw new ApiError(404, 'not-found', 'Not found');
    const build = lookupBuild(Number(m[1]));
    const sub = `build/${build.id}`;
    needRepo(claims, build.repo);
    const action = `${method} ${m[2] ?? ''}`;
    const upload = join(buildPath(build.id), 'upload');

    switch (action) {
      case 'GET ': {
        if (!claims.scope.includes('build') && !claims.scope.includes('upload')) throw insufficient('build');
        return send(200, build);
      }
      case 'GET /missing_objects': {
        need(claims, sub, 'upload');
        const wanted = jsonBody(req, body).wanted;
        if (!Array.isArray(wanted)) throw badRequest('Json deserialize error: missing field `wanted`');
        return send(200, { missing: wanted.map(String).filter((name) => !hasObject(build, name)) });
      }
      case 'POST /upload': {
        need(claims, sub, 'upload');
        if (build.repo_state !== 0)
          throw new ApiError(400, 'wrong-repo-state', 'Build is not in uploading state', {
            'current-state': 'committed',
            'expected-state': 'uploading',
          });
        const sizes: number[] = [];
        record.files = [];
        for (const part of parseMultipart(body, String(req.headers['content-type'] ?? ''))) {
          if (!part.filename || part.filename.includes('/') || !OBJECT_NAME.test(part.filename))
            throw badRequest('Invalid upload filename');
          const target = join(upload, 'objects', part.filename.slice(0, 2), part.filename.slice(2));
          mkdirSync(join(upload, 'objects', part.filename.slice(0, 2)), { recursive: true });
          const temp = `${target}.tmp-${randomBytes(4).toString('hex')}`;
          writeFileSync(temp, part.data, { mode: 0o644 });
          renameSync(temp, target);
          sizes.push(part.data.length);
          record.files.push(part.filename);
        }
        return send(200, sizes);
      }
      case 'POST /build_ref': {
        need(claims, sub, 'upload');
        const args = jsonBody(req, body);
        const ref = String(args.ref ?? '');
        const parts = ref.split('/');
        if (!(
          ((parts[0] === 'app' || parts[0] === 'runtime') && parts.length === 4) ||
          (parts[0] === 'screenshots' && parts.length === 2)
        ))
          throw badRequest(`Invalid ref_name ${ref}`);
        if (parts[0] !== 'screenshots' && !claims.prefixes.some((p) => idMatchesPrefix(parts[1], p)))
          throw insufficient(`no access to ${parts[1]}`);
        const buildRef: BuildRef = {
          id: nextId++,
          build_id: build.id,
          ref_name: ref,
          commit: String(args.commit ?? ''),
        };
        buildRefs.push(buildRef);
        return send(200, buildRef, `/api/v1/build/${build.id}/build_ref/${buildRef.id}`);
      }
      case 'POST /commit': {
        need(claims, sub, 'build');
        jsonBody(req, body);
        if (build.repo_state !== 0)
          throw new ApiError(400, 'wrong-repo-state', 'Build is not in uploading state', {
            'current-state': String(build.repo_state),
            'expected-state': 'uploading',
          });
        build.repo_state = 1;
        const job = newJob(0, { build: build.id, endoflife: null, endoflife_rebase: null }, null);
        build.commit_job_id = job.id;
        void commitJob(build, job);
        return send(200, job, `/api/v1/build/${build.id}/commit`);
      }
      case 'POST /publish': {
        need(claims, sub, 'publish');
        jsonBody(req, body);
        if (build.published_state === 2)
          throw new ApiError(400, 'wrong-published-state', 'Build is already published', {
            'current-state': 'published',
            'expected-state': 'unpublished',
          });
        if (build.repo_state !== 2)
          throw new ApiError(400, 'wrong-repo-state', 'Build is not ready', {
            'current-state': String(build.repo_state),
            'expected-state': 'ready',
          });
        build.published_state = 1;
        const job = newJob(1, { build: build.id }, build.repo);
        build.publish_job_id = job.id;
        void publishJob(build, job);
        return send(200, job, `/api/v1/build/${build.id}/publish`);
      }
      case 'GET /commit':
      case 'GET /publish': {
        need(claims, sub, 'build');
        const id = m[2] === '/commit' ? build.commit_job_id : build.publish_job_id;
        const job = id === undefined ? undefined : jobs.get(id);
        if (!job) throw new ApiError(404, 'not-found', 'Not found');
        const offset = Number(jsonBody(req, body)['log-offset'] ?? 0);
        return send(200, { ...job, log: job.log.slice(offset) });
      }
      case 'POST /purge': {
        need(claims, sub, 'build');
        rmSync(buildPath(build.id), { recursive: true, force: true });
        build.repo_state = 5;
        return send(200, build);
      }
    }
    throw new ApiError(405, 'generic-error', 'Method not allowed');
  }

  function serveRepo(path: string, res: ServerResponse): void {
    const [, name, ...rest] = path.split('/').slice(1);
    const file = normalize(join(repoPath(name ?? ''), ...rest));
    if (
      !name ||
      !repoNames.includes(name) ||
      !file.startsWith(repoPath(name)) ||
      !existsSync(file) ||
      statSync(file).isDirectory()
    ) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const method = req.method ?? 'GET';
      const record: RecordedRequest = { method, path, authorized: false };
      requests.push(record);
      const fault = faults.find((f) => f.method === method && f.path.test(path) && (f.count ?? 1) > 0);
      if (fault) fault.count = (fault.count ?? 1) - 1;
      if (fault && !fault.after) {
        res.writeHead(fault.status, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      // An `after` fault lets the request take effect, then loses the answer.
      const answer: Reply = fault?.after
        ? { writeHead: () => ({ end: () => res.writeHead(fault.status).end('{}') }) }
        : res;
      const handle = async () => {
        if (path.startsWith('/repo/') && (method === 'GET' || method === 'HEAD')) return serveRepo(path, res);
        const app = /^\/api\/v2\/appstream\/([^/]+)$/.exec(path);
        if (app && method === 'GET') {
          const entry = appstream.get(decodeURIComponent(app[1]));
          res
            .writeHead(entry ? 200 : 404, { 'content-type': 'application/json' })
            .end(JSON.stringify(entry ?? null));
          return;
        }
        if (path.startsWith('/api/v1/')) return api(req, Buffer.concat(chunks), answer, path, record);
        res.writeHead(404).end('Not found');
      };
      handle().catch((error: unknown) => {
        const e =
          error instanceof ApiError ? error : new ApiError(500, 'internal-error', 'Internal Server Error');
        if (!(error instanceof ApiError)) console.error(error);
        // flat-manager sends its error JSON as a JSON string (`.json(self.to_json())`).
        const payload = JSON.stringify(
          JSON.stringify({ status: e.status, 'error-type': e.type, message: e.message, ...e.extra }),
        );
        answer.writeHead(e.status, { 'content-type': 'application/json' }).end(payload);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token: mint(),
    mint,
    repoPath,
    builds,
    buildRefs,
    jobs,
    appstream,
    requests,
    faults,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Jobs may still be running a tool; give them a moment before removing their files.
      for (let i = 0; i < 50 && [...jobs.values()].some((j) => j.status < 2); i++)
        await new Promise((r) => setTimeout(r, 100));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
