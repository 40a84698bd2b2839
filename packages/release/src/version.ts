/** The release version as every action resolves it: the `version` input, else detected. */
import { detectVersion, type DetectedVersion, type VersionForms } from '@deploy-actions/version';
import type { ReleaseVersion } from '@deploy-actions/targets';
import type { ReleaseConfig } from './config-types.js';

export interface ResolveVersionOptions {
  version?: string;
  ref?: string;
  config?: ReleaseConfig;
  cwd: string;
  /** Default: `pep440` when every target of the config is PyPI, else `semver` (see detectVersion). */
  forms?: VersionForms;
}

/** PyPI alone takes PEP 440 versions without a SemVer form (1.2.3.post1, 1!2.0.0). */
export function versionFormsOf(types: readonly string[]): VersionForms {
  return types.length > 0 && types.every((t) => t === 'pypi') ? 'pep440' : 'semver';
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
    forms: options.forms ?? versionFormsOf(options.config?.targets.map((t) => t.type) ?? []),
  });
}

export function toReleaseVersion(detected: DetectedVersion): ReleaseVersion {
  return {
    version: detected.version,
    semver: detected.semver,
    tag: detected.tag,
    pep440: detected.pep440,
  };
}
