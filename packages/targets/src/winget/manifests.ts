/**
 * The three manifests of a winget package version (version, installer, defaultLocale), in the
 * layout and form of microsoft/winget-pkgs: `manifests/<a>/<Acme>/<App>/<version>/`, each file
 * headed by its `# yaml-language-server: $schema=` line, ManifestVersion 1.10.0. The rules
 * checked here are those of winget-cli's published JSON schemas for 1.10.0, so a bad id or a
 * too-long description is refused here, not by the pull request's validation pipeline.
 */
import { stringify } from 'yaml';
import { InputError } from '@deploy-actions/action-kit/errors';
import type { BinaryArchive, BinaryRelease } from '../binaries/release.js';
import { archivesFor, binaryFile } from '../binaries/release.js';

export const MANIFEST_VERSION = '1.10.0';
const SCHEMA = (type: string) => `https://aka.ms/winget-manifest.${type}.${MANIFEST_VERSION}.schema.json`;

/** winget-cli's PackageIdentifier pattern (manifest.version.1.10.0.json): 2 to 8 parts of 1-32 characters. */
const ID_PART = '[^.\\s\\\\/:*?"<>|\\x01-\\x1f]{1,32}';
const ID = new RegExp(`^${ID_PART}(\\.${ID_PART}){1,7}$`);
/** PackageVersion: none of \ / : * ? " < > | or controls, at most 128. */
const VERSION = /^[^\\/:*?"<>|\x01-\x1f]{1,128}$/;

/** Windows architectures as winget names them. */
const ARCHITECTURES: Record<string, string> = { amd64: 'x64', arm64: 'arm64', '386': 'x86', arm: 'arm' };

export interface WingetSettings {
  id: string;
  publisher: string;
  packageName: string;
  license: string;
  shortDescription: string;
  moniker?: string;
  tags: string[];
  packageUrl?: string;
  publisherUrl?: string;
  releaseNotesUrl?: string;
}

export interface ManifestFile {
  /** The path in the manifests repository. */
  path: string;
  text: string;
}

export function checkId(id: string): string {
  if (!ID.test(id) || id.length > 128)
    throw InputError.bad(
      'id',
      id,
      'is not a winget PackageIdentifier (Publisher.Name: 2 to 8 dot-separated parts of 1-32 characters, no spaces or \\ / : * ? " < > |)',
      'Use e.g. Acme.App, as in the manifests of microsoft/winget-pkgs.',
    );
  return id;
}

/** `manifests/a/Acme/App/1.2.3`: the id's parts as folders, under its first letter in lower case. */
export function manifestFolder(id: string, version?: string): string {
  const base = `manifests/${id[0].toLowerCase()}/${id.split('.').join('/')}`;
  return version === undefined ? base : `${base}/${version}`;
}

/** A text setting, checked against the schema's length bounds and kept on one line where it must be. */
function text(input: string, value: string, min: number, max: number, oneLine = true): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max)
    throw InputError.bad(input, value, `must be ${min} to ${max} characters for winget`);
  if (oneLine && /[\r\n\u2028\u2029]/.test(trimmed)) throw InputError.bad(input, value, 'must be one line');

  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(trimmed))
    throw InputError.bad(input, value, 'holds control characters');
  return trimmed;
}

/** The settings with their defaults from the release, checked against the schema's rules. */
export function resolveSettings(settings: Record<string, unknown>, release: BinaryRelease): WingetSettings {
  const str = (key: string) =>
    typeof settings[key] === 'string' && settings[key] ? String(settings[key]) : undefined;
  const id = checkId(str('id') ?? '');
  const parts = id.split('.');
  const license = str('license') ?? release.license;
  if (!license)
    throw InputError.missing(
      'license',
      'Set license: (e.g. MIT): the repository has no licence GitHub recognises.',
    );
  const description = str('short-description') ?? release.description;
  if (!description)
    throw InputError.missing(
      'short-description',
      'Set short-description: the repository has no description to use.',
    );
  const tags = Array.isArray(settings.tags) ? settings.tags.map(String) : [];
  if (tags.length > 16) throw InputError.bad('tags', tags.join(','), 'has more than 16 tags');
  const moniker = str('moniker') ?? release.binary;
  return {
    id,
    publisher: text('publisher', str('publisher') ?? parts[0], 2, 256),
    packageName: text('package-name', str('package-name') ?? parts[parts.length - 1], 2, 256),
    license: text('license', license, 3, 512),
    shortDescription: text('short-description', description, 3, 256),
    moniker: text('moniker', moniker, 1, 40),
    tags: [...new Set(tags.map((tag) => text('tags', tag.toLowerCase().replace(/\s+/g, '-'), 1, 40)))],
    packageUrl: release.homepage?.match(/^https?:\/\//i) ? release.homepage : release.repositoryUrl,
    publisherUrl: release.repositoryUrl.replace(/\/[^/]+$/, ''),
    releaseNotesUrl: release.releaseUrl,
  };
}

function installerOf(archive: BinaryArchive): Record<string, string> {
  const architecture = ARCHITECTURES[archive.arch];
  if (!architecture)
    throw InputError.bad(
      'release',
      archive.platform,
      'has an architecture winget does not know (x64, arm64, x86, arm)',
      'Build windows/amd64 or windows/arm64.',
    );
  if (!/^[0-9a-f]{64}$/i.test(archive.sha256))
    throw new InputError(
      'release',
      `the ${archive.platform} archive ${archive.name} has no SHA-256 (the release's SHA256SUMS does not list it)`,
      'Attach SHA256SUMS to the release (checksums: true on the github-release target).',
    );
  return {
    Architecture: architecture,
    InstallerUrl: archive.url,
    // winget-pkgs writes hashes in upper case.
    InstallerSha256: archive.sha256.toUpperCase(),
  };
}

const document = (type: string, fields: Record<string, unknown>) =>
  [
    '# Created with deploy-actions',
    `# yaml-language-server: $schema=${SCHEMA(type)}`,
    '',
    stringify(
      { ...fields, ManifestType: type, ManifestVersion: MANIFEST_VERSION },
      { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' },
    ),
  ].join('\n');

/** The three files of this version, in the order winget-pkgs lists them. */
export function buildManifests(
  meta: WingetSettings,
  release: BinaryRelease,
  version: string,
  releaseDate: string,
): ManifestFile[] {
  if (!VERSION.test(version)) throw InputError.bad('version', version, 'is not a winget PackageVersion');
  const windows = archivesFor(release, 'windows');
  if (!windows.length)
    throw new InputError(
      'release',
      `the release ${release.tag} has no Windows archive to install`,
      'Add windows/amd64 to build.platforms.',
    );
  const installers = windows.map(installerOf);
  const seen = new Set<string>();
  for (const installer of installers) {
    if (seen.has(installer.Architecture))
      throw InputError.bad('release', installer.Architecture, 'has two Windows archives');
    seen.add(installer.Architecture);
  }
  const folder = manifestFolder(meta.id, version);
  const exe = binaryFile(release, 'windows');
  const head = { PackageIdentifier: meta.id, PackageVersion: version };
  return [
    {
      path: `${folder}/${meta.id}.yaml`,
      text: document('version', { ...head, DefaultLocale: 'en-US' }),
    },
    {
      path: `${folder}/${meta.id}.installer.yaml`,
      text: document('installer', {
        ...head,
        InstallerType: 'zip',
        NestedInstallerType: 'portable',
        NestedInstallerFiles: [{ RelativeFilePath: exe, PortableCommandAlias: release.binary }],
        ReleaseDate: releaseDate,
        Installers: installers,
      }),
    },
    {
      path: `${folder}/${meta.id}.locale.en-US.yaml`,
      text: document('defaultLocale', {
        ...head,
        PackageLocale: 'en-US',
        Publisher: meta.publisher,
        PublisherUrl: meta.publisherUrl,
        PackageName: meta.packageName,
        PackageUrl: meta.packageUrl,
        License: meta.license,
        ShortDescription: meta.shortDescription,
        Moniker: meta.moniker,
        ...(meta.tags.length ? { Tags: meta.tags } : {}),
        ReleaseNotesUrl: meta.releaseNotesUrl,
      }),
    },
  ];
}
