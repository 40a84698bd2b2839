/**
 * GitHub Releases as a registry: a version is published when a (non-draft) release exists for
 * its tag. Read with the kit's HttpClient only, so check-published stays light; publishing
 * goes through Octokit (github-release/publish.ts).
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer, type Shape } from '@deploy-actions/action-kit/answer';
import type { HttpClient, HttpResponse, ResponseHeaders } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { highestStable, parseSemVer } from '@deploy-actions/version';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { SUMS_NAME } from './assets.js';

export const GITHUB_API = 'https://api.github.com';
export const DEFAULT_TAG_PREFIX = 'v';
/** Enough for any real repository's releases, bounded so a huge one cannot stall a check. */
const MAX_PAGES = 10;

export interface RepositoryName {
  owner: string;
  repo: string;
}

/** `owner/repo`, checked; `input` names the setting in the error. */
export function parseRepository(value: string, input = 'repository'): RepositoryName {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value.trim());
  if (!match || match[2] === '.' || match[2] === '..')
    throw InputError.bad(input, value, 'is not an owner/name repository', 'Use e.g. acme/app.');
  return { owner: match[1], repo: match[2] };
}

/** The API base: the setting, else GITHUB_API_URL (set by the runner, GHES included), else api.github.com. */
export function apiBase(registry: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return (registry || env.GITHUB_API_URL || GITHUB_API).replace(/\/+$/, '');
}

/** The web host for an API base: github.com, a GHES host without /api/v3, or the base itself. */
export function webBase(api: string): string {
  const url = new URL(api);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return api.replace(/\/api\/v3$/, '');
}

export function releasePageUrl(api: string, repository: string, tag: string): string {
  return `${webBase(api)}/${repository}/releases/tag/${encodeURIComponent(tag)}`;
}

/** The headers GitHub asks REST clients to send. */
export function githubHeaders(token?: string): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

/** The token hint every refusal carries. */
export const TOKEN_HINT =
  'Use a token that may write releases of this repository: GITHUB_TOKEN with `permissions: contents: write`, or a PAT with the `repo` scope (fine-grained: Contents read and write).';

/**
 * A refusal the user must fix, from a status and GitHub's message. 403 with no rate left is the
 * rate limit, not a permission.
 */
export function refusal(
  repository: string,
  status: number,
  message: string,
  headers?: ResponseHeaders,
): RegistryError {
  const registry = 'GitHub';
  if ((status === 403 || status === 429) && headers?.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return new RegistryError(
      registry,
      `API rate limit exceeded${when} (${message})`,
      'Pass a token (GITHUB_TOKEN) for a higher limit, or rerun later.',
      status,
    );
  }
  if (status === 401)
    return new RegistryError(
      registry,
      `the token was refused for ${repository} (401 ${message})`,
      TOKEN_HINT,
      status,
    );
  if (status === 403)
    return new RegistryError(
      registry,
      `the token may not do this on ${repository} (403 ${message})`,
      TOKEN_HINT,
      status,
    );
  if (status === 404)
    return new RegistryError(
      registry,
      `repository ${repository} was not found, or the token cannot see it (404)`,
      `Check the 'repository' setting (owner/name) and that the token has access to it. ${TOKEN_HINT}`,
      status,
    );
  return new RegistryError(registry, `${repository}: HTTP ${status} ${message}`, undefined, status);
}

/** GitHub's error message from a response body, if it has one. */
export function githubMessage(res: HttpResponse): string {
  try {
    return String(res.json<{ message?: string }>().message ?? res.status);
  } catch {
    return String(res.status);
  }
}

/** The fields of a release the registry view needs. */
export interface ReleaseSummary {
  id: number;
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
}

/** The URL of the next page, from a Link header. */
export function nextLink(link: string | null): string | undefined {
  return link
    ?.split(',')
    .map((part) => /<([^>]+)>\s*;\s*rel="next"/.exec(part)?.[1])
    .find(Boolean);
}

/** The version a tag stands for: the tag without the prefix, when that is SemVer. */
export function tagVersion(tag: string, prefix = DEFAULT_TAG_PREFIX): string | undefined {
  if (prefix && tag.startsWith(prefix) && parseSemVer(tag.slice(prefix.length)))
    return tag.slice(prefix.length);
  return parseSemVer(tag) ? tag : undefined;
}

export interface GitHubReleaseClient extends RegistryClient {
  /** Every release the token can see (drafts only with push access), newest first. */
  releases(): Promise<ReleaseSummary[]>;
}

export interface GitHubClientOptions extends ClientOptions {
  /** The tag of version X is `${tagPrefix}X`; default `v`. A bare `X` tag is found too. */
  tagPrefix?: string;
}

interface Reader {
  http: HttpClient;
  api: string;
  repository: string;
  token?: string;
}

/** The fields of a release this file reads. */
export const RELEASE_SUMMARY_SHAPE = {
  id: 'integer',
  tag_name: 'string',
  draft: 'boolean',
  prerelease: 'boolean',
  'html_url?': 'string',
} as const;

async function getJson<T>(
  reader: Reader,
  url: string,
  shape: Shape,
  what: string,
): Promise<{ status: number; data?: T; res: HttpResponse }> {
  const res = await reader.http.request({ url, headers: githubHeaders(reader.token) });
  if (res.status === 404) return { status: 404, res };
  if (!res.ok) throw refusal(reader.repository, res.status, githubMessage(res), res.headers);
  return { status: res.status, data: jsonAnswer<T>(res, shape, { what, registry: 'GitHub' }), res };
}

interface Listing {
  releases: ReleaseSummary[];
  /** Whether every page was read (at most MAX_PAGES are). */
  complete: boolean;
}

async function listReleases(reader: Reader): Promise<Listing> {
  const all: ReleaseSummary[] = [];
  let url: string | undefined = `${reader.api}/repos/${reader.repository}/releases?per_page=100`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const { status, data, res } = await getJson<ReleaseSummary[]>(
      reader,
      url,
      [RELEASE_SUMMARY_SHAPE],
      'a GitHub release list',
    );
    if (status === 404) throw refusal(reader.repository, 404, 'Not Found');
    all.push(...(data ?? []));
    url = nextLink(res.headers.get('link'));
  }
  return { releases: all, complete: !url };
}

function noteDraft(reporter: Reporter | undefined, repository: string, tag: string): void {
  reporter?.warning(
    `${repository}: a draft release exists for ${tag}; drafts are not published (publish it, or delete it and rerun).`,
  );
}

export function createClient(name: string, options: GitHubClientOptions): GitHubReleaseClient {
  const { owner, repo } = parseRepository(name);
  const repository = `${owner}/${repo}`;
  const api = apiBase(options.registry, options.env);
  const prefix = options.tagPrefix ?? DEFAULT_TAG_PREFIX;
  const reader: Reader = { http: options.http, api, repository, token: options.token };
  // check-published asks latest() and exists() together: share one listing in flight, and ask
  // afresh afterwards.
  let inFlight: Promise<Listing> | undefined;
  const listing = () => {
    inFlight ??= listReleases(reader).finally(() => (inFlight = undefined));
    return inFlight;
  };
  const releases = async () => (await listing()).releases;
  const marker = typeof options.target?.completeWith === 'string' ? options.target.completeWith : undefined;
  /** Not a draft, and holding the asset that is written last (when the target has one). */
  const isComplete = (r: ReleaseSummary) => {
    if (r.draft) return false;
    const assets = (r as { assets?: unknown }).assets;
    if (!marker || !Array.isArray(assets)) return true;
    return assets.some((a) => (a as { name?: unknown } | null)?.name === marker);
  };
  const published = async () => (await releases()).filter((r) => !r.draft);
  return {
    id: `github-release:${repository}`,
    registry: api,
    releases,
    async exists(version) {
      const tag = `${prefix}${version}`;
      const named = (list: ReleaseSummary[]) =>
        list.filter((r) => r.tag_name === tag || r.tag_name === version);
      if (inFlight) {
        // A listing is on its way (latest() asked): a complete one answers without another request.
        const { releases: all, complete } = await inFlight;
        const candidates = named(all);
        if (candidates.some(isComplete)) return true;
        if (complete) {
          if (candidates.length) noteDraft(options.reporter, repository, candidates[0].tag_name);
          return false;
        }
      }
      const byTag = await getJson<ReleaseSummary>(
        reader,
        `${api}/repos/${repository}/releases/tags/${encodeURIComponent(tag)}`,
        RELEASE_SUMMARY_SHAPE,
        'a GitHub release',
      );
      if (byTag.data) return isComplete(byTag.data);
      // Not under the usual tag: a bare `1.2.3` tag, or a draft (which the tag endpoint hides).
      const candidates = named(await releases());
      if (candidates.some(isComplete)) return true;
      if (candidates.length) noteDraft(options.reporter, repository, candidates[0].tag_name);
      return false;
    },
    async versions() {
      return (await published())
        .map((r) => tagVersion(r.tag_name, prefix))
        .filter((v): v is string => Boolean(v));
    },
    async latest() {
      const stable = (await published()).filter((r) => !r.prerelease);
      return highestStable(
        stable.map((r) => tagVersion(r.tag_name, prefix)).filter((v): v is string => Boolean(v)),
      );
    },
    url: (version) => releasePageUrl(api, repository, `${prefix}${version}`),
  };
}

/** The repository: the `repository` setting, else the workflow's (GITHUB_REPOSITORY). */
export function identify(
  settings: Record<string, unknown>,
  _cwd?: string,
  env: NodeJS.ProcessEnv = process.env,
): TargetIdentity {
  const value =
    typeof settings.repository === 'string' && settings.repository
      ? settings.repository
      : env.GITHUB_REPOSITORY;
  if (!value)
    throw InputError.missing(
      'repository',
      "Set 'repository' (owner/name); outside GitHub Actions GITHUB_REPOSITORY is not set.",
    );
  const { owner, repo } = parseRepository(value);
  const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  const assets = Array.isArray(settings.assets) ? settings.assets : settings.assets ? [settings.assets] : [];
  // A release with assets and checksums is complete once its SHA256SUMS is there (written after
  // every asset): a run killed between creating the release and attaching its assets leaves a
  // release that is not yet published, so the rerun attaches the rest.
  const target = assets.length && settings.checksums !== false ? { completeWith: SUMS_NAME } : undefined;
  return { name: `${owner}/${repo}`, registry, ...(target ? { target } : {}) };
}
