import { parseSemVer } from '@deploy-actions/version';

/** A SemVer version without a prerelease part. */
export const isStable = (version: string) => {
  const v = parseSemVer(version);
  return Boolean(v && !v.prerelease.length);
};
