import { describe, expect, test } from '@jest/globals';
import {
  compareSemVer,
  highestStable,
  isHighestStable,
  parseSemVer,
  toPep440,
  normalizePep440,
  comparePep440,
  parsePep440,
} from '@deploy-actions/version';

describe('SemVer 2.0', () => {
  test.each(['1.2.3', '0.0.0', '1.2.3-rc.1', '1.2.3-alpha.beta.1', '1.2.3+build.5', '10.20.30-x-y-z.-+meta'])(
    'accepts %s',
    (v) => {
      expect(parseSemVer(v)?.raw).toBe(v);
    },
  );
  test.each([
    '1.2',
    '01.2.3',
    '1.02.3',
    'latest',
    'v1.2.3',
    '1.2.3-01',
    '1.2.3; rm -rf /',
    ' 1.2.3',
    '1.2.3-',
    '',
    // What npm's semver takes in its strict mode but SemVer 2.0 does not: we refuse it first.
    'V1.2.3',
    '=1.2.3',
    '1.2.3\n',
    '\t1.2.3',
    // And what SemVer 2.0 refuses everywhere: empty identifiers, an empty build, huge numbers.
    '1.2.3+',
    '1.2.3-a..b',
    '1.2.3+a..b',
    '1.2.3-+b',
    '9007199254740992.0.0',
    '1.2.3.4',
  ])('refuses %j', (v) => {
    expect(parseSemVer(v)).toBeUndefined();
  });
  test('keeps build metadata and prerelease identifiers as written; build does not order', () => {
    const v = parseSemVer('1.2.3-rc.10.x-y+build.007.sha-1')!;
    expect(v).toEqual({
      raw: '1.2.3-rc.10.x-y+build.007.sha-1',
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['rc', '10', 'x-y'],
      build: ['build', '007', 'sha-1'],
    });
    expect(compareSemVer(parseSemVer('1.2.3+a')!, parseSemVer('1.2.3+b')!)).toBe(0);
    expect(highestStable(['1.2.3+a', '1.2.3+b', '1.2.2'])).toBe('1.2.3+a');
  });
  test('a prerelease number beyond 2^53 still orders as a number, above a smaller one', () => {
    const big = parseSemVer('1.0.0-rc.90071992547409930')!;
    expect(big.prerelease).toEqual(['rc', '90071992547409930']);
    expect(compareSemVer(big, parseSemVer('1.0.0-rc.9')!)).toBe(1);
  });
  test('versions longer than 256 characters are refused (as npm refuses them)', () => {
    expect(parseSemVer(`1.2.3-${'a'.repeat(250)}`)?.major).toBe(1);
    expect(parseSemVer(`1.2.3-${'a'.repeat(251)}`)).toBeUndefined();
  });
  test('versions built by hand or copied compare like parsed ones', () => {
    const copy = { ...parseSemVer('2.0.0-rc.1')! };
    const hand = { raw: '', major: 2, minor: 0, patch: 0, prerelease: [], build: [] };
    expect(compareSemVer(copy, hand)).toBe(-1);
    expect(compareSemVer(hand, parseSemVer('2.0.0+x')!)).toBe(0);
  });
  test('orders by precedence, prereleases first', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    const shuffled = [...order].reverse();
    shuffled.sort((a, b) => compareSemVer(parseSemVer(a)!, parseSemVer(b)!));
    expect(shuffled).toEqual(order);
  });
  test('latest is the highest stable; a hotfix on an older line never takes it', () => {
    expect(highestStable(['1.2.3', '2.0.0-rc.1', '1.1.5', 'garbage'])).toBe('1.2.3');
    expect(isHighestStable(parseSemVer('1.1.5')!, ['1.2.3', '1.1.4'])).toBe(false);
    expect(
      isHighestStable(parseSemVer('1.1.5')!, ['1.2.3', '1.1.4'], (v) => v.major === 1 && v.minor === 1),
    ).toBe(true);
    expect(isHighestStable(parseSemVer('2.0.0-rc.1')!, ['1.2.3'])).toBe(false);
    expect(isHighestStable(parseSemVer('1.2.3')!, ['1.2.3'])).toBe(true);
  });
});

describe('PEP 440', () => {
  test.each([
    ['1.2.3', '1.2.3'],
    ['1.2.3-rc.1', '1.2.3rc1'],
    ['1.2.3-alpha.2', '1.2.3a2'],
    ['1.2.3-beta.3', '1.2.3b3'],
    ['1.2.3-dev.4', '1.2.3.dev4'],
    ['1.2.3-rc.1.dev.2', '1.2.3rc1.dev2'],
    ['1.2.3+build.5', '1.2.3+build.5'],
    ['1.2.3-rc1', '1.2.3rc1'],
  ])('%s -> %s', (semver, pep) => {
    expect(toPep440(parseSemVer(semver)!)).toBe(pep);
  });
  test('has no form for arbitrary prerelease labels', () => {
    expect(toPep440(parseSemVer('1.2.3-foo.1')!)).toBeUndefined();
  });
  test('normalizes and orders PyPI versions', () => {
    expect(normalizePep440('1.2.3-RC.1')).toBe('1.2.3rc1');
    expect(normalizePep440('1.2.3.alpha2')).toBe('1.2.3a2');
    const v = (s: string) => parsePep440(s)!;
    expect(comparePep440(v('1.2.3.dev1'), v('1.2.3a1'))).toBe(-1);
    expect(comparePep440(v('1.2.3rc1'), v('1.2.3'))).toBe(-1);
    expect(comparePep440(v('1.2.3'), v('1.2.3.post1'))).toBe(-1);
  });
});
