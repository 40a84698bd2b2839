/**
 * A PyPI test server speaking Warehouse's real protocols, for tests on loopback:
 * - the legacy upload API: `POST /legacy/`, multipart/form-data with `:action=file_upload`,
 *   `protocol_version=1`, metadata fields and `content`; Basic auth `__token__:<token>`
 *   (401 without credentials, 403 with wrong ones); at least one digest required, and every
 *   digest sent (md5, sha256, blake2_256) checked against the content, as Warehouse's
 *   forklift does: our publisher sends md5 + sha256, twine adds blake2_256 (BLAKE2b with a
 *   32-byte digest, which Node's crypto cannot make: its blake2b512 has a fixed length, so
 *   @noble/hashes computes it); the same file again is 200 and stores nothing (as Warehouse), a
 *   different file under a used name is 400 `File already exists`;
 * - the JSON API: `/pypi/<name>/json`, `/pypi/<name>/<version>/json` (404 when absent; a
 *   non-canonical project name redirects to the project's name; versions match canonically);
 * - the simple index: `/simple/` and `/simple/<name>/` as PEP 503 HTML or PEP 691 JSON by
 *   Accept (JSON with PEP 700's `versions`), links with `#sha256=` fragments, files served
 *   under `/packages/`;
 * - trusted publishing: `GET /_/oidc/audience`, `POST /_/oidc/mint-token` (and the older
 *   `/_/oidc/github/mint-token`) exchanging an OIDC ID token whose `aud` matches for an upload
 *   token.
 * Knobs inject faults: fail the next N matching requests with a status (and Retry-After), or
 * store the next upload and then drop the connection without answering.
 * Proven with the real clients (twine upload, pip download) in test/e2e/pypi-server.test.itg.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { normalizePep440 } from '@deploy-actions/version';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** BLAKE2b-256 in hex, as hashlib.blake2b(data, digest_size=32) gives it. */
const blake2b256 = (data: Uint8Array) => bytesToHex(blake2b(data, { dkLen: 32 }));

export interface PypiFile {
  project: string;
  version: string;
  filename: string;
  packagetype: 'bdist_wheel' | 'sdist';
  pythonVersion: string;
  requiresPython?: string;
  content: Buffer;
  sha256: string;
  md5: string;
  blake2b256: string;
  uploadedAt: string;
  yanked: boolean;
}

export interface PypiUpload {
  filename: string;
  name: string;
  version: string;
  /** Every form field but `content`, repeated fields in order. */
  fields: Record<string, string[]>;
}

export interface PypiRequestLog {
  method: string;
  path: string;
  status: number;
  /** Upload requests: the file name sent. */
  filename?: string;
}

export interface FaultOptions {
  method?: string;
  /** Only requests whose path matches (string: prefix). */
  path?: string | RegExp;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
}

export interface PypiServerOptions {
  /** The upload token accepted as `__token__`'s password. */
  token: string;
  /** Trusted publishing: ID tokens whose `aud` is `audience` are exchanged for upload tokens. */
  oidc?: { audience: string };
  /** Leave the deprecated `releases` key out of `/pypi/<name>/json`, as PyPI may one day. */
  omitReleases?: boolean;
}

export interface PypiServer {
  /** The index base URL, with a trailing slash (what `registry` takes). */
  url: string;
  /** The upload endpoint, `<url>legacy/`. */
  uploadUrl: string;
  /** The simple index, `<url>simple/`. */
  simpleUrl: string;
  port: number;
  /** Files stored by uploads, in order. */
  uploads: PypiUpload[];
  /** Every request answered (or dropped: status 0). */
  requests: PypiRequestLog[];
  /** Upload tokens minted by trusted publishing. */
  minted: string[];
  files(project: string): PypiFile[];
  /** Store a distribution file directly, as if uploaded earlier. */
  seed(path: string, project: string, version: string): PypiFile;
  yank(project: string, version: string): void;
  /** Answer the next `count` matching requests with `status` instead of serving them. */
  failNext(count: number, status: number, options?: FaultOptions): void;
  /** Store the next `count` uploads, then drop the connection without a response. */
  dropAfterAccept(count?: number): void;
  stop(): Promise<void>;
}

export const normalizeName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** packaging's canonicalize_version: the normal form without trailing `.0`s in the release. */
export function canonicalVersion(version: string): string | undefined {
  const normal = normalizePep440(version);
  return normal?.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)+(?=$|[^\d.])/, '$1');
}

interface Project {
  name: string;
  releases: Map<string, { version: string; files: PypiFile[] }>;
}

interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!match) throw new Error('no multipart boundary');
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') break;
    at += 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd === -1) throw new Error('a multipart part has no header end');
    const headers = body.toString('utf8', at, headerEnd);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next === -1) throw new Error('a multipart part is not terminated');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="((?:[^"\\]|\\.)*)"/.exec(disposition)?.[1];
    const filename = /\bfilename="((?:[^"\\]|\\.)*)"/.exec(disposition)?.[1];
    if (name !== undefined) parts.push({ name, filename, data: body.subarray(headerEnd + 4, next) });
    at = next + 2;
  }
  return parts;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';
const SIMPLE_HTML = 'application/vnd.pypi.simple.v1+html';

/** PEP 691 negotiation: the acceptable type with the highest q (ties: JSON first). */
function chooseSimpleFormat(accept: string | undefined): string {
  if (!accept) return 'text/html';
  let best = { type: '', q: -1 };
  for (const item of accept.split(',')) {
    const [type, ...params] = item.trim().split(';');
    const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? '1');
    const candidates =
      type === '*/*'
        ? [SIMPLE_JSON]
        : [SIMPLE_JSON, SIMPLE_HTML, 'text/html'].filter((t) => t === type.trim());
    for (const candidate of candidates) if (q > best.q) best = { type: candidate, q };
  }
  return best.q > 0 ? best.type : '';
}

export async function startPypiServer(options: PypiServerOptions): Promise<PypiServer> {
  const projects = new Map<string, Project>();
  const usedFilenames = new Set<string>();
  const tokens = new Set([options.token]);
  const uploads: PypiUpload[] = [];
  const requests: PypiRequestLog[] = [];
  const minted: string[] = [];
  const faults: (FaultOptions & { remaining: number; status: number })[] = [];
  let drops = 0;
  let serial = 0;
  let base = '';

  const fileUrl = (file: PypiFile) => `${base}packages/${file.sha256}/${file.filename}`;

  function store(file: PypiFile, displayName: string): void {
    const key = normalizeName(file.project);
    const project = projects.get(key) ?? { name: displayName, releases: new Map() };
    projects.set(key, project);
    const canonical = canonicalVersion(file.version)!;
    const release = project.releases.get(canonical) ?? { version: file.version, files: [] };
    project.releases.set(canonical, release);
    release.files.push(file);
    usedFilenames.add(file.filename);
    serial++;
  }

  function fileInfo(file: PypiFile) {
    return {
      filename: file.filename,
      url: fileUrl(file),
      digests: { sha256: file.sha256, md5: file.md5, blake2b_256: file.blake2b256 },
      md5_digest: file.md5,
      packagetype: file.packagetype,
      python_version: file.pythonVersion,
      requires_python: file.requiresPython ?? null,
      size: file.content.length,
      upload_time_iso_8601: file.uploadedAt,
      yanked: file.yanked,
      yanked_reason: null,
    };
  }

  function latestVersion(project: Project): string {
    const versions = [...project.releases.values()]
      .filter((r) => r.files.some((f) => !f.yanked))
      .map((r) => r.version);
    const stable = versions.filter((v) => !/(a|b|rc|dev)\d/.test(normalizePep440(v) ?? v));
    const pick = (stable.length ? stable : versions).slice(-1)[0];
    return pick ?? [...project.releases.values()].slice(-1)[0]?.version ?? '';
  }

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  /** Warehouse puts the message in the status line and the body. */
  function refuse(
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, message.replace(/[^\x20-\x7e]/g, '?'), {
      'content-type': 'text/plain; charset=utf-8',
      ...headers,
    });
    res.end(`${status} ${message}`);
  }

  function checkAuth(req: IncomingMessage): 'ok' | 'missing' | 'wrong' {
    const header = req.headers.authorization;
    if (!header) return 'missing';
    const m = /^Basic\s+(.+)$/i.exec(header);
    if (!m) return 'wrong';
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return user === '__token__' && tokens.has(password) ? 'ok' : 'wrong';
  }

  function handleUpload(req: IncomingMessage, res: ServerResponse, body: Buffer, log: PypiRequestLog): void {
    const auth = checkAuth(req);
    if (auth === 'missing')
      return refuse(res, 401, 'Access was denied to this resource.', {
        'www-authenticate': 'Basic realm="pypi"',
      });
    if (auth === 'wrong')
      return refuse(
        res,
        403,
        'Invalid or non-existent authentication information. See http://127.0.0.1/help/#invalid-auth for more information.',
      );
    let parts: MultipartPart[];
    try {
      parts = parseMultipart(body, req.headers['content-type'] ?? '');
    } catch (caught) {
      return refuse(res, 400, `Invalid multipart body: ${(caught as Error).message}`);
    }
    const fields: Record<string, string[]> = {};
    let content: MultipartPart | undefined;
    for (const part of parts) {
      if (part.name === 'content') content = part;
      else (fields[part.name] ??= []).push(part.data.toString('utf8'));
    }
    const field = (name: string) => fields[name]?.[0];
    log.filename = content?.filename;
    if (field(':action') !== 'file_upload') return refuse(res, 400, 'Invalid value for :action.');
    if (field('protocol_version') !== '1') return refuse(res, 400, 'Unknown protocol version.');
    const name = field('name');
    const version = field('version');
    const filetype = field('filetype');
    if (!name || !version || !field('metadata_version'))
      return refuse(
        res,
        400,
        "Invalid value for name, version or metadata_version: 'This field is required.'",
      );
    if (!canonicalVersion(version))
      return refuse(
        res,
        400,
        `'${version}' is an invalid value for Version. Error: Start and end with a letter or numeral.`,
      );
    if (filetype !== 'bdist_wheel' && filetype !== 'sdist')
      return refuse(res, 400, `Invalid value for filetype. Error: '${filetype}' is not a valid choice.`);
    if (!content?.filename) return refuse(res, 400, 'Upload payload does not have a file.');
    const filename = basename(content.filename);
    if (!field('sha256_digest') && !field('md5_digest') && !field('blake2_256_digest'))
      return refuse(res, 400, 'Include at least one message digest.');
    const data = content.data;
    const sha256 = createHash('sha256').update(data).digest('hex');
    const md5 = createHash('md5').update(data).digest('hex');
    const blake = blake2b256(data);
    // Warehouse compares digests case-insensitively (hex).
    const sent = {
      sha256: field('sha256_digest')?.toLowerCase(),
      md5: field('md5_digest')?.toLowerCase(),
      blake: field('blake2_256_digest')?.toLowerCase(),
    };
    if (
      (sent.sha256 && sent.sha256 !== sha256) ||
      (sent.md5 && sent.md5 !== md5) ||
      (sent.blake && sent.blake !== blake)
    )
      return refuse(
        res,
        400,
        'The digest supplied does not match a digest calculated from the uploaded file.',
      );
    // The file name must belong to this project and version.
    const stem =
      filetype === 'bdist_wheel'
        ? filename.replace(/\.whl$/, '').split('-')
        : filename.replace(/\.(tar\.gz|zip)$/, '').split(/-(?=[^-]+$)/);
    if (filetype === 'bdist_wheel' && !(stem.length === 5 || stem.length === 6))
      return refuse(res, 400, `Invalid wheel filename (wrong number of parts): '${filename}'`);
    if (filetype === 'sdist' && !/\.(tar\.gz|zip)$/.test(filename))
      return refuse(res, 400, 'Invalid file extension: Use .tar.gz or .zip.');
    if (normalizeName(stem[0]) !== normalizeName(name))
      return refuse(
        res,
        400,
        `Start filename for '${name}' with '${normalizeName(name).replace(/-/g, '_')}'.`,
      );
    if (canonicalVersion(stem[1] ?? '') !== canonicalVersion(version))
      return refuse(res, 400, `Version in filename should be '${version}' not '${stem[1]}'.`);
    // Warehouse: an sdist's pyversion is `source`, or empty (twine sends none) and taken as `source`.
    if (filetype === 'sdist' && (field('pyversion') ?? 'source') !== 'source' && field('pyversion') !== '')
      return refuse(
        res,
        400,
        "Invalid value for pyversion. Error: Use 'source' as Python version for an sdist.",
      );
    if (filetype === 'bdist_wheel' && !field('pyversion'))
      return refuse(
        res,
        400,
        'Invalid value for pyversion. Error: Python version is required for binary distribution uploads.',
      );
    // The same file again is accepted and changes nothing; another file under a used name is refused.
    const existing = [...projects.values()]
      .flatMap((p) => [...p.releases.values()].flatMap((r) => r.files))
      .find((f) => f.filename === filename);
    if (existing && existing.sha256 === sha256 && existing.blake2b256 === blake) {
      res.writeHead(200).end();
      return;
    }
    if (existing || usedFilenames.has(filename))
      return refuse(
        res,
        400,
        `File already exists ('${filename}', with blake2_256 hash '${existing?.blake2b256 ?? ''}'). See ${base}help/#file-name-reuse for more information.`,
      );
    const project = projects.get(normalizeName(name));
    const file: PypiFile = {
      project: project?.name ?? name,
      version,
      filename,
      packagetype: filetype,
      pythonVersion: filetype === 'sdist' ? 'source' : field('pyversion')!,
      requiresPython: field('requires_python'),
      content: Buffer.from(data),
      sha256,
      md5,
      blake2b256: blake,
      uploadedAt: new Date().toISOString(),
      yanked: false,
    };
    store(file, project?.name ?? name);
    const { content: _content, ...rest } = fields as Record<string, string[]> & { content?: unknown };
    uploads.push({ filename, name, version, fields: rest });
    if (drops > 0) {
      drops--;
      log.status = 0;
      req.socket.destroy();
      return;
    }
    res.writeHead(200).end();
  }

  function handleJson(res: ServerResponse, segments: string[]): void {
    // segments: ['pypi', name, 'json'] or ['pypi', name, version, 'json']
    const name = decodeURIComponent(segments[1]);
    const project = projects.get(normalizeName(name));
    if (!project) return json(res, 404, { message: 'Not Found' });
    if (project.name !== name) {
      const rest = segments.slice(2).join('/');
      res.writeHead(301, { location: `${base}pypi/${encodeURIComponent(project.name)}/${rest}` }).end();
      return;
    }
    const releases = Object.fromEntries(
      [...project.releases.values()].map((r) => [r.version, r.files.map(fileInfo)]),
    );
    if (segments.length === 3) {
      const latest = latestVersion(project);
      const release = project.releases.get(canonicalVersion(latest) ?? '');
      return json(res, 200, {
        info: info(project, latest, release?.files),
        last_serial: serial,
        ...(options.omitReleases ? {} : { releases }),
        urls: (release?.files ?? []).map(fileInfo),
        vulnerabilities: [],
      });
    }
    const wanted = decodeURIComponent(segments[2]);
    const release = project.releases.get(canonicalVersion(wanted) ?? '');
    if (!release) return json(res, 404, { message: 'Not Found' });
    json(res, 200, {
      info: info(project, release.version, release.files),
      last_serial: serial,
      urls: release.files.map(fileInfo),
      vulnerabilities: [],
    });
  }

  function info(project: Project, version: string, files: PypiFile[] = []) {
    const upload = uploads.find(
      (u) =>
        normalizeName(u.name) === normalizeName(project.name) &&
        canonicalVersion(u.version) === canonicalVersion(version),
    );
    const f = (key: string) => upload?.fields[key]?.[0] ?? null;
    return {
      name: project.name,
      version,
      summary: f('summary'),
      author: f('author'),
      license: f('license'),
      home_page: f('home_page'),
      requires_python: files[0]?.requiresPython ?? f('requires_python'),
      requires_dist: upload?.fields.requires_dist ?? null,
      classifiers: upload?.fields.classifiers ?? [],
      description: f('description'),
      description_content_type: f('description_content_type'),
      project_url: `${base}project/${project.name}/`,
      release_url: `${base}project/${project.name}/${version}/`,
      yanked: files.length > 0 && files.every((file) => file.yanked),
    };
  }

  function handleSimple(req: IncomingMessage, res: ServerResponse, segments: string[]): void {
    const format = chooseSimpleFormat(req.headers.accept);
    if (!format) return refuse(res, 406, 'Not Acceptable');
    const contentType = format === 'text/html' ? 'text/html; charset=utf-8' : format;
    const head =
      '<!DOCTYPE html>\n<html>\n  <head>\n    <meta name="pypi:repository-version" content="1.0">\n';
    if (segments.length === 1) {
      const names = [...projects.values()].map((p) => p.name);
      res.writeHead(200, { 'content-type': contentType });
      if (format === SIMPLE_JSON)
        return void res.end(
          JSON.stringify({
            meta: { 'api-version': '1.0', _last_serial: serial },
            projects: names.map((name) => ({ name })),
          }),
        );
      return void res.end(
        `${head}    <title>Simple index</title>\n  </head>\n  <body>\n${names.map((n) => `    <a href="${escapeHtml(normalizeName(n))}/">${escapeHtml(n)}</a>\n`).join('')}  </body>\n</html>\n`,
      );
    }
    const name = decodeURIComponent(segments[1]);
    if (normalizeName(name) !== name) {
      res.writeHead(301, { location: `${base}simple/${normalizeName(name)}/` }).end();
      return;
    }
    const project = projects.get(name);
    if (!project) return refuse(res, 404, 'Not Found');
    const files = [...project.releases.values()].flatMap((r) => r.files);
    res.writeHead(200, { 'content-type': contentType });
    if (format === SIMPLE_JSON) {
      return void res.end(
        JSON.stringify({
          meta: { 'api-version': '1.1', _last_serial: serial },
          name,
          versions: [...project.releases.values()].map((r) => r.version),
          files: files.map((file) => ({
            filename: file.filename,
            url: fileUrl(file),
            hashes: { sha256: file.sha256 },
            'requires-python': file.requiresPython ?? null,
            yanked: file.yanked,
            size: file.content.length,
            'upload-time': file.uploadedAt,
          })),
        }),
      );
    }
    const links = files
      .map((file) => {
        const requires = file.requiresPython
          ? ` data-requires-python="${escapeHtml(file.requiresPython)}"`
          : '';
        const yanked = file.yanked ? ' data-yanked=""' : '';
        return `    <a href="${escapeHtml(fileUrl(file))}#sha256=${file.sha256}"${requires}${yanked}>${escapeHtml(file.filename)}</a><br />\n`;
      })
      .join('');
    res.end(
      `${head}    <title>Links for ${escapeHtml(name)}</title>\n  </head>\n  <body>\n    <h1>Links for ${escapeHtml(name)}</h1>\n${links}  </body>\n</html>\n`,
    );
  }

  function handlePackageFile(res: ServerResponse, segments: string[]): void {
    const [, sha256, filename] = segments;
    const file = [...projects.values()]
      .flatMap((p) => [...p.releases.values()].flatMap((r) => r.files))
      .find((f) => f.sha256 === sha256 && f.filename === decodeURIComponent(filename ?? ''));
    if (!file) return refuse(res, 404, 'Not Found');
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(file.content.length),
    });
    res.end(file.content);
  }

  function handleOidc(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void {
    if (!options.oidc) return json(res, 404, { message: 'Trusted publishing functionality not enabled' });
    if (path === '/_/oidc/audience' && req.method === 'GET')
      return json(res, 200, { audience: options.oidc.audience });
    if ((path === '/_/oidc/mint-token' || path === '/_/oidc/github/mint-token') && req.method === 'POST') {
      let idToken: unknown;
      try {
        idToken = JSON.parse(body.toString('utf8')).token;
      } catch {
        return json(res, 422, {
          message: 'Token request failed',
          errors: [{ code: 'invalid-payload', description: 'malformed JSON' }],
        });
      }
      const claims = typeof idToken === 'string' ? decodeJwtPayload(idToken) : undefined;
      if (!claims)
        return json(res, 422, {
          message: 'Token request failed',
          errors: [{ code: 'invalid-payload', description: 'token is not a JWT' }],
        });
      if (claims.aud !== options.oidc.audience)
        return json(res, 422, {
          message: 'Token request failed',
          errors: [
            {
              code: 'invalid-token',
              description: `audience ${String(claims.aud)} is not ${options.oidc.audience}`,
            },
          ],
        });
      const token = `pypi-minted-${randomBytes(16).toString('hex')}`;
      tokens.add(token);
      minted.push(token);
      return json(res, 200, { success: true, token, expires: Math.floor(Date.now() / 1000) + 900 });
    }
    json(res, 405, { message: 'Method Not Allowed' });
  }

  function takeFault(method: string, path: string) {
    const fault = faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method === method) &&
        (!f.path || (typeof f.path === 'string' ? path.startsWith(f.path) : f.path.test(path))),
    );
    if (fault) fault.remaining--;
    return fault;
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', base);
      const path = url.pathname;
      const method = req.method ?? 'GET';
      const log: PypiRequestLog = { method, path, status: 0 };
      requests.push(log);
      res.on('finish', () => (log.status = res.statusCode));
      const fault = takeFault(method, path);
      if (fault)
        return refuse(
          res,
          fault.status,
          'Injected fault',
          fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
        );
      try {
        const segments = path.split('/').filter(Boolean);
        if (method === 'POST' && (path === '/legacy/' || path === '/legacy'))
          return handleUpload(req, res, body, log);
        if (path.startsWith('/_/oidc/')) return handleOidc(req, res, path, body);
        if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, 'Method Not Allowed');
        if (
          segments[0] === 'pypi' &&
          segments.at(-1) === 'json' &&
          (segments.length === 3 || segments.length === 4)
        )
          return handleJson(res, segments);
        if (segments[0] === 'simple') {
          if (!path.endsWith('/')) return void res.writeHead(301, { location: `${path}/` }).end();
          return handleSimple(req, res, segments);
        }
        if (segments[0] === 'packages' && segments.length === 3) return handlePackageFile(res, segments);
        refuse(res, 404, 'Not Found');
      } catch (caught) {
        refuse(res, 500, `Internal error: ${(caught as Error).message}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}/`;

  return {
    url: base,
    uploadUrl: `${base}legacy/`,
    simpleUrl: `${base}simple/`,
    port,
    uploads,
    requests,
    minted,
    files: (project) =>
      [...(projects.get(normalizeName(project))?.releases.values() ?? [])].flatMap((r) => r.files),
    seed(path, project, version) {
      const content = readFileSync(path);
      const filename = basename(path);
      const file: PypiFile = {
        project: projects.get(normalizeName(project))?.name ?? project,
        version,
        filename,
        packagetype: filename.endsWith('.whl') ? 'bdist_wheel' : 'sdist',
        pythonVersion: filename.endsWith('.whl') ? filename.split('-').at(-3)! : 'source',
        content,
        sha256: createHash('sha256').update(content).digest('hex'),
        md5: createHash('md5').update(content).digest('hex'),
        blake2b256: blake2b256(content),
        uploadedAt: new Date().toISOString(),
        yanked: false,
      };
      store(file, file.project);
      return file;
    },
    yank(project, version) {
      const release = projects.get(normalizeName(project))?.releases.get(canonicalVersion(version) ?? '');
      for (const file of release?.files ?? []) file.yanked = true;
    },
    failNext(count, status, fault = {}) {
      faults.push({ ...fault, remaining: count, status });
    },
    dropAfterAccept(count = 1) {
      drops += count;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export interface IdTokenIssuer {
  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  url: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken: string;
  /** The audiences asked for, in order. */
  audiences: string[];
  /** The ID tokens issued. */
  issued: string[];
  stop(): Promise<void>;
}

/**
 * The runner's side of GitHub OIDC, for tests: `GET <url>?audience=X` with
 * `Authorization: Bearer <requestToken>` answers `{"value": <JWT with aud X>}` (unsigned: the
 * test server checks only the claims).
 */
export async function startIdTokenIssuer(): Promise<IdTokenIssuer> {
  const requestToken = `request-${randomBytes(12).toString('hex')}`;
  const audiences: string[] = [];
  const issued: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== `Bearer ${requestToken}`) return void res.writeHead(401).end();
    const audience = url.searchParams.get('audience') ?? 'https://github.com/acme';
    audiences.push(audience);
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      iss: 'https://token.actions.githubusercontent.com',
      aud: audience,
      sub: 'repo:acme/app:ref:refs/tags/v1.0.0',
      repository: 'acme/app',
    };
    const jwt = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.${randomBytes(16).toString('base64url')}`;
    issued.push(jwt);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: jwt }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/token?api-version=2.0`,
    requestToken,
    audiences,
    issued,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
