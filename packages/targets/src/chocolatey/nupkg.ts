/**
 * The .nupkg Chocolatey installs: a zip in NuGet's OPC layout, as `nuget pack` / `choco pack`
 * make it (`<id>.nuspec`, `[Content_Types].xml`, `_rels/.rels`,
 * `package/services/metadata/core-properties/<hash>.psmdcp`) plus `tools/chocolateyinstall.ps1`,
 * which downloads the release's Windows archive and checks its SHA-256 before unzipping it into
 * the package folder (Chocolatey shims the .exe found there). Deterministic: the same release
 * makes the same bytes.
 */
import { createHash } from 'node:crypto';
import { InputError } from '@deploy-actions/action-kit/errors';
import type { BinaryArchive, BinaryRelease } from '../binaries/release.js';
import { archivesFor } from '../binaries/release.js';

export const NUSPEC_NS = 'http://schemas.microsoft.com/packaging/2015/06/nuspec.xsd';
/** NuGet's id rule (PackageIdValidator), at most 100 characters. */
const ID = /^\w+(?:[_.-]\w+)*$/;

export interface NuspecFields {
  id: string;
  version: string;
  title: string;
  authors: string;
  projectUrl: string;
  licenseUrl?: string;
  packageSourceUrl: string;
  description: string;
  tags: string[];
  releaseNotes?: string;
}

export function checkPackageId(id: string): string {
  if (!ID.test(id) || id.length > 100 || !/^[\x21-\x7e]+$/.test(id))
    throw InputError.bad(
      'id',
      id,
      'is not a Chocolatey package id (letters, digits, and single . - _ between them; at most 100)',
      'Use the lower-case name users type: choco install <id>, e.g. acme.',
    );
  return id;
}

const xml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 has no place for most control characters.

    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');

/** A PowerShell single-quoted string: the only special character is the quote, doubled. */
const ps = (text: string) => `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;

export function nuspec(fields: NuspecFields): string {
  const element = (name: string, value: string | undefined) =>
    value === undefined ? [] : [`    <${name}>${xml(value)}</${name}>`];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<package xmlns="${NUSPEC_NS}">`,
    '  <metadata>',
    ...element('id', fields.id),
    ...element('version', fields.version),
    ...element('packageSourceUrl', fields.packageSourceUrl),
    ...element('title', fields.title),
    ...element('authors', fields.authors),
    ...element('projectUrl', fields.projectUrl),
    ...element('licenseUrl', fields.licenseUrl),
    ...element('requireLicenseAcceptance', 'false'),
    ...element('tags', fields.tags.join(' ')),
    ...element('description', fields.description),
    ...element('releaseNotes', fields.releaseNotes),
    '  </metadata>',
    '  <files>',
    '    <file src="tools\\**" target="tools" />',
    '  </files>',
    '</package>',
    '',
  ].join('\n');
}

/** The archives Chocolatey can install: url (x86) and url64bit (x64); it has no arm64 slot. */
export function windowsArchives(release: BinaryRelease): { x64?: BinaryArchive; x86?: BinaryArchive } {
  const windows = archivesFor(release, 'windows');
  const x64 = windows.find((a) => a.arch === 'amd64');
  const x86 = windows.find((a) => a.arch === '386');
  if (!x64 && !x86)
    throw new InputError(
      'release',
      `the release ${release.tag} has no windows/amd64 or windows/386 archive (it has ${windows.map((a) => a.platform).join(', ') || 'no Windows archive'})`,
      'Add windows/amd64 to build.platforms: Chocolatey installs x64 and x86 archives.',
    );
  for (const archive of [x64, x86])
    if (archive && !/^[0-9a-f]{64}$/i.test(archive.sha256))
      throw new InputError(
        'release',
        `the ${archive.platform} archive ${archive.name} has no SHA-256 (the release's SHA256SUMS does not list it)`,
        'Attach SHA256SUMS to the release (checksums: true on the github-release target).',
      );
  return { x64, x86 };
}

export function installScript(release: BinaryRelease): string {
  const { x64, x86 } = windowsArchives(release);
  const args = [
    '  packageName    = $env:ChocolateyPackageName',
    '  unzipLocation  = $toolsDir',
    ...(x86
      ? [
          `  url            = ${ps(x86.url)}`,
          `  checksum       = ${ps(x86.sha256)}`,
          "  checksumType   = 'sha256'",
        ]
      : []),
    ...(x64
      ? [
          `  url64bit       = ${ps(x64.url)}`,
          `  checksum64     = ${ps(x64.sha256)}`,
          "  checksumType64 = 'sha256'",
        ]
      : []),
  ];
  return [
    "$ErrorActionPreference = 'Stop'",
    '$toolsDir = "$(Split-Path -Parent $MyInvocation.MyCommand.Definition)"',
    '',
    '$packageArgs = @{',
    ...args,
    '}',
    '',
    'Install-ChocolateyZipPackage @packageArgs',
    '',
  ].join('\r\n');
}

/** The OPC parts nuget pack adds around the nuspec and the files. */
function opcParts(fields: NuspecFields, files: string[]): Record<string, string> {
  const digest = (text: string) => createHash('sha256').update(text).digest('hex');
  const properties = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">',
    `<dc:creator>${xml(fields.authors)}</dc:creator>`,
    `<dc:description>${xml(fields.description)}</dc:description>`,
    `<dc:identifier>${xml(fields.id)}</dc:identifier>`,
    `<version>${xml(fields.version)}</version>`,
    `<keywords>${xml(fields.tags.join(' '))}</keywords>`,
    `<dc:title>${xml(fields.title)}</dc:title>`,
    '<lastModifiedBy>deploy-actions</lastModifiedBy>',
    '</coreProperties>',
  ].join('');
  const psmdcp = `package/services/metadata/core-properties/${digest(properties).slice(0, 32)}.psmdcp`;
  const extensions = [...new Set(['nuspec', 'psmdcp', ...files.map((f) => f.split('.').pop()!)])].sort();
  const types = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />',
    ...extensions
      .filter((e) => e !== 'rels')
      .map((e) =>
        e === 'psmdcp'
          ? '<Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />'
          : `<Default Extension="${e}" ContentType="application/octet" />`,
      ),
    '</Types>',
  ].join('');
  const relId = (target: string) => `R${digest(target).slice(0, 16).toUpperCase()}`;
  const rels = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    `<Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/${fields.id}.nuspec" Id="${relId('nuspec')}" />`,
    `<Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/${psmdcp}" Id="${relId(psmdcp)}" />`,
    '</Relationships>',
  ].join('');
  return { '[Content_Types].xml': types, '_rels/.rels': rels, [psmdcp]: properties };
}

/** The package's files by path, the nuspec first (what a dry run shows). */
export function packageFiles(fields: NuspecFields, release: BinaryRelease): Record<string, string> {
  const tools = { 'tools/chocolateyinstall.ps1': installScript(release) };
  return {
    [`${fields.id}.nuspec`]: nuspec(fields),
    ...tools,
    ...opcParts(fields, Object.keys(tools)),
  };
}

/** The .nupkg bytes; a fixed timestamp so the same package is the same file. */
export async function nupkg(files: Record<string, string>): Promise<Buffer> {
  const { zipSync, strToU8 } = await import('fflate');
  const mtime = new Date(2000, 0, 1);
  const entries: import('fflate').Zippable = {};
  for (const [path, text] of Object.entries(files)) entries[path] = [strToU8(text), { mtime, level: 9 }];
  return Buffer.from(zipSync(entries));
}
