/**
 * PEP 440: the normal form of a SemVer version for PyPI, and ordering of PyPI's own versions.
 */
import type { SemVer } from './semver-strict.js';

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
  if (m[10]) v.local = m[10].toLowerCase().replace(/[-_]/g, '.');
  return v;
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

/** Order per PEP 440 (dev < pre < final < post; local ignored beyond equality). */
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
  return 0;
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
