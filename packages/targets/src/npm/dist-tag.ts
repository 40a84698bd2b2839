/**
 * Which dist-tag a new npm version gets. `latest` is what `npm install pkg` resolves, so it
 * only ever moves forward to the highest stable version: a hotfix on an older line gets that
 * line's tag, a prerelease gets `next`.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { isHighestStable, isStable, type SemVer } from '@deploy-actions/version';

export interface DistTagChoice {
  tag: string;
  /** Why, in a few words, for the run's notes. */
  why: string;
}

/** The tag npm refuses: one that reads as a version range (`1`, `v1.x`, `^2`, `>=1 <2`). */
function looksLikeRange(tag: string): boolean {
  const part = '(?:\\d+|[xX*])';
  const xrange = new RegExp(
    `^[v=]*${part}(?:\\.${part}(?:\\.${part}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)?)?$`,
  );
  return /^[<>=~^*]/.test(tag) || /\s/.test(tag) || xrange.test(tag);
}

export function validateDistTag(tag: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(tag))
    throw InputError.bad(
      'dist-tag',
      tag,
      'is not a valid dist-tag',
      'Use letters, digits, dots, dashes and underscores, e.g. next or beta.',
    );
  if (looksLikeRange(tag))
    throw InputError.bad(
      'dist-tag',
      tag,
      'reads as a version range, which npm refuses as a tag',
      'Use a name such as v1-latest or next.',
    );
}

/**
 * The dist-tag for `version` given what is already `published`. `requested` is the
 * `dist-tag` setting: `auto`, or a tag used as given (except `latest` on a prerelease).
 */
export function chooseDistTag(
  version: SemVer,
  published: Iterable<string>,
  requested = 'auto',
): DistTagChoice {
  if (requested !== 'auto') {
    validateDistTag(requested);
    if (requested === 'latest' && !isStable(version))
      throw InputError.bad(
        'dist-tag',
        requested,
        `cannot be given to the prerelease ${version.raw}: \`npm install\` would pick it up`,
        'Use dist-tag: auto (prereleases get next) or a tag such as next or beta.',
      );
    return { tag: requested, why: 'as configured' };
  }
  if (!isStable(version)) return { tag: 'next', why: 'a prerelease' };
  const all = [...published];
  if (isHighestStable(version, all)) return { tag: 'latest', why: 'the highest stable version' };
  const { major, minor } = version;
  if (isHighestStable(version, all, (v) => v.major === major))
    return { tag: `v${major}-latest`, why: `the highest of ${major}.x, a newer major exists` };
  if (isHighestStable(version, all, (v) => v.major === major && v.minor === minor))
    return {
      tag: `v${major}.${minor}-latest`,
      why: `the highest of ${major}.${minor}.x, a newer ${major}.x exists`,
    };
  // Older than a version of its own minor line: no floating tag may move back to it.
  return { tag: 'backport', why: `older than a published ${major}.${minor}.x` };
}
