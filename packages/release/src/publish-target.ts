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
  loadPublisher,
  type PublishContext,
  type PublishStatus,
  type ReleaseVersion,
} from '@deploy-actions/targets';
import { InputError } from '@deploy-actions/action-kit/errors';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { archivePaths, SUMS_FILE } from './build.js';
import { BUILD_ASSETS, type BuildConfig } from './config-types.js';
import { defaultTokenEnv, type TargetSettings, type TargetType } from './targets.js';

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
      return parseToken(name, value);
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
    };
    const result = await publisher.publish(withBuildAssets(request), context);
    return { ...base, ...result, notes: result.notes ?? [], durationMs: Date.now() - started };
  } catch (caught) {
    request.reporter.debug(redact(caught instanceof Error && caught.stack ? caught.stack : String(caught)));
    return {
      ...base,
      status: 'failed',
      notes: [],
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
