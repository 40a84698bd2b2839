/**
 * GitHub Releases: create or update the release of the version's tag, attach the assets and a
 * SHA256SUMS file, idempotently (a rerun uploads only what is missing, a finished release is
 * `skipped`), safe when matrix jobs race, `latest` only for the highest stable.
 */
import { apiBase, parseRepository } from './client.js';
import { describeFiles } from './assets.js';
import { connect } from './api.js';
import { missingToken, publishRelease, type ReleasePlan } from './release.js';
import { readSettings } from './read-settings.js';
import type { Publish, PublishContext, PublishResult } from '../publish-types.js';

export { rollback } from './rollback.js';

export const publish: Publish = async (raw, ctx) => {
  const settings = readSettings(raw, ctx.workspace, ctx.env);
  const files = await describeFiles(settings.files, settings.checksums);
  if (!ctx.token && !ctx.dryRun) throw missingToken(settings.repository);
  const conn = await connect(settings, ctx);
  const plan: ReleasePlan = {
    draft: settings.draft,
    prerelease: settings.prerelease,
    makeLatest: settings.makeLatest,
    body: settings.body,
    checksums: settings.checksums ? 'write' : 'off',
  };
  return publishRelease(conn, plan, files, ctx);
};

export interface AttachOptions {
  /** The API base; default GITHUB_API_URL, else api.github.com. */
  registry?: string;
  /** `merge` (default): add our files to a SHA256SUMS the release already has; `write`: always. */
  checksums?: 'write' | 'merge' | 'off';
}

/**
 * Attach files (absolute paths the caller built, e.g. a .flatpak bundle) to the release of
 * `tag` in `repository`, creating the release the way the publisher would if it does not exist
 * yet. Same guarantees: same bytes => nothing sent, a rerun finishes a half upload, `ctx.force`
 * replaces, `ctx.dryRun` sends nothing. The result's status is published, skipped or dry-run.
 */
export async function attachAssets(
  repository: string,
  tag: string,
  files: string[],
  ctx: PublishContext,
  options: AttachOptions = {},
): Promise<PublishResult> {
  const { owner, repo } = parseRepository(repository);
  const checksums = options.checksums ?? 'merge';
  const described = await describeFiles(files, checksums !== 'off', 'files');
  if (!ctx.token && !ctx.dryRun) throw missingToken(`${owner}/${repo}`);
  const conn = await connect(
    { owner, repo, repository: `${owner}/${repo}`, api: apiBase(options.registry, ctx.env) },
    ctx,
  );
  const plan: ReleasePlan = { draft: false, prerelease: 'auto', makeLatest: 'auto', checksums };
  return publishRelease(conn, plan, described, { ...ctx, version: { ...ctx.version, tag } });
}
