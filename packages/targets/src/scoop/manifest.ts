/**
 * A Scoop manifest for prebuilt archives (Scoop's schema.json): version, description,
 * homepage, license, architecture 64bit / arm64 (and 32bit for windows/386) with url, hash and
 * bin, checkver on the GitHub repository and autoupdate URL templates with $version, so
 * Scoop's own excavator can follow releases between ours.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { archivesFor, binaryFile, type BinaryRelease } from '../binaries/release.js';
import type { ManifestMeta } from '../binaries/manifest-meta.js';

/** Scoop app names: a file name users type (`scoop install acme`). */
export const APP_NAME = /^[a-z0-9][a-z0-9._+-]*$/;

const ARCH: Record<string, string> = { amd64: '64bit', arm64: 'arm64', '386': '32bit' };

export function renderManifest(release: BinaryRelease, meta: ManifestMeta): string {
  const exe = binaryFile(release, 'windows');
  const architecture: Record<string, { url: string; hash: string; bin: string }> = {};
  const autoupdate: Record<string, { url: string }> = {};
  for (const a of archivesFor(release, 'windows')) {
    const key = ARCH[a.arch];
    if (!key || a.format !== 'zip') continue;
    architecture[key] = { url: a.url, hash: a.sha256, bin: exe };
    // The same URL with the version as Scoop's $version where the path carries it (tag, file name).
    const url = new URL(a.url);
    autoupdate[key] = { url: `${url.origin}${url.pathname.split(release.version).join('$version')}` };
  }
  if (!Object.keys(architecture).length)
    throw new InputError(
      'release',
      `the release ${release.tag} has no Windows archive for amd64, arm64 or 386, so a Scoop manifest has nothing to install`,
      'Add windows/amd64 (and windows/arm64) to build.platforms.',
    );
  const manifest = {
    version: release.version,
    description: meta.description,
    homepage: meta.homepage,
    license: meta.license ?? 'Unknown',
    architecture,
    checkver: { github: release.repositoryUrl },
    autoupdate: { architecture: autoupdate },
  };
  return `${JSON.stringify(manifest, null, 4)}\n`;
}

/** The version a manifest names, if its text is a manifest. */
export function manifestVersion(text: string): string | undefined {
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
