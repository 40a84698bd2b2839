/**
 * Scoop: bucket/<app>.json in the bucket, one commit per release (Contents API on GitHub, git
 * push elsewhere); skip, hotfix, force and rollback rules in binaries/manifest-repo.ts.
 */
import { manifestMeta, packageName } from '../binaries/manifest-meta.js';
import { publishManifest, readLocation, rollbackManifest } from '../binaries/manifest-repo.js';
import { requireBinaries } from '../binaries/release.js';
import type { Publish, Rollback } from '../publish-types.js';
import { SCOOP, manifestFormat } from './kind.js';
import { APP_NAME, renderManifest } from './manifest.js';

export const publish: Publish = async (settings, ctx) => {
  const location = readLocation(SCOOP, settings, ctx.env);
  if (settings.app) packageName(settings.app, 'app', '', APP_NAME);
  const release = await requireBinaries(ctx, 'windows');
  const app = packageName(settings.app, 'app', release.binary.toLowerCase(), APP_NAME);
  const text = renderManifest(release, manifestMeta(settings, release));
  return publishManifest(location, manifestFormat(app), ctx, app, () => text);
};

export const rollback: Rollback = async (settings, ctx) => {
  const location = readLocation(SCOOP, settings, ctx.env);
  const app = packageName(settings.app, 'app', '', APP_NAME);
  return rollbackManifest(location, manifestFormat(app), ctx, app);
};
