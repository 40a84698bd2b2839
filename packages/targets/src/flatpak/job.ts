/** What every Flatpak publishing mode starts from, and which credential each mode may use. */
import { InputError } from '@deploy-actions/action-kit/errors';
import { addSecret } from '@deploy-actions/action-kit/secrets';
import type { LoadedManifest } from './manifest.js';
import type { PublishContext } from '../publish-types.js';

export interface FlatpakJob {
  settings: Record<string, unknown>;
  ctx: PublishContext;
  loaded: LoadedManifest;
}

const envValue = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined;

/**
 * The token for GitHub (bundle, flathub-pr). The default variables list FLAT_MANAGER_TOKEN
 * first; when that is what was picked and GITHUB_TOKEN is set too, GitHub gets GITHUB_TOKEN.
 */
export function githubToken(job: FlatpakJob): string | undefined {
  const { ctx, settings } = job;
  const github = envValue(ctx.env, 'GITHUB_TOKEN');
  if (
    !settings['token-env'] &&
    ctx.token &&
    ctx.token === envValue(ctx.env, 'FLAT_MANAGER_TOKEN') &&
    github
  ) {
    addSecret(github);
    return github;
  }
  return ctx.token;
}

/** The token for flat-manager; never a GitHub token picked up by default. */
export function flatManagerToken(job: FlatpakJob): string | undefined {
  const { ctx, settings } = job;
  if (
    !settings['token-env'] &&
    ctx.token &&
    !envValue(ctx.env, 'FLAT_MANAGER_TOKEN') &&
    ctx.token === envValue(ctx.env, 'GITHUB_TOKEN')
  )
    return undefined;
  return ctx.token;
}

export function requireToken(token: string | undefined, variable: string, what: string): string {
  if (!token)
    throw InputError.missing('token', `Set ${variable} (or the token input, or token-env) to ${what}.`);
  return token;
}
