/**
 * A .snap per Linux architecture from the release's archives: `meta/snap.yaml` and
 * `bin/<binary>` squashed by mksquashfs (squashfs-tools) as snapcraft packs them (xz, every
 * file owned by root), with fixed times so the same archive gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, chmodSync, utimesSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { stringify } from 'yaml';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { exec } from '@deploy-actions/action-kit/exec';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { BinaryArchive } from '../binaries/release.js';

/** Our architectures in the Snap Store's spelling. */
export const SNAP_ARCH: Record<string, string> = {
  amd64: 'amd64',
  arm64: 'arm64',
  arm: 'armhf',
  '386': 'i386',
  riscv64: 'riscv64',
  s390x: 's390x',
  ppc64le: 'ppc64el',
};

/** snapd's rules: lower-case letters, digits and single hyphens, at least one letter, at most 40. */
export const SNAP_NAME = /^(?=.*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** snapd's version rule: at most 32 characters of [a-zA-Z0-9:.+~-], starting and ending alphanumeric (or + ~). */
export const SNAP_VERSION = /^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$/;
/** An app name as snapd accepts it. */
export const APP_NAME = /^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$/;

export interface SnapMeta {
  name: string;
  version: string;
  summary: string;
  description: string;
  grade: 'stable' | 'devel';
  confinement: string;
  base: string;
  /** Snap Store arch, e.g. amd64 */
  arch: string;
  binary: string;
}

export function snapYaml(m: SnapMeta): string {
  return stringify(
    {
      name: m.name,
      version: m.version,
      summary: m.summary,
      description: m.description,
      grade: m.grade,
      confinement: m.confinement,
      base: m.base,
      architectures: [m.arch],
      apps: { [m.binary]: { command: `bin/${m.binary}` } },
    },
    { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 },
  );
}

/** The archive's bytes: the local build, else downloaded; checked against the release's SHA-256. */
export async function archiveBytes(archive: BinaryArchive, http: HttpClient): Promise<Buffer> {
  let bytes: Buffer;
  if (archive.path && existsSync(archive.path)) bytes = readFileSync(archive.path);
  else {
    const res = await http.request({ url: archive.url, headers: { accept: 'application/octet-stream' } });
    if (!res.ok)
      throw new RegistryError('GitHub', `downloading ${archive.url} failed with HTTP ${res.status}`);
    bytes = res.body;
  }
  const sum = createHash('sha256').update(bytes).digest('hex');
  if (archive.sha256 && sum !== archive.sha256)
    throw new RegistryError(
      'GitHub',
      `${archive.name} has SHA-256 ${sum}, but the release says ${archive.sha256}`,
    );
  return bytes;
}

/** The one file `name` (at the archive's top, with or without ./) of a .tar.gz. */
export async function fileFromTarGz(bytes: Buffer, name: string, archiveName: string): Promise<Buffer> {
  const tar = extract();
  let found: Buffer | undefined;
  const done = new Promise<void>((resolve, reject) => {
    tar.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      const wanted = header.type === 'file' && header.name.replace(/^\.\//, '') === name;
      stream.on('data', (c: Buffer) => wanted && chunks.push(c));
      stream.on('end', () => {
        if (wanted) found = Buffer.concat(chunks);
        next();
      });
      stream.resume();
    });
    tar.on('finish', resolve);
    tar.on('error', reject);
  });
  Readable.from([gunzipSync(bytes)]).pipe(tar);
  await done;
  if (!found)
    throw new InputError(
      'release',
      `${archiveName} has no ${name} at its top level`,
      'The build must put the binary at the top of each archive (build.binary).',
    );
  return found;
}

/** mksquashfs's arguments for a reproducible .snap (time: seconds since the epoch). */
export const mksquashfsArgs = (dir: string, out: string, time: number) => [
  dir,
  out,
  '-noappend',
  '-comp',
  'xz',
  '-all-root',
  '-no-xattrs',
  '-no-fragments',
  '-mkfs-time',
  String(time),
  '-all-time',
  String(time),
  '-quiet',
];

/** Build `<dir>/<name>_<version>_<arch>.snap` from the binary; returns its path. */
export async function buildSnap(meta: SnapMeta, binary: Buffer, dir: string, time: number): Promise<string> {
  const root = join(dir, `root-${meta.arch}`);
  mkdirSync(join(root, 'meta'), { recursive: true });
  mkdirSync(join(root, 'bin'), { recursive: true });
  writeFileSync(join(root, 'meta', 'snap.yaml'), snapYaml(meta));
  writeFileSync(join(root, 'bin', meta.binary), binary);
  chmodSync(join(root, 'bin', meta.binary), 0o755);
  for (const p of [join(root, 'meta', 'snap.yaml'), join(root, 'bin', meta.binary)])
    utimesSync(p, time, time);
  const out = join(dir, `${meta.name}_${meta.version}_${meta.arch}.snap`);
  const r = await exec('mksquashfs', mksquashfsArgs(root, out, time), { timeoutMs: 300_000 });
  if (r.code !== 0)
    throw new Error(
      `mksquashfs failed (${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}); is squashfs-tools installed?`,
    );
  return out;
}
