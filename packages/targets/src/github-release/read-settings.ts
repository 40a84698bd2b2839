/**
 * The settings of a github-release target, read once and checked before anything is sent, and
 * the two release flags derived from the version (prerelease, make_latest).
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseList } from '@deploy-actions/action-kit/parse';
import { blameInput, readUserFile, resolveInside } from '@deploy-actions/action-kit/paths';
import { apiBase, identify, parseRepository } from './client.js';
import { isHighestStable, type SemVer } from '@deploy-actions/version';
import { expandGlobs } from '@deploy-actions/action-kit/glob';

export type Tristate = 'auto' | 'true' | 'false';

export interface GitHubReleaseSettings extends GitHubTarget {
  /** The files to attach, absolute, inside the workspace. */
  files: string[];
  checksums: boolean;
  draft: boolean;
  prerelease: Tristate;
  makeLatest: Tristate;
  /** Release notes; undefined = let GitHub generate them. */
  body?: string;
}

function bool(value: unknown, fallback: boolean, input: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw InputError.bad(input, value, 'is not a boolean', 'Use true or false.');
}

function tristate(value: unknown, input: string): Tristate {
  if (value === undefined || value === '') return 'auto';
  const text = String(value);
  if (text === 'auto' || text === 'true' || text === 'false') return text;
  throw InputError.bad(input, value, 'is not one of the accepted values', 'Use one of: auto, true, false.');
}

function list(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(String).filter((v) => v.trim() !== '');
  return parseList(String(value));
}

export interface GitHubTarget {
  owner: string;
  repo: string;
  /** owner/repo */
  repository: string;
  /** The API base (GitHub Enterprise and tests point elsewhere). */
  api: string;
}

/** Where the releases live: `repository` (else GITHUB_REPOSITORY) on `registry` (else GITHUB_API_URL). */
export function readTarget(
  settings: Record<string, unknown>,
  workspace: string,
  env: NodeJS.ProcessEnv,
): GitHubTarget {
  const { owner, repo } = parseRepository(identify(settings, workspace, env).name);
  const registry = typeof settings.registry === 'string' ? settings.registry : undefined;
  return { owner, repo, repository: `${owner}/${repo}`, api: apiBase(registry, env) };
}

export function readSettings(
  settings: Record<string, unknown>,
  workspace: string,
  env: NodeJS.ProcessEnv,
): GitHubReleaseSettings {
  const target = readTarget(settings, workspace, env);
  const body = typeof settings.body === 'string' && settings.body !== '' ? settings.body : undefined;
  const bodyFile =
    typeof settings['body-file'] === 'string' && settings['body-file'] !== ''
      ? settings['body-file']
      : undefined;
  if (body !== undefined && bodyFile !== undefined)
    throw new InputError(
      'body-file',
      'cannot be used together with body',
      'Set either body or body-file, not both.',
    );
  return {
    ...target,
    files: expandGlobs(workspace, list(settings.assets), { input: 'assets' }),
    checksums: bool(settings.checksums, true, 'checksums'),
    draft: bool(settings.draft, false, 'draft'),
    prerelease: tristate(settings.prerelease, 'prerelease'),
    makeLatest: tristate(settings['make-latest'], 'make-latest'),
    body:
      bodyFile !== undefined
        ? readUserFile(resolveInside(workspace, bodyFile, 'body-file'), {
            blame: blameInput('body-file', bodyFile),
          })
        : body,
  };
}

/** `auto`: a SemVer prerelease (1.2.3-rc.1) is a GitHub prerelease. */
export function wantPrerelease(version: SemVer, setting: Tristate): boolean {
  return setting === 'auto' ? version.prerelease.length > 0 : setting === 'true';
}

/**
 * make_latest as the API spells it (a string). `auto`: 'true' only for the highest stable among
 * the published releases, so a hotfix on an older line or a prerelease never takes latest.
 */
export function makeLatestValue(
  version: SemVer,
  setting: Tristate,
  prerelease: boolean,
  published: string[],
): 'true' | 'false' {
  if (prerelease) return 'false';
  if (setting !== 'auto') return setting;
  return isHighestStable(version, published) ? 'true' : 'false';
}
