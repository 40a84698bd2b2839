/**
 * Release assets on our side: the local files (name, size, sha256), the SHA256SUMS file, and the
 * pure decision of what to do with each file given what the release already holds.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';

export const SUMS_NAME = 'SHA256SUMS';

export interface LocalFile {
  path: string;
  /** The asset name GitHub will store (see assetName). */
  name: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** What the API says of an asset (the fields we use). */
export interface RemoteAsset {
  id: number;
  name: string;
  size: number;
  /** `uploaded`, or `open` for an upload that broke off (it still holds the name). */
  state: string;
  /** `sha256:<hex>` on github.com since 2025; absent on older servers. */
  digest?: string | null;
  url: string;
  browser_download_url: string;
}

/**
 * The name GitHub stores for a file: it renames characters outside this set to dots
 * ("my app.zip" -> "my.app.zip"), and our checks must compare with that spelling.
 */
export function assetName(file: string): string {
  return basename(file).replace(/[^A-Za-z0-9._+@-]/g, '.');
}

const CONTENT_TYPES: Record<string, string> = {
  '.gz': 'application/gzip',
  '.tgz': 'application/gzip',
  '.zip': 'application/zip',
  '.xz': 'application/x-xz',
  '.bz2': 'application/x-bzip2',
  '.zst': 'application/zstd',
  '.tar': 'application/x-tar',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.asc': 'application/pgp-signature',
  '.sig': 'application/pgp-signature',
  '.deb': 'application/vnd.debian.binary-package',
  '.rpm': 'application/x-rpm',
  '.whl': 'application/zip',
  '.flatpak': 'application/vnd.flatpak',
};

export function contentType(name: string): string {
  if (name === SUMS_NAME) return 'text/plain';
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Name, size and digest of each file; two files that would become the same asset name, or a
 * file named SHA256SUMS while we write that file ourselves, are refused.
 */
export async function describeFiles(
  paths: string[],
  reserveSums: boolean,
  input = 'assets',
): Promise<LocalFile[]> {
  const byName = new Map<string, string>();
  for (const path of paths) {
    const name = assetName(path);
    const other = byName.get(name);
    if (other)
      throw InputError.bad(
        input,
        name,
        `is the asset name of both ${other} and ${path}`,
        'Attach files with distinct names.',
      );
    if (reserveSums && name === SUMS_NAME)
      throw InputError.bad(
        input,
        path,
        `would replace the ${SUMS_NAME} file the action writes`,
        'Set checksums: false to attach your own.',
      );
    byName.set(name, path);
  }
  return Promise.all(
    paths.map(async (path) => ({
      path,
      name: assetName(path),
      size: statSync(path).size,
      sha256: await sha256File(path),
      contentType: contentType(assetName(path)),
    })),
  );
}

/** `sha256sum` format: `<hex>  <name>`, sorted by name, so `sha256sum -c SHA256SUMS` checks it. */
export function formatSums(sums: Map<string, string>): string {
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, hex]) => `${hex}  ${name}\n`)
    .join('');
}

/** Both `<hex>  name` and binary-mode `<hex> *name` lines; anything else is ignored. */
export function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (match) sums.set(match[2], match[1].toLowerCase());
  }
  return sums;
}

export type AssetAction = 'upload' | 'replace' | 'keep';

/**
 * What to do with one file. A present asset of the same size (and digest, when GitHub or the
 * release's SHA256SUMS tells it) is kept; a broken-off upload is replaced; different content is
 * replaced only with `force`, else it is a refusal (the release would silently mix two builds).
 */
export function decideAsset(
  file: LocalFile,
  remote: RemoteAsset | undefined,
  knownSha: string | undefined,
  force: boolean,
  tag: string,
): AssetAction {
  if (!remote) return 'upload';
  if (remote.state !== 'uploaded' || force) return 'replace';
  const remoteSha = remote.digest?.startsWith('sha256:') ? remote.digest.slice('sha256:'.length) : knownSha;
  if (remote.size === file.size && (!remoteSha || remoteSha === file.sha256)) return 'keep';
  const why = remote.size !== file.size ? `${remote.size} bytes, ours ${file.size}` : 'a different sha256';
  throw new RegistryError(
    'GitHub',
    `the release ${tag} already has ${file.name} with different content (${why})`,
    'Rerun with force: true to replace it, or publish a new version.',
  );
}

/** Whether a remote asset is exactly this file (a finished upload of the same bytes). */
export function sameAsset(remote: RemoteAsset, file: Pick<LocalFile, 'size' | 'sha256'>): boolean {
  if (remote.state !== 'uploaded' || remote.size !== file.size) return false;
  return !remote.digest || remote.digest === `sha256:${file.sha256}`;
}

/**
 * SHA256SUMS for the release as it stands: every finished asset, its sha256 from GitHub's
 * digest (else from the current file), then ours. Built from the listing rather than from the
 * old file alone, so matrix jobs that each attach their own files converge on one complete file.
 */
export function mergeSums(
  assets: RemoteAsset[],
  current: Map<string, string>,
  ours: LocalFile[],
): Map<string, string> {
  const merged = new Map<string, string>();
  for (const asset of assets) {
    if (asset.name === SUMS_NAME || asset.state !== 'uploaded') continue;
    const hex = asset.digest?.startsWith('sha256:')
      ? asset.digest.slice('sha256:'.length)
      : current.get(asset.name);
    if (hex) merged.set(asset.name, hex);
  }
  for (const file of ours) merged.set(file.name, file.sha256);
  return merged;
}
