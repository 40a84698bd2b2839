/**
 * Which version is being released: the first source that yields one, validated as strict
 * SemVer, and (with require-match) checked against every other source that names a version.
 */
import { ConfigError, InputError, UserError, describeValue } from '@deploy-actions/action-kit/errors';
import { MANIFEST_SOURCES, type ManifestSource, readManifestVersion } from './manifests.js';
import { normalizePep440 } from './pep440.js';
import { parseSemVer, type SemVer } from './semver-strict.js';
import { toPep440 } from './pep440.js';

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
}

export interface DetectedVersion {
  version: string;
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

const HINT = 'Use MAJOR.MINOR.PATCH with an optional -prerelease, e.g. 1.2.3 or 1.2.3-rc.1.';

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
function agrees(source: VersionSource, value: string, version: SemVer): boolean {
  if (value === version.raw) return true;
  if (source === 'pyproject.toml') {
    const ours = toPep440(version);
    return ours !== undefined && normalizePep440(value) === normalizePep440(ours);
  }
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
      const manifest = await readManifestVersion(options.cwd, source as ManifestSource);
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
  const version = parseSemVer(chosen.value);
  if (!version) {
    if (chosen.source === 'input' || chosen.source === 'tag')
      throw InputError.bad(chosen.where, chosen.raw ?? chosen.value, 'is not a SemVer 2.0 version', HINT);
    throw new ConfigError(
      chosen.where,
      undefined,
      'version',
      `${describeValue(chosen.value)} is not a SemVer 2.0 version`,
      HINT,
    );
  }
  if (options.requireMatch ?? true) {
    const disagree = found.slice(1).some((f) => !agrees(f.source, f.value, version));
    if (disagree)
      throw new VersionMismatchError(
        version.raw,
        found.map(({ source, value }) => ({ source, value })),
      );
  }
  return {
    version: version.raw,
    tag: `${prefix}${version.raw}`,
    major: version.major,
    minor: version.minor,
    patch: version.patch,
    prerelease: version.prerelease.join('.'),
    build: version.build.join('.'),
    isPrerelease: version.prerelease.length > 0,
    pep440: toPep440(version) ?? '',
    source: chosen.source,
    found: found.map(({ source, value }) => ({ source, value })),
  };
}
