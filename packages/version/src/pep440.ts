/**
 * PEP 440: the normal form of a SemVer version for PyPI, the SemVer form of a PEP 440 version
 * where one is exact, and the ordering of PyPI's own versions (local versions included).
 */
import { parseSemVer, type SemVer } from './semver-strict.js';

const PRE_LABELS: Record<string, 'a' | 'b' | 'rc'> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

/**
 * `1.2.3-rc.1` -> `1.2.3rc1`, `-alpha.2` -> `a2`, `-beta.3` -> `b3`, `-dev.4` -> `.dev4`,
 * `-rc.1.dev.2` -> `rc1.dev2`, `+build.5` kept as the local version `+build.5`.
 * Undefined when the prerelease has no PEP 440 equivalent (e.g. `-foo.1`).
 */
export function toPep440(v: SemVer): string | undefined {
  let out = `${v.major}.${v.minor}.${v.patch}`;
  const ids = [...v.prerelease];
  let pre = '';
  let post = '';
  let dev = '';
  while (ids.length) {
    const id = ids.shift()!.toLowerCase();
    const glued = /^([a-z]+)(\d+)$/.exec(id);
    const label = glued ? glued[1] : id;
    let number = glued ? glued[2] : undefined;
    if (number === undefined && ids.length && /^\d+$/.test(ids[0])) number = ids.shift();
    const n = String(Number(number ?? '0'));
    if (PRE_LABELS[label] && !pre && !post && !dev) pre = `${PRE_LABELS[label]}${n}`;
    else if ((label === 'post' || label === 'rev' || label === 'r') && !post && !dev) post = `.post${n}`;
    else if (label === 'dev' && !dev) dev = `.dev${n}`;
    else return undefined;
  }
  out += pre + post + dev;
  if (v.build.length) out += `+${v.build.join('.').toLowerCase().replace(/[-_]/g, '.')}`;
  return out;
}

export interface Pep440 {
  epoch: number;
  release: number[];
  pre?: [string, number];
  post?: number;
  dev?: number;
  local?: string;
}

const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

export function parsePep440(text: string): Pep440 | undefined {
  const m = PEP440.exec(text.trim());
  if (!m) return undefined;
  const v: Pep440 = { epoch: Number(m[1] ?? 0), release: m[2].split('.').map(Number) };
  if (m[3]) v.pre = [PRE_LABELS[m[3].toLowerCase()], Number(m[4] ?? 0)];
  if (m[5] !== undefined) v.post = Number(m[5]);
  else if (m[6]) v.post = Number(m[7] ?? 0);
  if (m[8]) v.dev = Number(m[9] ?? 0);
  // Local segments: separators become '.', numbers lose their leading zeros (as packaging's str()).
  if (m[10])
    v.local = m[10]
      .toLowerCase()
      .split(/[-_.]/)
      .map((s) => (/^\d+$/.test(s) ? String(BigInt(s)) : s))
      .join('.');
  return v;
}

const SEMVER_PRE: Record<string, string> = { a: 'alpha', b: 'beta', rc: 'rc' };

/**
 * The SemVer form of a PEP 440 version where the two are exact equivalents (toPep440's inverse):
 * `1.2.3rc1` -> `1.2.3-rc.1`, `a2` -> `-alpha.2`, `b3` -> `-beta.3`, `.dev4` -> `-dev.4`,
 * `rc1.dev2` -> `-rc.1.dev.2`, a local `+build.5` -> `+build.5`. Undefined when there is none:
 * an epoch, a post release, a release that is not exactly MAJOR.MINOR.PATCH (or has leading zeros).
 */
export function fromPep440(text: string): string | undefined {
  const v = parsePep440(text);
  if (!v || v.epoch || v.post !== undefined || v.release.length !== 3) return undefined;
  const release = /^\s*v?(\d+)\.(\d+)\.(\d+)/i.exec(text);
  if (!release || release.slice(1).some((part) => /^0\d/.test(part))) return undefined;
  const pre: string[] = [];
  if (v.pre) pre.push(SEMVER_PRE[v.pre[0]], String(v.pre[1]));
  if (v.dev !== undefined) pre.push('dev', String(v.dev));
  const out = `${v.release.join('.')}${pre.length ? `-${pre.join('.')}` : ''}${v.local ? `+${v.local}` : ''}`;
  return parseSemVer(out) ? out : undefined;
}

/** The canonical string of a PEP 440 version (what PyPI shows). */
export function normalizePep440(text: string): string | undefined {
  const v = parsePep440(text);
  if (!v) return undefined;
  let out = `${v.epoch ? `${v.epoch}!` : ''}${v.release.join('.')}`;
  if (v.pre) out += `${v.pre[0]}${v.pre[1]}`;
  if (v.post !== undefined) out += `.post${v.post}`;
  if (v.dev !== undefined) out += `.dev${v.dev}`;
  if (v.local) out += `+${v.local}`;
  return out;
}

/**
 * PEP 440's ordering of local segments: a version without one sorts before the same version with
 * one; segments compare one by one, numbers as numbers, other text as text (lower case), a number
 * after text; when one list is a prefix of the other, the shorter sorts first.
 */
function compareLocal(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const an = /^\d+$/.test(as[i]);
    const bn = /^\d+$/.test(bs[i]);
    if (an && bn) {
      const d = BigInt(as[i]) - BigInt(bs[i]);
      if (d) return d > 0n ? 1 : -1;
    } else if (an !== bn) return an ? 1 : -1;
    else if (as[i] !== bs[i]) return as[i] < bs[i] ? -1 : 1;
  }
  return Math.sign(as.length - bs.length);
}

/** Order per PEP 440: dev < pre < final < post, then the local version (see compareLocal). */
export function comparePep440(a: Pep440, b: Pep440): number {
  if (a.epoch !== b.epoch) return Math.sign(a.epoch - b.epoch);
  for (let i = 0; i < Math.max(a.release.length, b.release.length); i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d) return Math.sign(d);
  }
  const key = (v: Pep440): number[] => {
    // phase: 0 = dev of final with no pre, 1 = pre, 2 = final, then post
    const order = { a: 0, b: 1, rc: 2 } as Record<string, number>;
    const preKey = v.pre
      ? [1, order[v.pre[0]], v.pre[1]]
      : v.post === undefined && v.dev !== undefined
        ? [0, 0, 0]
        : [2, 0, 0];
    return [...preKey, v.post ?? -1, v.dev ?? Number.MAX_SAFE_INTEGER];
  };
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return Math.sign(ka[i] - kb[i]);
  return compareLocal(a.local, b.local);
}

export const isPep440Stable = (v: Pep440) => !v.pre && v.dev === undefined;

export function highestStablePep440(versions: Iterable<string>): string | undefined {
  let best: { text: string; v: Pep440 } | undefined;
  for (const text of versions) {
    const v = parsePep440(text);
    if (v && isPep440Stable(v) && (!best || comparePep440(v, best.v) > 0)) best = { text, v };
  }
  return best?.text;
}
