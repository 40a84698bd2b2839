/** The release version as every action resolves it: the `version` input, else detected. */
import { detectVersion, parseSemVer, type DetectedVersion } from '@deploy-actions/version';
import type { ReleaseVersion } from '@deploy-actions/publishers';
import type { ReleaseConfig } from './config-types.js';

export interface ResolveVersionOptions {
  version?: string;
  ref?: string;
  config?: ReleaseConfig;
  cwd: string;
}

export function resolveVersion(options: ResolveVersionOptions): Promise<DetectedVersion> {
  const v = options.config?.version;
  return detectVersion({
    version: options.version,
    tag: options.ref,
    sources: v?.sources,
    tagPrefix: v?.tagPrefix ?? 'v',
    requireMatch: v?.requireMatch ?? true,
    cwd: options.cwd,
  });
}

export function toReleaseVersion(detected: DetectedVersion): ReleaseVersion {
  return {
    version: detected.version,
    semver: parseSemVer(detected.version)!,
    tag: detected.tag,
    pep440: detected.pep440,
  };
}
