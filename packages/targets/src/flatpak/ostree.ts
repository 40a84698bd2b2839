/**
 * The little of OSTree the flat-manager upload needs, without libostree: the refs and objects of
 * a local archive repository (plain files under refs/heads and objects/), and the subject and
 * body of a commit object (a GVariant of type (a{sv}aya(say)sstayay)).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Object kinds flat-manager accepts in an upload (`<64 hex>.<kind>`). */
const OBJECT_NAME = /^[0-9a-f]{64}\.(commit|dirtree|dirmeta|filez)$/;

export interface LocalObject {
  /** `<checksum>.<kind>`, the upload's file name. */
  name: string;
  path: string;
  size: number;
}

/** ref -> commit checksum for the refs under refs/heads whose names start with one of `prefixes`. */
export function listRefs(repo: string, prefixes = ['app/', 'runtime/']): Map<string, string> {
  const heads = join(repo, 'refs', 'heads');
  const refs = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${name}/`);
      else if (prefixes.some((p) => name.startsWith(p)))
        refs.set(name, readFileSync(join(dir, entry.name), 'utf8').trim());
    }
  };
  if (existsSync(heads)) walk(heads, '');
  return new Map([...refs].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Every object of the repository. The repository is the fresh one flatpak-builder exported
 * this run's build to, so everything in it belongs to the refs being pushed.
 */
export function listObjects(repo: string): LocalObject[] {
  const root = join(repo, 'objects');
  const out: LocalObject[] = [];
  for (const dir of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const file of readdirSync(join(root, dir))) {
      const name = `${dir}${file}`;
      if (!OBJECT_NAME.test(name)) continue;
      const path = join(root, dir, file);
      out.push({ name, path, size: statSync(path).size });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Upload order: file contents, then directory metadata, then commits, so a commit never arrives first. */
export function uploadOrder(objects: LocalObject[]): LocalObject[] {
  const rank = (name: string) => (name.endsWith('.filez') ? 0 : name.endsWith('.commit') ? 2 : 1);
  return [...objects].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export function objectPath(checksum: string, kind: 'commit' | 'dirtree' | 'dirmeta' | 'filez'): string {
  return `objects/${checksum.slice(0, 2)}/${checksum.slice(2)}.${kind}`;
}

interface Member {
  align: number;
  /** Size when the type is fixed-size; undefined for variable-size members. */
  fixed?: number;
}

const alignUp = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * Split a serialized GVariant tuple into its members' bytes. Variable-size members except the
 * last have their end offsets stored at the end of the tuple, last member's first, in the
 * smallest unsigned little-endian width that can address the whole tuple.
 */
export function tupleMembers(data: Buffer, members: Member[]): Buffer[] {
  const size = data.length;
  const width = size <= 0xff ? 1 : size <= 0xffff ? 2 : 4;
  const readOffset = (at: number) =>
    width === 1 ? data.readUInt8(at) : width === 2 ? data.readUInt16LE(at) : data.readUInt32LE(at);
  const framed = members.slice(0, -1).filter((m) => m.fixed === undefined).length;
  const offsetsStart = size - framed * width;
  const out: Buffer[] = [];
  let position = 0;
  let frame = 0;
  members.forEach((member, index) => {
    const start = alignUp(position, member.align);
    let end: number;
    if (member.fixed !== undefined) end = start + member.fixed;
    else if (index === members.length - 1) end = offsetsStart;
    else end = readOffset(size - ++frame * width);
    if (start > end || end > offsetsStart) throw new Error('not a serialized GVariant of the expected type');
    out.push(data.subarray(start, end));
    position = end;
  });
  return out;
}

const COMMIT: Member[] = [
  { align: 8 }, // a{sv} metadata
  { align: 1 }, // ay parent
  { align: 1 }, // a(say) related
  { align: 1 }, // s subject
  { align: 1 }, // s body
  { align: 8, fixed: 8 }, // t timestamp (big-endian)
  { align: 1 }, // ay root dirtree
  { align: 1 }, // ay root dirmeta
];

const cString = (bytes: Buffer) => bytes.subarray(0, Math.max(0, bytes.length - 1)).toString('utf8');

export interface CommitInfo {
  subject: string;
  body: string;
  timestamp: Date;
}

export function parseCommit(data: Buffer): CommitInfo {
  const members = tupleMembers(data, COMMIT);
  return {
    subject: cString(members[3]),
    body: cString(members[4]),
    timestamp: new Date(Number(members[5].readBigUInt64BE(0)) * 1000),
  };
}

/** The line our builds write into the commit body, so the published version can be read back. */
export const VERSION_LINE = 'Version: ';

export function commitVersion(info: CommitInfo): string | undefined {
  for (const line of info.body.split('\n'))
    if (line.startsWith(VERSION_LINE)) return line.slice(VERSION_LINE.length).trim();
  return undefined;
}
