/**
 * Publish one target: resolve its credential, load its publisher, run it, and turn whatever
 * happens into an outcome the report can show. Shared by the publish actions, the orchestrator
 * and the CLI.
 */
import { errorMessage, isUserError, userMessage } from '@deploy-actions/action-kit/errors';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { parseToken } from '@deploy-actions/action-kit/parse';
import { addSecret, redact } from '@deploy-actions/action-kit/secrets';
import {
  loadBinaries,
  loadPublisher,
  type BinaryRelease,
  type PublishContext,
  type PublishStatus,
  type ReleaseVersion,
} from '@deploy-actions/targets';
import { InputError } from '@deploy-actions/action-kit/errors';
import { WorkspacePublishError } from '@deploy-actions/targets/waves';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { archiveName, archivePaths, SUMS_FILE } from './build.js';
import { BUILD_ASSETS, type BuildConfig, type TargetConfig } from './config-types.js';
import { defaultTokenEnv, TARGET_SETTINGS, type TargetSettings, type TargetType } from './targets.js';

export interface PublishRequest {
  target: string;
  type: TargetType;
  settings: TargetSettings;
  version: ReleaseVersion;
  force: boolean;
  dryRun: boolean;
  workspace: string;
  tempDir: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
  http: HttpClient;
  /** An explicit credential (the `token` input); else the environment. */
  token?: string;
  /** The config's `build:`, for `assets: build` on a github-release target. */
  build?: BuildConfig;
  /** The config's targets, for a package manager of binaries to find its `release:` target. */
  targets?: readonly TargetConfig[];
}

export interface PublishOutcome {
  target: string;
  type: TargetType;
  status: PublishStatus;
  version: string;
  url?: string;
  digest?: string;
  notes: string[];
  error?: string;
  /** Whether the failure is the user's to fix (bad token, forbidden republish...). */
  userError?: boolean;
  durationMs: number;
}

/** The credential for a target: explicit, else `token-env`, else the type's default variables. */
export function resolveToken(
  type: TargetType,
  settings: TargetSettings,
  env: NodeJS.ProcessEnv,
  explicit?: string,
): string | undefined {
  if (explicit) return explicit;
  const names = settings['token-env']
    ? [String(settings['token-env'])]
    : defaultTokenEnv(type, settings, env);
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) {
      addSecret(value);
      // An ssh private key (aur) is many lines by nature; every other credential is one.
      return /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value) ? value : parseToken(name, value);
    }
  }
  return undefined;
}

/**
 * `assets: build` on a github-release target: every platform's archive of the config's build,
 * which must be in the workspace (built here, or downloaded from the build jobs). The release's
 * SHA256SUMS comes from `checksums` (default on; `checksums: false` is honoured) and lists the
 * same archives with the same hashes.
 */
export function withBuildAssets(request: PublishRequest): TargetSettings {
  const { settings } = request;
  const assets = settings.assets;
  const named = Array.isArray(assets) ? assets : typeof assets === 'string' ? [assets] : [];
  if (request.type !== 'github-release' || !named.includes(BUILD_ASSETS)) return settings;
  if (named.length > 1)
    throw new InputError('assets', "'build' stands alone", 'Put the other files in build.artifacts.');
  if (!request.build)
    throw new InputError(
      'assets',
      "is 'build' but the config has no build: section",
      'Add build: to the config, or list the files to attach.',
    );
  const paths = archivePaths(request.build, request.version.version);
  const missing = paths.filter((p) => !existsSync(resolve(request.workspace, p)));
  if (missing.length)
    throw new InputError(
      'assets',
      `the build's archive(s) ${missing.join(', ')} are not in the workspace`,
      `Run the build first (deploy-actions build, or download the build jobs' artifacts before this step); ${SUMS_FILE} is written by the release from the same files.`,
    );
  return { ...settings, assets: paths };
}

/**
 * For a package manager of binaries (a type with a `release` setting) run from a config: the
 * lookup of its github-release target's archives, made once on first use. The release target is
 * the one `release:` names, else the config's only github-release target; the archives are the
 * build's, one per platform of build.platforms.
 */
export function binariesOf(request: PublishRequest): ((os?: string) => Promise<BinaryRelease>) | undefined {
  if (!('release' in TARGET_SETTINGS[request.type]) || !request.targets) return undefined;
  let found: Promise<BinaryRelease> | undefined;
  return async (os) => {
    // The build plan answers this without GitHub: a target that needs one OS fails before any request.
    if (os && request.build && !request.build.platforms.some((p) => p.os === os))
      throw new InputError(
        'release',
        `${request.target} installs the ${os} archives, and build.platforms has no ${os} platform (${request.build.platforms.map((p) => `${p.os}/${p.arch}`).join(', ') || 'none'})`,
        `Add ${os}/amd64 (and ${os}/arm64) to build.platforms, or remove the ${request.type} target.`,
      );
    return (found ??= lookUpBinaries(request, request.targets!));
  };
}

function releaseTargetOf(request: PublishRequest, targets: readonly TargetConfig[]): TargetConfig {
  const named = request.settings.release;
  const releases = targets.filter((t) => t.type === 'github-release');
  if (typeof named === 'string' && named) {
    const target = targets.find((t) => t.name === named);
    if (!target)
      throw InputError.bad(
        'release',
        named,
        'is not a target of the config',
        `Name the github-release target whose archives ${request.target} points at${releases.length ? ` (${releases.map((t) => t.name).join(', ')})` : ''}.`,
      );
    if (target.type !== 'github-release')
      throw InputError.bad(
        'release',
        named,
        `is a ${target.type} target, not a github-release one`,
        'Name the github-release target that attaches the build archives (assets: build).',
      );
    return target;
  }
  if (releases.length === 1) return releases[0];
  throw new InputError(
    'release',
    releases.length
      ? `is not set and the config has ${releases.length} github-release targets (${releases.map((t) => t.name).join(', ')})`
      : 'has no github-release target to point at',
    releases.length
      ? 'Set release: to the one that attaches the build archives.'
      : 'Add a github-release target with assets: build; this target points at its archives.',
  );
}

async function lookUpBinaries(
  request: PublishRequest,
  targets: readonly TargetConfig[],
): Promise<BinaryRelease> {
  const release = releaseTargetOf(request, targets);
  const build = request.build;
  if (!build?.binary)
    throw new InputError(
      'release',
      build ? 'needs build.binary: the executable inside each archive' : "needs the config's build: section",
      'Add build: with platforms, binary and archive; the archives it makes are what this target installs.',
    );
  const repository =
    typeof release.settings.repository === 'string' && release.settings.repository
      ? release.settings.repository
      : request.env.GITHUB_REPOSITORY;
  if (!repository)
    throw InputError.missing(
      'repository',
      `Set repository: on the '${release.name}' target; outside GitHub Actions GITHUB_REPOSITORY is not set.`,
    );
  const { resolveBinaries } = await loadBinaries();
  return resolveBinaries(
    {
      target: release.name,
      repository,
      registry: typeof release.settings.registry === 'string' ? release.settings.registry : undefined,
      token: resolveToken('github-release', release.settings, request.env),
      tag: request.version.tag,
      version: request.version.version,
      binary: build.binary,
      archives: build.platforms.map((p) => {
        const name = archiveName(build, request.version.version, p);
        return { ...p, name, path: resolve(request.workspace, build.dist, name) };
      }),
      dryRun: request.dryRun,
    },
    { http: request.http, reporter: request.reporter, env: request.env },
  );
}

export async function publishTarget(request: PublishRequest): Promise<PublishOutcome> {
  const started = Date.now();
  const deferred: (() => Promise<void>)[] = [];
  const base = { target: request.target, type: request.type, version: request.version.version };
  try {
    const token = resolveToken(request.type, request.settings, request.env, request.token);
    const publisher = await loadPublisher(request.type);
    const context: PublishContext = {
      target: request.target,
      version: request.version,
      force: request.force,
      dryRun: request.dryRun,
      workspace: request.workspace,
      tempDir: request.tempDir,
      env: request.env,
      reporter: request.reporter,
      http: request.http,
      token,
      defer: (fn) => deferred.push(fn),
      binaries: binariesOf(request),
    };
    const result = await publisher.publish(withBuildAssets(request), context);
    return { ...base, ...result, notes: result.notes ?? [], durationMs: Date.now() - started };
  } catch (caught) {
    request.reporter.debug(redact(caught instanceof Error && caught.stack ? caught.stack : String(caught)));
    return {
      ...base,
      status: 'failed',
      // A workspace that failed part-way: what was published, what failed, what was held back.
      notes: caught instanceof WorkspacePublishError ? caught.notes.map(redact) : [],
      error: redact(userMessage(caught)),
      userError: isUserError(caught),
      durationMs: Date.now() - started,
    };
  } finally {
    for (const fn of deferred.reverse()) {
      try {
        await fn();
      } catch (caught) {
        request.reporter.warning(`${request.target}: cleanup failed: ${redact(errorMessage(caught))}`);
      }
    }
  }
}
