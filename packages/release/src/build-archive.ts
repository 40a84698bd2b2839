/**
 * Reproducible archives of a build's output folder: entries sorted by name, one fixed mtime,
 * owner 0/0 with no user or group names, modes reduced to 0755 (executable) or 0644. The same
 * files give the same bytes, so a rebuild's checksum matches what was released.
 * tar.gz by tar-stream (and zlib, whose gzip header carries no time or name), zip by fflate.
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ArchiveEntry {
  /** The path inside the archive, `/`-separated. */
  name: string;
  data: Buffer;
  executable: boolean;
}

/** Every file below `dir`, sorted by path (byte order), symlinks to files followed inside `dir`. */
export function collectEntries(dir: string): ArchiveEntry[] {
  const root = realpathSync(dir);
  const out: ArchiveEntry[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      let stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        const target = realpathSync(full);
        if (target !== root && !target.startsWith(root + sep))
          throw new Error(`${relative(root, full)} is a symbolic link out of the build folder`);
        stat = statSync(full);
      }
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile())
        out.push({
          name: relative(root, full).split(sep).join('/'),
          data: readFileSync(full),
          executable: (stat.mode & 0o111) !== 0,
        });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function tarGz(entries: ArchiveEntry[], mtimeSeconds: number): Promise<Buffer> {
  const { pack } = await import('tar-stream');
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  const mtime = new Date(mtimeSeconds * 1000);
  for (const entry of entries)
    await new Promise<void>((resolve, reject) =>
      tar.entry(
        {
          name: entry.name,
          size: entry.data.length,
          mode: entry.executable ? 0o755 : 0o644,
          mtime,
          uid: 0,
          gid: 0,
          uname: '',
          gname: '',
          type: 'file',
        },
        entry.data,
        (err) => (err ? reject(err) : resolve()),
      ),
    );
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

export async function zip(entries: ArchiveEntry[], mtimeSeconds: number): Promise<Buffer> {
  const { Zip, ZipDeflate } = await import('fflate');
  // ZIP stores local date fields; fflate reads them from a Date in local time, so shift the
  // instant by the zone's offset to store the UTC fields whatever TZ the runner has.
  const utc = new Date(mtimeSeconds * 1000);
  const mtime = new Date(utc.getTime() + utc.getTimezoneOffset() * 60_000);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  // The streaming form adds entries in call order (zipSync's object would put integer-like names first).
  const archive = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 9 });
    file.mtime = mtime;
    file.os = 3; // Unix, so `attrs` carries the mode and unzip restores the executable bit
    file.attrs = ((entry.executable ? 0o100755 : 0o100644) << 16) >>> 0;
    archive.add(file);
    file.push(entry.data, true);
  }
  archive.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
