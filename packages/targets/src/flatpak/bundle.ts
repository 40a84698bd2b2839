/**
 * bundle mode: build the app with flatpak-builder, make a single-file `.flatpak` with
 * `flatpak build-bundle`, and attach it to the GitHub release of the version. The asset name
 * `<app-id>-<version>.flatpak` is the idempotency key: present means done, unless `force`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { buildApp, buildBundle, defaultArch } from './build.js';
import { attachAssets } from '../github-release/publish.js';
import { GitHubApi, isRepository } from './github.js';
import { githubToken, requireToken, type FlatpakJob } from './job.js';
import { builtVersion, checkVersions } from './manifest.js';
import type { PublishResult } from '../publish-types.js';

export function bundleName(appId: string, version: string): string {
  return `${appId}-${version}.flatpak`;
}

export function releaseRepository(settings: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  const repository = String(settings.repository || env.GITHUB_REPOSITORY || '');
  if (!repository)
    throw InputError.missing(
      'repository',
      'Name the GitHub repository (owner/name) whose release gets the bundle.',
    );
  if (!isRepository(repository)) throw InputError.bad('repository', repository, 'is not owner/name');
  return repository;
}

export async function publishBundle(job: FlatpakJob): Promise<PublishResult> {
  const { ctx, loaded } = job;
  const { version, tag } = ctx.version;
  const repository = releaseRepository(job.settings, ctx.env);
  const name = bundleName(loaded.appId, version);
  const token = githubToken(job);
  const api = new GitHubApi(ctx.http, token, ctx.env);

  // flatpak's default architecture is asked while GitHub answers. Only a build waits for the
  // answer; a skip or a dry run ignores it, and a failure (no flatpak) with it.
  const arch = defaultArch(ctx.env);
  arch.catch(() => {});
  const release = await api.releaseByTag(repository, tag);
  const existing = release?.assets.find((asset) => asset.name === name && asset.state !== 'open');
  if (existing && !ctx.force)
    return {
      status: 'skipped',
      url: existing.browser_download_url,
      notes: [`${name} is already attached to release ${tag} of ${repository}`],
    };
  const action = existing ? `replace ${name} on` : `attach ${name} to`;
  if (ctx.dryRun)
    return {
      status: 'dry-run',
      notes: [
        `would build ${loaded.appId} (branch ${loaded.branch}) and ${action} release ${tag} of ${repository}`,
      ],
    };
  requireToken(token, 'GITHUB_TOKEN', 'attach the bundle to the release');

  const built = await buildApp(loaded, version, await arch, ctx);
  checkVersions([builtVersion(built.buildDir, loaded.appId)], version);
  const file = join(ctx.tempDir, name);
  await buildBundle(built, loaded.appId, loaded.branch, file, ctx.env);
  const bytes = readFileSync(file);
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

  // The release and the upload are the github-release publisher's: its rules, its race handling.
  const attached = await attachAssets(repository, tag, [file], { ...ctx, token });
  return {
    status: attached.status === 'skipped' ? 'skipped' : 'published',
    url: attached.url,
    digest,
    notes: [
      `built ${built.ref} (commit ${built.commit.slice(0, 12)}), ${name} is ${bytes.length} bytes`,
      ...(attached.notes ?? []),
    ],
  };
}
