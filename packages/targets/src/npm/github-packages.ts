/**
 * GitHub Packages' npm registry (`registry: github`): npm.pkg.github.com, scoped packages whose
 * scope is the repository's owner, and the workflow's GITHUB_TOKEN as the default credential.
 * GitHub Enterprise Server has its own address: DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY names it.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseUrl } from '@deploy-actions/action-kit/parse';

export const GITHUB_NPM_REGISTRY = 'https://npm.pkg.github.com';
/** The word that stands for GitHub Packages in `registry:`. */
export const GITHUB_ALIAS = 'github';
/** Where GitHub Packages' npm registry is when it is not npm.pkg.github.com (GitHub Enterprise Server). */
export const GITHUB_NPM_REGISTRY_ENV = 'DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY';

/** The registry `registry: github` stands for here. */
export function githubNpmRegistry(env: NodeJS.ProcessEnv): string {
  const given = env[GITHUB_NPM_REGISTRY_ENV]?.trim();
  return given
    ? parseUrl(GITHUB_NPM_REGISTRY_ENV, given).toString().replace(/\/+$/, '')
    : GITHUB_NPM_REGISTRY;
}

/** A `registry` value with `github` replaced by its URL; anything else as it is. */
export function expandRegistry(registry: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return registry?.trim() === GITHUB_ALIAS ? githubNpmRegistry(env) : registry;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

/** Whether a (resolved) registry URL is GitHub Packages: npm.pkg.github.com or the configured one. */
export function isGithubPackages(registry: string | undefined, env: NodeJS.ProcessEnv): boolean {
  if (!registry) return false;
  if (registry.trim() === GITHUB_ALIAS) return true;
  const host = hostOf(registry);
  return host === hostOf(GITHUB_NPM_REGISTRY) || host === hostOf(githubNpmRegistry(env));
}

/**
 * GitHub Packages takes only scoped packages whose scope is the repository's owner (compared
 * without case: GitHub owners keep their case, npm scopes are lower case). Checked before
 * anything is sent; without GITHUB_REPOSITORY (outside Actions) only the scope is required.
 */
export function checkGithubScope(name: string, env: NodeJS.ProcessEnv): void {
  const scope = /^@([^/]+)\//.exec(name)?.[1];
  const owner = env.GITHUB_REPOSITORY?.trim().split('/')[0];
  const wanted = owner ? `@${owner.toLowerCase()}/${name.replace(/^@[^/]+\//, '')}` : undefined;
  if (!scope)
    throw InputError.bad(
      'registry',
      GITHUB_ALIAS,
      `cannot take ${name}: GitHub Packages publishes only scoped packages (@owner/name)`,
      `Rename the package in package.json to ${wanted ?? '@<repository owner>/' + name}.`,
    );
  if (owner && scope.toLowerCase() !== owner.toLowerCase())
    throw InputError.bad(
      'registry',
      GITHUB_ALIAS,
      `cannot take ${name}: the scope @${scope} is not the repository's owner (${owner}), and GitHub Packages refuses a package outside its owner's scope`,
      `Rename the package in package.json to ${wanted}, or publish it from a repository of ${scope}.`,
    );
}

/** What to check when GitHub Packages refuses (401/403/404): the causes users hit, in order. */
export function githubRefusalHint(status: number | undefined): string {
  if (status === 401)
    return 'GitHub Packages did not accept the token: publish with the workflow GITHUB_TOKEN (the default; set GITHUB_TOKEN: ${{ github.token }} in the step env) or a token with write:packages in token-env.';
  return 'GitHub Packages refuses when: the job lacks `permissions: packages: write`; the package exists but is not linked to this repository, or this repository has no write access in the package settings (Package settings > Manage Actions access); the run comes from a fork pull request (its GITHUB_TOKEN is read-only); or the scope is not the repository owner.';
}
