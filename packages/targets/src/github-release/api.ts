/**
 * The GitHub REST calls of the release publisher, through Octokit (loaded on first use, so no
 * other action pays for it). Octokit's fetch is the kit's HttpClient: timeouts, bounded
 * retries of 5xx/429 with Retry-After, the same as every other call. Octokit is built from
 * @octokit/core and the two plugins @actions/github's `getOctokit` adds (REST endpoint methods,
 * pagination): the same client, without @actions/github's own HTTP stack (undici, proxy
 * agents), which our fetch replaces and which is most of its load time.
 */
import { RegistryError, errorMessage } from '@deploy-actions/action-kit/errors';
import { STATUS_CODES } from 'node:http';
import {
  AlreadyDoneSignal,
  DEFAULT_MAX_BODY_BYTES,
  IncomingHeaders,
  TransientHttpError,
  type HttpClient,
  type HttpResponse,
} from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { githubHeaders, refusal } from './client.js';
import { checkShape, notAnAnswer, type Shape } from '@deploy-actions/action-kit/answer';
import type { Octokit as OctokitCore } from '@octokit/core';
import type { Api } from '@octokit/plugin-rest-endpoint-methods';
import type { PaginateInterface } from '@octokit/plugin-paginate-rest';
import type { RemoteAsset } from './assets.js';

export type Octokit = OctokitCore & Api & { paginate: PaginateInterface };

export interface ReleaseData {
  id: number;
  tag_name: string;
  name?: string | null;
  body?: string | null;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
  upload_url: string;
  assets: RemoteAsset[];
}

export interface GitHubConnection {
  octokit: Octokit;
  owner: string;
  repo: string;
  repository: string;
  api: string;
  http: HttpClient;
  token?: string;
  reporter: Reporter;
}

/**
 * What Octokit reads of a fetch response (status, statusText, url, iterable headers with get(),
 * text() and arrayBuffer()), over the kit's response. Node's own Response and Headers are not
 * used: their first use loads Node's bundled fetch implementation, some 40 ms of CPU that a
 * concurrent release would spend on its critical path. (Octokit reads no body after a 204,
 * a 205 or a HEAD.)
 */
function octokitResponse(res: HttpResponse): Response {
  const { body } = res;
  return {
    status: res.status,
    statusText: STATUS_CODES[res.status] ?? '',
    url: res.url,
    headers: res.headers,
    body: null,
    text: async () => body.toString('utf8'),
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
  } as unknown as Response;
}

/**
 * A fetch for Octokit that goes through HttpClient. A PATCH of a release sets fields to fixed
 * values, so retrying it is safe; other POSTs fail on the first transient error and the caller
 * asks GitHub what happened before trying again. Octokit passes a URL string and a plain
 * object of headers.
 */
function httpFetch(http: HttpClient): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries((init?.headers ?? {}) as Record<string, string>))
      headers[key.toLowerCase()] = String(value);
    const res = await http.request({
      method,
      url: typeof input === 'string' || input instanceof URL ? input : input.url,
      headers,
      body: (init?.body ?? undefined) as string | Uint8Array | undefined,
      beforeRetry: method === 'PATCH' ? async () => true : undefined,
    });
    // Every REST call expects JSON: a login page or a proxy's HTML answering 200 in the API's
    // place is refused here, before Octokit's pagination reads it as a list.
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (res.ok && res.status !== 204 && /html/.test(type) && !/html/.test(headers.accept ?? ''))
      throw notAnAnswer(
        { url: res.url, what: 'a GitHub API', registry: 'GitHub' },
        `HTTP ${res.status} ${type}`,
      );
    return octokitResponse(res);
  };
}

export async function connect(
  target: { owner: string; repo: string; repository: string; api: string },
  ctx: { http: HttpClient; token?: string; reporter: Reporter },
): Promise<GitHubConnection> {
  const [{ Octokit }, { restEndpointMethods }, { paginateRest }] = await Promise.all([
    import('@octokit/core'),
    import('@octokit/plugin-rest-endpoint-methods'),
    import('@octokit/plugin-paginate-rest'),
  ]);
  const GitHub = Octokit.plugin(restEndpointMethods, paginateRest);
  // Without a token (a dry run on a public repository) Octokit sends no authorization at all.
  const octokit: Octokit = new GitHub({
    baseUrl: target.api,
    userAgent: ctx.http.userAgent,
    auth: ctx.token ? `token ${ctx.token}` : undefined,
    request: { fetch: httpFetch(ctx.http) },
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => ctx.reporter.debug(m),
      error: (m: string) => ctx.reporter.debug(m),
    },
  });
  return { ...target, octokit, http: ctx.http, token: ctx.token, reporter: ctx.reporter };
}

interface OctokitFailure {
  status?: number;
  message?: string;
  cause?: unknown;
  response?: { data?: unknown; headers?: Record<string, string> };
}

/** The transient error behind an Octokit failure (retries ran out, or a POST hit a 5xx). */
export function transientCause(error: unknown): TransientHttpError | undefined {
  if (error instanceof TransientHttpError) return error;
  const cause = (error as OctokitFailure)?.cause;
  return cause instanceof TransientHttpError ? cause : undefined;
}

export const statusOf = (error: unknown) => (error as OctokitFailure)?.status;

/** 422 Validation Failed with an `already_exists` error: someone else created it first. */
export function isAlreadyExists(error: unknown): boolean {
  const data = (error as OctokitFailure)?.response?.data as { errors?: { code?: string }[] } | undefined;
  return statusOf(error) === 422 && Boolean(data?.errors?.some((e) => e.code === 'already_exists'));
}

function githubMessageOf(error: unknown): string {
  const data = (error as OctokitFailure)?.response?.data as
    { message?: string; errors?: unknown[] } | undefined;
  if (data?.message)
    return data.errors?.length ? `${data.message}: ${JSON.stringify(data.errors)}` : data.message;
  return errorMessage(error);
}

/** An Octokit failure as the error a user reads: a RegistryError with a hint where it is theirs to fix. */
export function explain(conn: GitHubConnection, error: unknown, what: string): Error {
  if (error instanceof RegistryError || error instanceof AlreadyDoneSignal) return error;
  // Octokit wraps what our fetch threw (an answer that is not the API's, over the size limit).
  const cause = (error as OctokitFailure)?.cause;
  if (cause instanceof RegistryError) return cause;
  const transient = transientCause(error);
  if (transient) return new Error(`GitHub: could not ${what}: ${transient.message}`);
  const status = statusOf(error);
  const message = githubMessageOf(error);
  const headers = new IncomingHeaders((error as OctokitFailure)?.response?.headers ?? {});
  if (status === 401 || status === 403 || status === 404 || status === 429)
    return refusal(conn.repository, status, message, headers);
  if (status === 422)
    return new RegistryError('GitHub', `could not ${what} (422 ${message})`, undefined, 422);
  return new Error(`GitHub: could not ${what}: ${status ? `HTTP ${status} ` : ''}${message}`);
}

/** Run an Octokit call, explaining its failure. */
export async function call<T>(conn: GitHubConnection, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw explain(conn, error, what);
  }
}

const repoParams = (conn: GitHubConnection) => ({ owner: conn.owner, repo: conn.repo });

/** The fields of an asset the publisher reads. */
export const ASSET_SHAPE = {
  id: 'integer',
  name: 'string',
  size: 'integer',
  'state?': 'string',
  'digest?': 'string',
  url: 'string',
  'browser_download_url?': 'string',
} as const;

/** The fields of a release the publisher reads (ids and URLs it builds requests from). */
export const RELEASE_SHAPE = {
  id: 'integer',
  tag_name: 'string',
  'name?': 'string',
  'body?': 'string',
  draft: 'boolean',
  prerelease: 'boolean',
  'html_url?': 'string',
  upload_url: 'string',
  'assets?': [ASSET_SHAPE],
} as const;

interface OctokitAnswer {
  data: unknown;
  url: string;
  status: number;
  headers: Record<string, string | number | undefined>;
}

/**
 * Octokit's answer checked before use: Octokit hands back HTML as a string and JSON of any
 * shape as it is, and a release id of `undefined` becomes a request to `/releases//assets`.
 */
export function answerOf<T>(res: OctokitAnswer, shape: Shape, what: string): T {
  const type = String(res.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  const source = { url: res.url, what, registry: 'GitHub' };
  if (type && !/json/.test(type)) throw notAnAnswer(source, `HTTP ${res.status} ${type}`);
  return checkShape<T>(res.data, shape, source);
}

/** The published release of a tag; undefined when there is none (drafts are never found here). */
export async function releaseByTag(conn: GitHubConnection, tag: string): Promise<ReleaseData | undefined> {
  try {
    const res = await conn.octokit.rest.repos.getReleaseByTag({ ...repoParams(conn), tag });
    return answerOf<ReleaseData>(res, RELEASE_SHAPE, 'a GitHub release');
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw explain(conn, error, `read the release ${tag} of ${conn.repository}`);
  }
}

/** Every release the token can see, drafts included with push access (a 404 here is the repository). */
export async function listReleases(conn: GitHubConnection): Promise<ReleaseData[]> {
  return call(
    conn,
    `list the releases of ${conn.repository}`,
    async () =>
      await conn.octokit.paginate(
        conn.octokit.rest.repos.listReleases,
        { ...repoParams(conn), per_page: 100 },
        (res) => answerOf<ReleaseData[]>(res, [RELEASE_SHAPE], 'a GitHub release list'),
      ),
  );
}

export interface ReleaseFields {
  tag_name?: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  make_latest?: 'true' | 'false' | 'legacy';
  generate_release_notes?: boolean;
}

/** Create a release; the caller handles 422 already_exists and transient failures. */
export async function createRelease(
  conn: GitHubConnection,
  fields: ReleaseFields & { tag_name: string },
): Promise<ReleaseData> {
  const res = await conn.octokit.rest.repos.createRelease({ ...repoParams(conn), ...fields });
  return answerOf<ReleaseData>(res, RELEASE_SHAPE, 'a created GitHub release');
}

export async function updateRelease(
  conn: GitHubConnection,
  release: ReleaseData,
  fields: ReleaseFields,
): Promise<ReleaseData> {
  return call(conn, `update the release ${release.tag_name} of ${conn.repository}`, async () =>
    answerOf<ReleaseData>(
      await conn.octokit.rest.repos.updateRelease({
        ...repoParams(conn),
        release_id: release.id,
        ...fields,
      }),
      RELEASE_SHAPE,
      'an updated GitHub release',
    ),
  );
}

export async function deleteRelease(conn: GitHubConnection, release: ReleaseData): Promise<void> {
  try {
    await conn.octokit.rest.repos.deleteRelease({ ...repoParams(conn), release_id: release.id });
  } catch (error) {
    if (statusOf(error) !== 404) throw explain(conn, error, `delete the release ${release.tag_name}`);
  }
}

export async function listAssets(conn: GitHubConnection, release: ReleaseData): Promise<RemoteAsset[]> {
  return call(
    conn,
    `list the assets of ${release.tag_name}`,
    async () =>
      await conn.octokit.paginate(
        conn.octokit.rest.repos.listReleaseAssets,
        { ...repoParams(conn), release_id: release.id, per_page: 100 },
        (res) => answerOf<RemoteAsset[]>(res, [ASSET_SHAPE], 'a GitHub release asset list'),
      ),
  );
}

/** Delete an asset; one already gone is fine (a concurrent job replaced it). */
export async function deleteAsset(conn: GitHubConnection, asset: RemoteAsset): Promise<void> {
  try {
    await conn.octokit.rest.repos.deleteReleaseAsset({ ...repoParams(conn), asset_id: asset.id });
  } catch (error) {
    if (statusOf(error) !== 404) throw explain(conn, error, `delete the asset ${asset.name}`);
  }
}

/**
 * An asset's bytes through the API (works for private repositories and drafts), or undefined
 * when it is gone: deleted since it was listed (a concurrent job replacing it).
 */
export async function downloadAsset(conn: GitHubConnection, asset: RemoteAsset): Promise<Buffer | undefined> {
  const res = await conn.http.request({
    url: asset.url,
    headers: { ...githubHeaders(conn.token), accept: 'application/octet-stream' },
    // An asset may be larger than the default limit; the listing may also be older than a
    // replacement by another job (a grown SHA256SUMS), so the listed size only raises the limit.
    maxBodyBytes: Math.max(asset.size, DEFAULT_MAX_BODY_BYTES),
  });
  if (res.status === 404) return undefined;
  if (!res.ok)
    throw refusal(
      conn.repository,
      res.status,
      `download of ${asset.name} answered ${res.status}`,
      res.headers,
    );
  return res.body;
}
