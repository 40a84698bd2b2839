/**
 * Just enough of a ZIP reader to take one file out of a wheel (or a .zip sdist): the central
 * directory (ZIP64 included), then the entry's local header, stored or deflated data.
 * The central directory is the archive's own index, so nothing else is parsed or inflated.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UINT32_MAX = 0xffffffff;

export class ZipFormatError extends Error {}

function uint64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a ZIP64 field is too large');
  return Number(value);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) if (buf.readUInt32LE(at) === EOCD) return at;
  throw new ZipFormatError('not a ZIP archive (no end of central directory record)');
}

/** Every entry of the central directory. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === UINT32_MAX || cdOffset === UINT32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR)
      throw new ZipFormatError('ZIP64 locator missing');
    const record = uint64(buf, locator + 8);
    if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_EOCD)
      throw new ZipFormatError('ZIP64 record missing');
    count = uint64(buf, record + 32);
    cdSize = uint64(buf, record + 40);
    cdOffset = uint64(buf, record + 48);
  }
  if (cdOffset + cdSize > buf.length)
    throw new ZipFormatError('central directory runs past the end of the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new ZipFormatError(`central directory entry ${i} is damaged`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
    };
    readZip64Extra(buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that overflow 32 bits live in the ZIP64 extra field (id 1), in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
        if (entry[key] === UINT32_MAX && field + 8 <= at + 4 + length) {
          entry[key] = uint64(extra, field);
          field += 8;
        }
      }
    }
    at += 4 + length;
  }
}

/** The bytes of one entry; refuses entries larger than `maxSize` (a zip bomb guard). */
export function readZipEntry(buf: Buffer, entry: ZipEntry, maxSize = 64 * 1024 * 1024): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL)
    throw new ZipFormatError(`local header of ${entry.name} is damaged`);
  if (entry.size > maxSize) throw new ZipFormatError(`${entry.name} is larger than ${maxSize} bytes`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize)
    throw new ZipFormatError(`${entry.name} runs past the end of the file`);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) });
  else
    throw new ZipFormatError(
      `${entry.name} uses compression method ${entry.method} (only stored and deflate are read)`,
    );
  if (out.length !== entry.size)
    throw new ZipFormatError(`${entry.name} is ${out.length} bytes, its header says ${entry.size}`);
  return out;
}
