/**
 * Which version is being released: the first source that yields one, validated as strict
 * SemVer, and (with require-match) checked against every other source that names a version.
 */
import { ConfigError, InputError, UserError, describeValue } from '@deploy-actions/action-kit/errors';
import { MANIFEST_SOURCES, type ManifestSource, readManifestVersion } from './manifests.js';
import { fromPep440, normalizePep440, parsePep440, toPep440 } from './pep440.js';
import { parseSemVer, type SemVer } from './semver-strict.js';

export const VERSION_SOURCES = ['input', 'tag', ...MANIFEST_SOURCES] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];
export const DEFAULT_SOURCES: VersionSource[] = [...VERSION_SOURCES];

export interface DetectOptions {
  /** An explicit version (the `version` input); the tag prefix is stripped if present. */
  version?: string;
  /** A tag name or a full ref (`refs/tags/v1.2.3`); other refs are ignored. */
  tag?: string;
  sources?: VersionSource[];
  tagPrefix?: string;
  requireMatch?: boolean;
  /** Where the manifests are. */
  cwd: string;
  /** The workspace: no manifest outside it is read (default: `cwd`). */
  root?: string;
  /**
   * Which version forms the release may take: `semver` (every target but PyPI: SemVer, or a PEP
   * 440 version with an exact SemVer form, which is converted), or `pep440` (PyPI only: any PEP
   * 440 version too, e.g. 1!2.0.0 or 1.2.3.post1). Default `semver`.
   */
  forms?: VersionForms;
}

export type VersionForms = 'semver' | 'pep440';

export interface DetectedVersion {
  /** SemVer when the version has a SemVer form; else (forms: pep440 only) its PEP 440 normal form. */
  version: string;
  /** The parsed SemVer; undefined for a PEP 440 version without a SemVer form. */
  semver?: SemVer;
  tag: string;
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
  build: string;
  isPrerelease: boolean;
  /** PEP 440 normal form; '' when the prerelease has none. */
  pep440: string;
  source: VersionSource;
  /** Every source that named a version, for the report. */
  found: { source: VersionSource; value: string }[];
}

export class VersionMismatchError extends UserError {
  readonly title = 'Versions do not match';
  constructor(
    readonly version: string,
    readonly found: { source: string; value: string }[],
  ) {
    super(
      `the release version is ${version}, but the sources disagree: ${found.map((f) => `${f.source}=${f.value}`).join(', ')}`,
      'Bump every manifest to the same version (or set require-match: false).',
    );
  }
}

const HINT =
  'Use MAJOR.MINOR.PATCH with an optional -prerelease, e.g. 1.2.3 or 1.2.3-rc.1 (or a PEP 440 form with a SemVer equivalent, e.g. 1.2.3rc1).';
const PEP440_HINT = 'Use a PEP 440 version (e.g. 1.2.3, 1.2.3rc1, 1.2.3.post1, 1!2.0.0) or SemVer.';

/** Why a valid PEP 440 version has no SemVer form, for the error. */
function noSemVerForm(text: string): string | undefined {
  const v = parsePep440(text);
  if (!v) return undefined;
  if (v.epoch) return 'has an epoch';
  if (v.post !== undefined) return 'is a post release';
  if (v.release.length !== 3) return `has ${v.release.length} release numbers, not 3`;
  return 'has leading zeros';
}

/**
 * A version as the targets take it: SemVer as written; else the SemVer form of a PEP 440
 * version; else, when `forms` is pep440, the PEP 440 normal form (no SemVer). Undefined and a
 * reason when neither.
 */
export function readVersion(
  text: string,
  forms: VersionForms = 'semver',
): { version: string; semver?: SemVer } | { reason: string; hint: string } {
  const semver = parseSemVer(text) ?? parseSemVer(fromPep440(text) ?? '');
  const normal = normalizePep440(text);
  // For PyPI, a SemVer reading PyPI cannot take (1.2.3-1) yields to the PEP 440 one (1.2.3.post1).
  if (semver && forms === 'pep440' && toPep440(semver) === undefined && normal !== undefined)
    return { version: normal };
  if (semver) return { version: semver.raw, semver };
  if (normal !== undefined && forms === 'pep440') return { version: normal };
  const why = noSemVerForm(text);
  if (why)
    return {
      reason: `is not a SemVer 2.0 version (read as PEP 440 it ${why}, which has no SemVer form)`,
      hint: `${HINT} Only PyPI takes other PEP 440 versions (publish-pypi, or a release whose targets are all PyPI).`,
    };
  return {
    reason: forms === 'pep440' ? 'is not a PEP 440 or SemVer version' : 'is not a SemVer 2.0 version',
    hint: forms === 'pep440' ? PEP440_HINT : HINT,
  };
}

export function parseSources(name: string, values: string[]): VersionSource[] {
  for (const value of values)
    if (!(VERSION_SOURCES as readonly string[]).includes(value))
      throw InputError.bad(
        name,
        value,
        'is not a version source',
        `Use some of: ${VERSION_SOURCES.join(', ')}.`,
      );
  return values as VersionSource[];
}

export function validateTagPrefix(name: string, prefix: string): string {
  if (!/^[A-Za-z0-9._/-]{0,32}$/.test(prefix))
    throw InputError.bad(
      name,
      prefix,
      'is not a usable tag prefix',
      'Use letters, digits, ., _, / or -, e.g. v.',
    );
  return prefix;
}

/** A strict SemVer string, or an InputError naming where it came from. */
export function requireSemVer(where: string, text: string): SemVer {
  const parsed = parseSemVer(text);
  if (!parsed) throw InputError.bad(where, text, 'is not a SemVer 2.0 version', HINT);
  return parsed;
}

function tagName(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  if (tag.startsWith('refs/tags/')) return tag.slice('refs/tags/'.length);
  if (tag.startsWith('refs/')) return undefined; // a branch or pull ref: no tag
  return tag;
}

function stripPrefix(text: string, prefix: string): string {
  return prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** Compare a manifest's version with the release version, in the manifest's own ecosystem's form. */
function agrees(source: VersionSource, value: string, version: string): boolean {
  if (value === version) return true;
  const semver = parseSemVer(version);
  const ours = semver ? toPep440(semver) : version;
  // PyPI's manifest, or any source in PEP 440 spelling of the same version (1.2.3rc1 = 1.2.3-rc.1).
  if (source === 'pyproject.toml' || !parseSemVer(value) || !semver)
    return (
      ours !== undefined &&
      normalizePep440(value) !== undefined &&
      normalizePep440(value) === normalizePep440(ours)
    );
  return false;
}

export async function detectVersion(options: DetectOptions): Promise<DetectedVersion> {
  const prefix = options.tagPrefix ?? 'v';
  const sources = options.sources?.length ? options.sources : DEFAULT_SOURCES;
  const found: { source: VersionSource; value: string; where: string; raw?: string }[] = [];
  const tag = tagName(options.tag);
  for (const source of sources) {
    if (source === 'input') {
      if (options.version)
        found.push({
          source,
          value: stripPrefix(options.version, prefix),
          where: 'version',
          raw: options.version,
        });
    } else if (source === 'tag') {
      if (tag && tag.startsWith(prefix))
        found.push({ source, value: tag.slice(prefix.length), where: 'tag', raw: tag });
    } else {
      const manifest = await readManifestVersion(options.cwd, source as ManifestSource, options.root);
      if (manifest) found.push({ source, value: manifest.version, where: manifest.file });
    }
  }
  if (!found.length) {
    throw new InputError(
      'version',
      `no version found in any source (${sources.join(', ')}) under ${options.cwd}`,
      'Pass a version input, push a tag like v1.2.3, or set a version in a manifest.',
    );
  }
  const chosen = found[0];
  const read = readVersion(chosen.value, options.forms);
  if ('reason' in read) {
    if (chosen.source === 'input' || chosen.source === 'tag')
      throw InputError.bad(chosen.where, chosen.raw ?? chosen.value, read.reason, read.hint);
    throw new ConfigError(
      chosen.where,
      undefined,
      'version',
      `${describeValue(chosen.value)} ${read.reason}`,
      read.hint,
    );
  }
  if (options.requireMatch ?? true) {
    const disagree = found.slice(1).some((f) => !agrees(f.source, f.value, read.version));
    if (disagree)
      throw new VersionMismatchError(
        read.version,
        found.map(({ source, value }) => ({ source, value })),
      );
  }
  const reported = found.map(({ source, value }) => ({ source, value }));
  const version = read.semver;
  // The tag a release was pushed as is kept as written (v1.2.3rc1 stays v1.2.3rc1).
  const tagOut = (text: string) => (chosen.source === 'tag' && chosen.raw ? chosen.raw : `${prefix}${text}`);
  if (!version) {
    // A PEP 440 version without a SemVer form (forms: pep440).
    const pep = parsePep440(read.version)!;
    const isPrerelease = pep.pre !== undefined || pep.dev !== undefined;
    return {
      version: read.version,
      tag: tagOut(read.version),
      major: pep.release[0],
      minor: pep.release[1] ?? 0,
      patch: pep.release[2] ?? 0,
      prerelease: '',
      build: pep.local ?? '',
      isPrerelease,
      pep440: read.version,
      source: chosen.source,
      found: reported,
    };
  }
  return {
    version: version.raw,
    semver: version,
    tag: tagOut(version.raw),
    major: version.major,
    minor: version.minor,
    patch: version.patch,
    prerelease: version.prerelease.join('.'),
    build: version.build.join('.'),
    isPrerelease: version.prerelease.length > 0,
    pep440: toPep440(version) ?? '',
    source: chosen.source,
    found: reported,
  };
}
