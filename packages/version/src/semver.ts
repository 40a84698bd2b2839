/** Strict SemVer 2.0: parsing, ordering, and the "highest stable" rule used for `latest`. */

export interface SemVer {
  raw: string;
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated prerelease identifiers; empty for a stable version. */
  prerelease: string[];
  build: string[];
}

// The regular expression published with the SemVer 2.0 specification.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseSemVer(text: string): SemVer | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  return {
    raw: text,
    major,
    minor,
    patch,
    prerelease: match[4] ? match[4].split('.') : [],
    build: match[5] ? match[5].split('.') : [],
  };
}

export const isStable = (v: SemVer) => v.prerelease.length === 0;

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence; build metadata is ignored. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (const key of ['major', 'minor', 'patch'] as const)
    if (a[key] !== b[key]) return Math.sign(a[key] - b[key]);
  if (!a.prerelease.length || !b.prerelease.length)
    return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    if (a.prerelease[i] === undefined) return -1;
    if (b.prerelease[i] === undefined) return 1;
    const c = compareIdentifiers(a.prerelease[i], b.prerelease[i]);
    if (c) return c;
  }
  return 0;
}

/** Parse what can be parsed, ignore the rest (registries hold all sorts of strings). */
export function parseAll(versions: Iterable<string>): SemVer[] {
  const out: SemVer[] = [];
  for (const v of versions) {
    const parsed = parseSemVer(v);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** The highest stable version, or undefined. */
export function highestStable(versions: Iterable<string>): string | undefined {
  let best: SemVer | undefined;
  for (const v of parseAll(versions)) if (isStable(v) && (!best || compareSemVer(v, best) > 0)) best = v;
  return best?.raw;
}

/**
 * Whether `version` may take a floating tag over the versions already published: stable, and
 * not lower than the highest stable among `published` restricted by `sameLine` (e.g. only the
 * 1.x versions for the `1` tag). An equal version counts (a rerun keeps its tag).
 */
export function isHighestStable(
  version: SemVer,
  published: Iterable<string>,
  sameLine?: (v: SemVer) => boolean,
): boolean {
  if (!isStable(version)) return false;
  for (const other of parseAll(published)) {
    if (!isStable(other) || (sameLine && !sameLine(other))) continue;
    if (compareSemVer(other, version) > 0) return false;
  }
  return true;
}

export function formatSemVer(v: Pick<SemVer, 'major' | 'minor' | 'patch' | 'prerelease' | 'build'>): string {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? `-${v.prerelease.join('.')}` : ''}${v.build.length ? `+${v.build.join('.')}` : ''}`;
}
