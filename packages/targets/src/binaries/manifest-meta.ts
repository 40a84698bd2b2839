/**
 * The metadata a manifest carries (name, description, homepage, licence), from the target's
 * settings, else the repository's facts on GitHub; names checked before anything is sent.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { BinaryRelease } from './release.js';

export interface ManifestMeta {
  description: string;
  homepage: string;
  license?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A package name as Homebrew and Scoop accept one: lower case letters, digits, . _ + - (and @N for brew). */
export function packageName(value: unknown, input: string, fallback: string, pattern: RegExp): string {
  const name = str(value) ?? fallback;
  if (!pattern.test(name) || name.length > 100)
    throw InputError.bad(
      input,
      name,
      'is not a package name (lower case letters, digits, ".", "_", "+", "-"; starting with a letter or digit)',
      `Set ${input}: to e.g. ${fallback && pattern.test(fallback) ? fallback : 'acme'}.`,
    );
  return name;
}

export function manifestMeta(settings: Record<string, unknown>, release: BinaryRelease): ManifestMeta {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const homepage = str(settings.homepage) ?? release.homepage ?? release.repositoryUrl;
  try {
    if (!/^https?:$/.test(new URL(homepage).protocol)) throw new Error('scheme');
  } catch {
    throw InputError.bad('homepage', homepage, 'is not an http(s) URL', 'Use e.g. https://acme.dev.');
  }
  const license = str(settings.license) ?? release.license;
  if (license !== undefined && !/^[A-Za-z0-9.+-]+(?: (?:OR|AND|WITH) [A-Za-z0-9.+-]+)*$/.test(license))
    throw InputError.bad(
      'license',
      license,
      'is not an SPDX licence expression',
      'Use e.g. MIT or Apache-2.0.',
    );
  return {
    description: oneLine(
      str(settings.description) ?? release.description ?? `The ${release.binary} command-line tool`,
    ).slice(0, 200),
    homepage,
    license,
  };
}
