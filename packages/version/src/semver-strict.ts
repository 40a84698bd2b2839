/**
 * Strict SemVer 2.0 over npm's `semver` library: parsing, precedence, and the "highest stable"
 * rule used for `latest`. The library parses without loose mode; before it sees a string we refuse
 * what its strict mode still lets through: a `v` prefix and surrounding whitespace (callers strip a
 * tag's prefix themselves). Its own limits stand: at most 256 characters, numbers up to 2^53 - 1.
 */
import compare from 'semver/functions/compare.js';
import parse from 'semver/functions/parse.js';
import type LibrarySemVer from 'semver/classes/semver.js';

export interface SemVer {
  raw: string;
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated prerelease identifiers; empty for a stable version. */
  prerelease: string[];
  build: string[];
}

/** The library's parse of each version we handed out, so comparing does not parse again. */
const parsed = new WeakMap<SemVer, LibrarySemVer>();

function strictParse(text: string): LibrarySemVer | undefined {
  // The library trims and takes `v1.2.3`; SemVer 2.0 has neither. A version starts with a digit.
  if (!/^\d/.test(text) || text.trim() !== text) return undefined;
  return parse(text, { loose: false }) ?? undefined;
}

export function parseSemVer(text: string): SemVer | undefined {
  const lib = typeof text === 'string' ? strictParse(text) : undefined;
  if (!lib) return undefined;
  const version: SemVer = {
    raw: text,
    major: lib.major,
    minor: lib.minor,
    patch: lib.patch,
    prerelease: lib.prerelease.map(String),
    build: [...lib.build],
  };
  parsed.set(version, lib);
  return version;
}

export const isStable = (v: SemVer) => v.prerelease.length === 0;

/** The library's object for `v` (built from its parts when `v` was made by hand or copied). */
function library(v: SemVer): LibrarySemVer {
  const known = parsed.get(v);
  if (known) return known;
  const lib = strictParse(formatSemVer(v));
  if (!lib) throw new TypeError(`not a SemVer 2.0 version: ${formatSemVer(v)}`);
  parsed.set(v, lib);
  return lib;
}

/** SemVer precedence (-1, 0, 1); build metadata is ignored. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  return compare(library(a), library(b));
}

/** Parse what can be parsed, ignore the rest (registries hold all sorts of strings). */
export function parseAll(versions: Iterable<string>): SemVer[] {
  const out: SemVer[] = [];
  for (const v of versions) {
    const version = parseSemVer(v);
    if (version) out.push(version);
  }
  return out;
}

/** The highest stable version, or undefined (the first listed among equals). */
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
