/**
 * A distribution file ready to upload: its type from the file name, its core metadata read
 * from inside it (a wheel's `*.dist-info/METADATA`, an sdist's top-level `PKG-INFO`), and the
 * digests PyPI checks. No Python needed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { blake2b256Hex } from './pypi-blake2b.js';
import { header, parseCoreMetadata, type CoreMetadata } from './pypi-metadata.js';
import { findTarFile, gunzipTar } from './pypi-tar.js';
import { listZipEntries, readZipEntry } from './pypi-zip.js';
import { parseWheelFilename } from './pypi-files.js';

export { isCompanionFile, parseWheelFilename } from './pypi-files.js';

export type Filetype = 'bdist_wheel' | 'sdist';

export interface Distribution {
  path: string;
  filename: string;
  filetype: Filetype;
  /** The wheel's Python tag (py3, cp311...) or `source` for an sdist. */
  pyversion: string;
  metadata: CoreMetadata;
  name: string;
  version: string;
  metadataVersion: string;
  content: Buffer;
  sha256: string;
  md5: string;
  blake2_256: string;
}

/** A file the `dist` globs matched that cannot be read as a distribution. */
export class DistributionError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export function filetypeOf(filename: string): Filetype | undefined {
  if (filename.endsWith('.whl')) return 'bdist_wheel';
  if (filename.endsWith('.tar.gz') || filename.endsWith('.zip')) return 'sdist';
  return undefined;
}

/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` (PEP 427). */

function wheelMetadata(buf: Buffer, filename: string): string {
  const entries = listZipEntries(buf).filter((e) => /^[^/]+\.dist-info\/METADATA$/.test(e.name));
  if (!entries.length) throw new DistributionError(filename, 'has no *.dist-info/METADATA: not a wheel');
  const prefix = `${parseWheelFilename(filename)?.name ?? ''}-`;
  const entry = entries.find((e) => e.name.startsWith(prefix)) ?? entries[0];
  return readZipEntry(buf, entry).toString('utf8');
}

/** PKG-INFO directly inside the sdist's single top-level folder (not an egg-info copy). */
const isTopLevelPkgInfo = (name: string) => /^[^/]+\/PKG-INFO$/.test(name.replace(/^\.\//, ''));

function sdistMetadata(buf: Buffer, filename: string): string {
  if (filename.endsWith('.zip')) {
    const entry = listZipEntries(buf).find((e) => isTopLevelPkgInfo(e.name));
    if (!entry) throw new DistributionError(filename, 'has no top-level PKG-INFO: not an sdist');
    return readZipEntry(buf, entry).toString('utf8');
  }
  const entry = findTarFile(gunzipTar(buf), isTopLevelPkgInfo);
  if (!entry) throw new DistributionError(filename, 'has no top-level PKG-INFO: not an sdist');
  return entry.data.toString('utf8');
}

export function readDistribution(path: string): Distribution {
  const filename = basename(path);
  const filetype = filetypeOf(filename);
  if (!filetype) throw new DistributionError(filename, 'is not a wheel (.whl) or an sdist (.tar.gz, .zip)');
  const content = readFileSync(path);
  let text: string;
  try {
    text = filetype === 'bdist_wheel' ? wheelMetadata(content, filename) : sdistMetadata(content, filename);
  } catch (caught) {
    if (caught instanceof DistributionError) throw caught;
    throw new DistributionError(
      filename,
      `cannot be read (${caught instanceof Error ? caught.message : String(caught)})`,
    );
  }
  const metadata = parseCoreMetadata(text);
  const name = header(metadata, 'Name');
  const version = header(metadata, 'Version');
  const metadataVersion = header(metadata, 'Metadata-Version');
  if (!name || !version || !metadataVersion)
    throw new DistributionError(filename, 'its metadata lacks Name, Version or Metadata-Version');
  const pyversion = filetype === 'sdist' ? 'source' : parseWheelFilename(filename)?.python;
  if (!pyversion) throw new DistributionError(filename, 'is not a valid wheel file name (PEP 427)');
  return {
    path,
    filename,
    filetype,
    pyversion,
    metadata,
    name,
    version,
    metadataVersion,
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    md5: createHash('md5').update(content).digest('hex'),
    blake2_256: blake2b256Hex(content),
  };
}
