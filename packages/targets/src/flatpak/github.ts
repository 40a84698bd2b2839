/**
 * The few GitHub REST calls the Flatpak publisher makes itself: whether the release already has
 * the bundle (bundle mode; attaching it is the github-release publisher's attachAssets), and a
 * branch, a file update and a pull request (flathub-pr mode). Base URL from GITHUB_API_URL,
 * as on GitHub Enterprise and in tests.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer, type Shape } from '@deploy-actions/action-kit/answer';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';

export interface ReleaseAsset {
  id: number;
  name: string;
  browser_download_url: string;
  state?: string;
}

export interface Release {
  id: number;
  tag_name: string;
  html_url: string;
  upload_url: string;
  assets: ReleaseAsset[];
}

export interface Pull {
  number: number;
  html_url: string;
  head: { ref: string };
}

/** The fields this publisher reads of each GitHub answer. */
export const SHAPES = {
  release: {
    id: 'integer',
    tag_name: 'string',
    'html_url?': 'string',
    upload_url: 'string',
    assets: [{ id: 'integer', name: 'string', 'browser_download_url?': 'string', 'state?': 'string' }],
  },
  pull: { number: 'integer', html_url: 'string', 'head?': { ref: 'string' } },
  ref: { object: { 'type?': 'string', sha: 'string' } },
  file: { sha: 'string', content: 'string', 'encoding?': 'string' },
  repository: { default_branch: 'string' },
} as const;

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
export const isRepository = (value: string) => REPOSITORY.test(value);

export class GitHubApi {
  readonly base: string;
  constructor(
    private readonly http: HttpClient,
    private readonly token: string | undefined,
    env: NodeJS.ProcessEnv,
    /** The setting the token comes from, named in hints. */
    private readonly tokenName = 'GITHUB_TOKEN',
  ) {
    this.base = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      ...extra,
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return headers;
  }

  refused(res: HttpResponse, what: string): RegistryError {
    let message = '';
    try {
      message = res.json<{ message?: string }>().message ?? '';
    } catch {
      // not JSON
    }
    const detail = `HTTP ${res.status}${message ? `: ${message}` : ''}`;
    if (res.status === 401)
      return new RegistryError(
        'GitHub',
        `refused the token to ${what} (${detail})`,
        `Check ${this.tokenName}: it is missing, expired or revoked.`,
        401,
      );
    if (res.status === 403)
      return new RegistryError(
        'GitHub',
        `forbade ${what} (${detail})`,
        `Give ${this.tokenName} 'contents: write' (and 'pull-requests: write' for flathub-pr) on the repository.`,
        403,
      );
    if (res.status === 404)
      return new RegistryError(
        'GitHub',
        `could not ${what}: not found (${detail})`,
        `Check the repository name, and that ${this.tokenName} can see it.`,
        404,
      );
    return new RegistryError('GitHub', `could not ${what} (${detail})`, undefined, res.status);
  }

  async call(
    method: string,
    path: string,
    json?: unknown,
    options: { beforeRetry?: () => Promise<boolean> } = {},
  ): Promise<HttpResponse> {
    return this.http.request({
      method,
      url: path.startsWith('http') ? path : `${this.base}${path}`,
      headers: this.headers(json === undefined ? {} : { 'content-type': 'application/json' }),
      body: json === undefined ? undefined : JSON.stringify(json),
      beforeRetry: options.beforeRetry,
    });
  }

  /** GET a JSON document of the given shape; undefined on 404. */
  async find<T>(path: string, what: string, shape: Shape, answer: string): Promise<T | undefined> {
    const res = await this.call('GET', path);
    if (res.status === 404) return undefined;
    if (!res.ok) throw this.refused(res, what);
    return jsonAnswer<T>(res, shape, { what: answer, registry: 'GitHub' });
  }

  async releaseByTag(repository: string, tag: string): Promise<Release | undefined> {
    return this.find<Release>(
      `/repos/${repository}/releases/tags/${encodeURIComponent(tag)}`,
      `read the release ${tag} of ${repository}`,
      SHAPES.release,
      'a GitHub release',
    );
  }
}
