/**
 * The GitHub REST calls of the release publisher, through Octokit from @actions/github (loaded
 * on first use, so no other action pays for it). Octokit's fetch is the kit's HttpClient:
 * timeouts, bounded retries of 5xx/429 with Retry-After, the same as every other call.
 */
import { RegistryError, errorMessage } from '@deploy-actions/action-kit/errors';
import { AlreadyDoneSignal, TransientHttpError, type HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { githubHeaders, refusal } from '@deploy-actions/registries/github';
import type { getOctokit } from '@actions/github';
import type { RemoteAsset } from './github-assets.js';

export type Octokit = ReturnType<typeof getOctokit>;

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
 * A fetch for Octokit that goes through HttpClient. A PATCH of a release sets fields to fixed
 * values, so retrying it is safe; other POSTs fail on the first transient error and the caller
 * asks GitHub what happened before trying again.
 */
function httpFetch(http: HttpClient): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const res = await http.request({
      method,
      url: String(input instanceof Request ? input.url : input),
      headers,
      body: (init?.body ?? undefined) as string | Uint8Array | undefined,
      beforeRetry: method === 'PATCH' ? async () => true : undefined,
    });
    const empty = res.status === 204 || res.status === 205 || res.status === 304 || method === 'HEAD';
    return new Response(empty ? null : res.body, { status: res.status, headers: [...res.headers] });
  };
}

export async function connect(
  target: { owner: string; repo: string; repository: string; api: string },
  ctx: { http: HttpClient; token?: string; reporter: Reporter },
): Promise<GitHubConnection> {
  const { getOctokit } = await import('@actions/github');
  const options = {
    baseUrl: target.api,
    userAgent: ctx.http.userAgent,
    request: { fetch: httpFetch(ctx.http) },
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => ctx.reporter.debug(m),
      error: (m: string) => ctx.reporter.debug(m),
    },
  };
  // Without a token (a dry run on a public repository) Octokit sends no authorization at all.
  const octokit = ctx.token
    ? getOctokit(ctx.token, options)
    : (new (await import('@actions/github/lib/utils')).GitHub(options) as unknown as Octokit);
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
  const transient = transientCause(error);
  if (transient) return new Error(`GitHub: could not ${what}: ${transient.message}`);
  const status = statusOf(error);
  const message = githubMessageOf(error);
  const headers = new Headers((error as OctokitFailure)?.response?.headers ?? {});
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

/** The published release of a tag; undefined when there is none (drafts are never found here). */
export async function releaseByTag(conn: GitHubConnection, tag: string): Promise<ReleaseData | undefined> {
  try {
    return (await conn.octokit.rest.repos.getReleaseByTag({ ...repoParams(conn), tag })).data as ReleaseData;
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
      (await conn.octokit.paginate(conn.octokit.rest.repos.listReleases, {
        ...repoParams(conn),
        per_page: 100,
      })) as ReleaseData[],
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
  return (await conn.octokit.rest.repos.createRelease({ ...repoParams(conn), ...fields }))
    .data as ReleaseData;
}

export async function updateRelease(
  conn: GitHubConnection,
  release: ReleaseData,
  fields: ReleaseFields,
): Promise<ReleaseData> {
  return call(
    conn,
    `update the release ${release.tag_name} of ${conn.repository}`,
    async () =>
      (
        await conn.octokit.rest.repos.updateRelease({
          ...repoParams(conn),
          release_id: release.id,
          ...fields,
        })
      ).data as ReleaseData,
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
      (await conn.octokit.paginate(conn.octokit.rest.repos.listReleaseAssets, {
        ...repoParams(conn),
        release_id: release.id,
        per_page: 100,
      })) as RemoteAsset[],
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

/** An asset's bytes through the API (works for private repositories and drafts). */
export async function downloadAsset(conn: GitHubConnection, asset: RemoteAsset): Promise<Buffer> {
  const res = await conn.http.request({
    url: asset.url,
    headers: { ...githubHeaders(conn.token), accept: 'application/octet-stream' },
  });
  if (!res.ok)
    throw refusal(
      conn.repository,
      res.status,
      `download of ${asset.name} answered ${res.status}`,
      res.headers,
    );
  return res.body;
}
