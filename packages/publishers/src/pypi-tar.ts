/**
 * Just enough of a tar reader to take PKG-INFO out of an sdist (.tar.gz): ustar headers with
 * their prefix, pax extended headers (`path=`), and GNU long names, as Python's tarfile writes
 * them. Entries are visited in order and the visitor can stop the walk early.
 */
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  /** '0' file, '5' directory, '2' symlink... ('\0' is normalized to '0'). */
  type: string;
  size: number;
  data: Buffer;
}

export class TarFormatError extends Error {}

const BLOCK = 512;

function text(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end === -1 ? length : end);
}

function size(header: Buffer): number {
  // Base-256 (GNU) when the high bit is set, else octal text.
  if (header[124] & 0x80) {
    let value = 0;
    for (let i = 125; i < 136; i++) value = value * 256 + header[i];
    return value;
  }
  const octal = text(header, 124, 12).trim();
  if (!/^[0-7]*$/.test(octal)) throw new TarFormatError(`bad size field ${JSON.stringify(octal)}`);
  return octal ? parseInt(octal, 8) : 0;
}

function checksumOk(header: Buffer): boolean {
  const stored = parseInt(text(header, 148, 8).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return stored === sum;
}

/** `key=value` records of a pax header, each `LENGTH key=value\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = Number(data.toString('ascii', at, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return records;
}

/** Visit the entries of an uncompressed tar; return true from `visit` to stop. */
export function walkTar(tar: Buffer, visit: (entry: TarEntry) => boolean | void): void {
  let at = 0;
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  let globalPax: Record<string, string> = {};
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return;
    if (!checksumOk(header)) throw new TarFormatError(`damaged header at offset ${at}`);
    const length = size(header);
    const dataStart = at + BLOCK;
    if (dataStart + length > tar.length)
      throw new TarFormatError('an entry runs past the end of the archive');
    const data = tar.subarray(dataStart, dataStart + length);
    at = dataStart + Math.ceil(length / BLOCK) * BLOCK;
    const type = text(header, 156, 1) || '0';
    if (type === 'x') pax = paxRecords(data);
    else if (type === 'g') globalPax = { ...globalPax, ...paxRecords(data) };
    else if (type === 'L') longName = text(data, 0, data.length);
    else {
      const magic = text(header, 257, 6);
      const prefix = magic.startsWith('ustar') ? text(header, 345, 155) : '';
      const base = text(header, 0, 100);
      const name = pax.path ?? longName ?? globalPax.path ?? (prefix ? `${prefix}/${base}` : base);
      pax = {};
      longName = undefined;
      if (visit({ name, type, size: length, data })) return;
    }
  }
}

/** Gunzip an archive (capped at `maxSize` bytes unpacked, a gzip bomb guard). */
export function gunzipTar(gz: Buffer, maxSize = 1024 * 1024 * 1024): Buffer {
  return gunzipSync(gz, { maxOutputLength: maxSize });
}

/** The first regular file whose name matches, or undefined. */
export function findTarFile(tar: Buffer, matches: (name: string) => boolean): TarEntry | undefined {
  let found: TarEntry | undefined;
  walkTar(tar, (entry) => {
    if ((entry.type === '0' || entry.type === '7') && matches(entry.name)) {
      found = entry;
      return true;
    }
  });
  return found;
}
