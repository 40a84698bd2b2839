/**
 * Flatpak: build the app from its flatpak-builder manifest and publish it one of three ways
 * (`mode`): `bundle` attaches a .flatpak to the GitHub release, `flat-manager` pushes the
 * build to a flat-manager repository, `flathub-pr` opens the version's pull request on the
 * app's Flathub repository. Every mode first checks that the metainfo names the release version.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { publishBundle } from './bundle.js';
import { publishFlathubPr } from './flathub-pr.js';
import { checkVersions, declaredVersions, loadManifest } from './manifest.js';
import { publishFlatManager } from './push.js';
import type { FlatpakJob } from './job.js';
import type { Publish, PublishResult } from '../publish-types.js';

export const MODES = ['bundle', 'flat-manager', 'flathub-pr'] as const;
type Mode = (typeof MODES)[number];

const RUN: Record<Mode, (job: FlatpakJob) => Promise<PublishResult>> = {
  bundle: publishBundle,
  'flat-manager': publishFlatManager,
  'flathub-pr': publishFlathubPr,
};

export const publish: Publish = async (settings, ctx) => {
  const mode = String(settings.mode ?? 'bundle');
  if (!(MODES as readonly string[]).includes(mode))
    throw InputError.bad('mode', mode, `is not one of ${MODES.join(', ')}`);
  const loaded = await loadManifest(settings, ctx.workspace);
  // Before anything slow or visible: the metainfo the manifest builds from names this version.
  checkVersions(declaredVersions(loaded, ctx.workspace), ctx.version.version);
  return RUN[mode as Mode]({ settings, ctx, loaded });
};
