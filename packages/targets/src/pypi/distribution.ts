/**
 * A distribution file ready to upload: its type from the file name, its core metadata read
 * from inside it (a wheel's `*.dist-info/METADATA`, an sdist's top-level `PKG-INFO`), and the
 * digests PyPI checks (md5 and sha256; the upload API takes BLAKE2b-256 as optional, so we do
 * not send it). No Python needed: ZIP read by fflate, tar by tar-stream.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { header, parseCoreMetadata, type CoreMetadata } from './metadata.js';
import { parseWheelFilename } from './files.js';

export { isCompanionFile, parseWheelFilename } from './files.js';

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

/** Metadata files are small: anything larger is refused unread (a zip or gzip bomb guard). */
const MAX_METADATA = 64 * 1024 * 1024;
const MAX_TAR = 1024 * 1024 * 1024;

/** The entries of a ZIP whose names match, inflated; refuses an entry declared larger than MAX_METADATA. */
async function readZip(buf: Buffer, matches: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const { unzipSync } = await import('fflate');
  const files = unzipSync(buf, {
    filter: (file) => {
      if (!matches(file.name)) return false;
      if (file.originalSize > MAX_METADATA)
        throw new Error(`${file.name} is larger than ${MAX_METADATA} bytes`);
      return true;
    },
  });
  return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data)]));
}

/** The first regular file of a .tar.gz whose name matches (pax, GNU and ustar long names read). */
async function readTarGz(buf: Buffer, matches: (name: string) => boolean): Promise<Buffer | undefined> {
  const { extract } = await import('tar-stream');
  const tar = extract();
  tar.end(gunzipSync(buf, { maxOutputLength: MAX_TAR }));
  for await (const entry of tar) {
    const { name, type, size = 0 } = entry.header;
    if ((type === 'file' || type === 'contiguous-file') && matches(name)) {
      if (size > MAX_METADATA) throw new Error(`${name} is larger than ${MAX_METADATA} bytes`);
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    entry.resume();
  }
  return undefined;
}

async function wheelMetadata(buf: Buffer, filename: string): Promise<string> {
  const found = await readZip(buf, (name) => /^[^/]+\.dist-info\/METADATA$/.test(name));
  if (!found.size) throw new DistributionError(filename, 'has no *.dist-info/METADATA: not a wheel');
  const prefix = `${parseWheelFilename(filename)?.name ?? ''}-`;
  const names = [...found.keys()];
  return found.get(names.find((name) => name.startsWith(prefix)) ?? names[0])!.toString('utf8');
}

/** PKG-INFO directly inside the sdist's single top-level folder (not an egg-info copy). */
const isTopLevelPkgInfo = (name: string) => /^[^/]+\/PKG-INFO$/.test(name.replace(/^\.\//, ''));

async function sdistMetadata(buf: Buffer, filename: string): Promise<string> {
  const data = filename.endsWith('.zip')
    ? [...(await readZip(buf, isTopLevelPkgInfo)).values()][0]
    : await readTarGz(buf, isTopLevelPkgInfo);
  if (!data) throw new DistributionError(filename, 'has no top-level PKG-INFO: not an sdist');
  return data.toString('utf8');
}

export async function readDistribution(path: string): Promise<Distribution> {
  const filename = basename(path);
  const filetype = filetypeOf(filename);
  if (!filetype) throw new DistributionError(filename, 'is not a wheel (.whl) or an sdist (.tar.gz, .zip)');
  const content = readFileSync(path);
  let text: string;
  try {
    text =
      filetype === 'bdist_wheel'
        ? await wheelMetadata(content, filename)
        : await sdistMetadata(content, filename);
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
  };
}
