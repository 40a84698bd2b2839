/**
 * Chocolatey versions. Chocolatey (NuGet 2) orders versions by SemVer 1.0: a prerelease is one
 * alphanumeric label, compared as a string. So `1.2.3-rc.1` is published as `1.2.3-rc1`: the
 * prerelease identifiers are joined without their dots (and hyphens), and the label must start
 * with a letter and be at most 20 characters. Build metadata (`+build.5`) is dropped: SemVer
 * says it does not change the version. Note: labels compare as strings, so `rc10` sorts before
 * `rc2`; number prereleases below 10, or zero-pad them (`rc.01` is not SemVer, `rc.a1` is).
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { SemVer } from '@deploy-actions/version';

export const MAX_PRERELEASE = 20;

export function chocolateyVersion(semver: SemVer): string {
  const core = `${semver.major}.${semver.minor}.${semver.patch}`;
  if (!semver.prerelease.length) return core;
  const label = semver.prerelease.join('').replace(/-/g, '');
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(label) || label.length > MAX_PRERELEASE)
    throw InputError.bad(
      'version',
      semver.raw,
      `has no Chocolatey form: its prerelease becomes "${label}", and Chocolatey (SemVer 1) takes one label of letters and digits that starts with a letter, at most ${MAX_PRERELEASE} characters`,
      'Use a prerelease such as -rc.1, -beta.2 or -alpha (published as -rc1, -beta2, -alpha), or leave prereleases out of the chocolatey target.',
    );
  return `${core}-${label}`;
}
