/**
 * The PKGBUILD of a `-bin` package that installs the release's Linux binary, and its .SRCINFO
 * written as `makepkg --printsrcinfo` prints it (byte for byte; tested against makepkg), so no
 * Arch tool is needed on the runner.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { SemVer } from '@deploy-actions/version';

/** Our architectures (build.platforms) in pacman's spelling. */
export const PACMAN_ARCH: Record<string, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  '386': 'i686',
  arm: 'armv7h',
  riscv64: 'riscv64',
};

/** AUR package names: lower-case alphanumerics and @._+-, not starting with - or . (as aurweb checks). */
export const PACKAGE_NAME = /^[a-z0-9@_+][a-z0-9@._+-]{0,99}$/;

/**
 * pkgver for a SemVer version. pacman's vercmp puts a trailing alphabetic part before the
 * release (1.2.3rc.1 < 1.2.3) and compares dot-separated parts numerically, so a prerelease is
 * appended without its hyphen: 1.2.3-rc.1 -> 1.2.3rc.1, 1.2.3-beta.2 -> 1.2.3beta.2. A hyphen
 * inside the prerelease becomes `_`; a prerelease that starts with a digit gets `pre` in front
 * (1.2.3-1 -> 1.2.3pre.1) so it still sorts before 1.2.3. Build metadata (+...) is dropped:
 * SemVer ignores it for ordering and pkgver has no place for it.
 */
export function pkgverOf(semver: Pick<SemVer, 'major' | 'minor' | 'patch' | 'prerelease'>): string {
  const core = `${semver.major}.${semver.minor}.${semver.patch}`;
  if (!semver.prerelease.length) return core;
  const pre = semver.prerelease.map(String).join('.').replace(/-/g, '_');
  return `${core}${/^\d/.test(pre) ? `pre.${pre}` : pre}`;
}

/** A bash word that is exactly `value` (single quotes; a quote as '\''). */
export const shellWord = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export interface PkgbuildSource {
  /** pacman arch, e.g. x86_64 */
  arch: string;
  url: string;
  sha256: string;
}

export interface PkgbuildFields {
  pkgname: string;
  pkgver: string;
  pkgrel: number;
  pkgdesc: string;
  url: string;
  license: string;
  /** The executable in each archive and the command it installs as. */
  binary: string;
  sources: PkgbuildSource[];
  /** A comment for people reading the repository (where it came from). */
  origin: string;
}

/** One line: no control characters (a PKGBUILD value with a newline would change .SRCINFO's shape). */
function oneLine(input: string, value: string): string {
  if (/[\x00-\x1f\x7f]/.test(value))
    throw InputError.bad(
      input,
      value,
      'contains a line break or control character',
      'Use one line of plain text.',
    );
  return value;
}

const sourceName = (f: PkgbuildFields, s: PkgbuildSource) => `${f.binary}-${f.pkgver}-${s.arch}.tar.gz`;

export function renderPkgbuild(f: PkgbuildFields): string {
  for (const [input, value] of [
    ['description', f.pkgdesc],
    ['homepage', f.url],
    ['license', f.license],
  ] as const)
    oneLine(input, value);
  const lines = [
    `# ${f.origin.replace(/[\r\n]+/g, ' ')}`,
    '# shellcheck shell=bash disable=SC2034,SC2154',
    `pkgname=${f.pkgname}`,
    `pkgver=${f.pkgver}`,
    `pkgrel=${f.pkgrel}`,
    `pkgdesc=${shellWord(f.pkgdesc)}`,
    `arch=(${f.sources.map((s) => shellWord(s.arch)).join(' ')})`,
    `url=${shellWord(f.url)}`,
    `license=(${shellWord(f.license)})`,
    `provides=(${shellWord(f.binary)})`,
    `conflicts=(${shellWord(f.binary)})`,
  ];
  for (const s of f.sources) {
    lines.push(`source_${s.arch}=(${shellWord(`${sourceName(f, s)}::${s.url}`)})`);
    lines.push(`sha256sums_${s.arch}=(${shellWord(s.sha256)})`);
  }
  lines.push('', 'package() {', `  install -Dm755 "$srcdir/${f.binary}" "$pkgdir/usr/bin/${f.binary}"`, '}');
  return `${lines.join('\n')}\n`;
}

/** What `makepkg --printsrcinfo` prints for renderPkgbuild(f). */
export function renderSrcinfo(f: PkgbuildFields): string {
  const lines = [
    `pkgbase = ${f.pkgname}`,
    `\tpkgdesc = ${f.pkgdesc}`,
    `\tpkgver = ${f.pkgver}`,
    `\tpkgrel = ${f.pkgrel}`,
    `\turl = ${f.url}`,
    ...f.sources.map((s) => `\tarch = ${s.arch}`),
    `\tlicense = ${f.license}`,
    `\tprovides = ${f.binary}`,
    `\tconflicts = ${f.binary}`,
  ];
  for (const s of f.sources)
    lines.push(`\tsource_${s.arch} = ${sourceName(f, s)}::${s.url}`, `\tsha256sums_${s.arch} = ${s.sha256}`);
  lines.push('', `pkgname = ${f.pkgname}`);
  return `${lines.join('\n')}\n`;
}

/** pkgbase, pkgver and pkgrel of a .SRCINFO (undefined fields when absent). */
export function readSrcinfo(text: string): { pkgbase?: string; pkgver?: string; pkgrel?: string } {
  const field = (key: string) => new RegExp(`^\\s*${key} = (.*)$`, 'm').exec(text)?.[1]?.trim();
  return { pkgbase: field('pkgbase'), pkgver: field('pkgver'), pkgrel: field('pkgrel') };
}

/** A PKGBUILD's pkgrel set to `pkgrel` (for rollback: the previous file, released again). */
export function withPkgrel(text: string, pkgrel: number): string {
  return text.replace(/^pkgrel=.*$/m, `pkgrel=${pkgrel}`);
}
