/**
 * The GitHub calls of a winget submission: the manifests repository (is the version's folder
 * there, is its pull request open), the user's fork (sync, one commit through the git data API,
 * a branch) and the pull request. Refusals name WINGET_TOKEN and the kind of token it must be.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';
import { GitHubApi } from '../flatpak/github.js';
import { apiBase } from '../github-release/client.js';

export const CLASSIC_TOKEN_HINT =
  'WINGET_TOKEN must be a classic personal access token with the public_repo scope: GitHub refuses fine-grained tokens for pull requests to repositories you do not own (microsoft/winget-pkgs).';

export const WINGET_SHAPES = {
  repository: { default_branch: 'string', 'fork?': 'boolean', 'parent?': { full_name: 'string' } },
  entries: [{ name: 'string', type: 'string' }],
  pull: { number: 'integer', html_url: 'string', title: 'string' },
  search: { total_count: 'integer', items: [{ number: 'integer', html_url: 'string', title: 'string' }] },
  ref: { object: { sha: 'string' } },
  commit: { sha: 'string', tree: { sha: 'string' } },
  sha: { sha: 'string' },
  merge: { 'message?': 'string', 'merge_type?': 'string' },
} as const;

export class WingetGitHub extends GitHubApi {
  constructor(http: HttpClient, token: string | undefined, env: NodeJS.ProcessEnv, registry?: string) {
    super(http, token, { ...env, GITHUB_API_URL: apiBase(registry, env) }, 'WINGET_TOKEN');
  }

  /** A refusal with winget's own hints: a fine-grained token is named as the cause when it is one. */
  refusedWinget(res: HttpResponse, what: string, token?: string): RegistryError {
    let message = '';
    try {
      message = res.json<{ message?: string }>().message ?? '';
    } catch {
      // not JSON
    }
    const fineGrained =
      /personal access token|fine-grained/i.test(message) || token?.startsWith('github_pat_');
    if ((res.status === 403 || res.status === 404 || res.status === 422) && fineGrained)
      return new RegistryError(
        'GitHub',
        `refused WINGET_TOKEN to ${what} (HTTP ${res.status}${message ? `: ${message}` : ''}); it is a fine-grained token`,
        CLASSIC_TOKEN_HINT,
        res.status,
      );
    if (res.status === 403)
      return new RegistryError(
        'GitHub',
        `forbade ${what} (HTTP 403${message ? `: ${message}` : ''})`,
        CLASSIC_TOKEN_HINT,
        403,
      );
    return this.refused(res, what);
  }
}
