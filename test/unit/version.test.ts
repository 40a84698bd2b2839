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
  fromPep440,
  highestStablePep440,
  readVersion,
  detectVersion,
} from '@deploy-actions/version';
import { npmVersion } from '@deploy-actions/targets/npm/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

describe('PEP 440 local versions and normalisation (the spec, as packaging orders them)', () => {
  const v = (s: string) => {
    const parsed = parsePep440(s);
    if (!parsed) throw new Error(`not PEP 440: ${s}`);
    return parsed;
  };
  test.each([
    ['1.2.3', '1.2.3+anything', -1],
    ['1.2.3+local.1', '1.2.3+local.2', -1],
    ['1.2.3+local.10', '1.2.3+local.9', 1],
    ['1.2.3+abc', '1.2.3+5', -1], // a number sorts after text
    ['1.2.3+abc', '1.2.3+abd', -1],
    ['1.2.3+abc', '1.2.3+abc.1', -1], // a prefix sorts first
    ['1.2.3+1.2', '1.2.3+1.2', 0],
    ['1.2.3+Ubuntu-1', '1.2.3+ubuntu.1', 0],
    ['1.2.3+007', '1.2.3+7', 0],
    ['1.2.3+zzz', '1.2.4', -1], // local never outweighs the public version
    ['1.2.3.post1+a', '1.2.3.post1', 1],
  ] as const)('%s vs %s -> %d', (a, b, order) => {
    expect(comparePep440(v(a), v(b))).toBe(order);
    expect(comparePep440(v(b), v(a))).toBe(-order || 0);
  });
  test.each([
    ['V1.0', '1.0'],
    ['v1.2.3', '1.2.3'],
    ['1.0-1', '1.0.post1'],
    ['1.0_post_2', '1.0.post2'],
    ['1.0.POST', '1.0.post0'],
    ['1.0-r3', '1.0.post3'],
    ['1.0.0-ALPHA_1', '1.0.0a1'],
    ['1.0c2', '1.0rc2'],
    ['1.0-preview.3', '1.0rc3'],
    ['1.0-dev', '1.0.dev0'],
    ['1.0+Ubuntu_1-X', '1.0+ubuntu.1.x'],
    ['1.0+local.007', '1.0+local.7'],
    ['01.02.03', '1.2.3'],
    ['1!2.0.0', '1!2.0.0'],
    ['0!1.0', '1.0'],
    ['  1.2.3rc1  ', '1.2.3rc1'],
  ])('%s normalises to %s', (text, normal) => {
    expect(normalizePep440(text)).toBe(normal);
  });
  test.each(['1.0+', '1.0+a..b', '1.0-', 'one', '1.0+local/1', '1.0.dev1.post1'])('refuses %s', (text) => {
    expect(normalizePep440(text)).toBeUndefined();
  });
  test('the highest stable version counts local versions', () => {
    expect(highestStablePep440(['1.2.3', '1.2.3+local.2', '1.2.3+local.10', '1.3.0rc1'])).toBe(
      '1.2.3+local.10',
    );
  });
});

describe('SemVer <-> PEP 440 where the two are exact', () => {
  test.each([
    ['1.2.3rc1', '1.2.3-rc.1'],
    ['1.2.3a2', '1.2.3-alpha.2'],
    ['1.2.3b3', '1.2.3-beta.3'],
    ['1.2.3.dev4', '1.2.3-dev.4'],
    ['1.2.3rc1.dev2', '1.2.3-rc.1.dev.2'],
    ['1.2.3+build.5', '1.2.3+build.5'],
    ['1.2.3', '1.2.3'],
    ['1.2.3-RC1', '1.2.3-rc.1'],
  ])('%s -> %s and back', (pep, semver) => {
    expect(fromPep440(pep)).toBe(semver);
    expect(normalizePep440(toPep440(parseSemVer(semver)!)!)).toBe(normalizePep440(pep));
  });
  test.each(['1!2.0.0', '1.2.3.post1', '1.2', '1.2.3.4', '01.2.3', 'latest', '1.0-1'])(
    '%s has no SemVer form',
    (pep) => {
      expect(fromPep440(pep)).toBeUndefined();
    },
  );
});

describe('which version forms a release takes', () => {
  test('SemVer targets: SemVer, or PEP 440 converted to its SemVer form', () => {
    expect(readVersion('1.2.3-rc.1')).toMatchObject({ version: '1.2.3-rc.1' });
    expect(readVersion('1.2.3rc1')).toMatchObject({ version: '1.2.3-rc.1' });
    expect(readVersion('1.2.3.post1')).toMatchObject({
      reason: expect.stringMatching(/post release.*no SemVer form/),
    });
    expect(readVersion('1!2.0.0')).toMatchObject({ reason: expect.stringMatching(/epoch/) });
    expect(readVersion('latest')).toMatchObject({ reason: 'is not a SemVer 2.0 version' });
  });
  test('PyPI: any PEP 440 version, in its normal form', () => {
    expect(readVersion('1.2.3.post1', 'pep440')).toEqual({ version: '1.2.3.post1' });
    expect(readVersion('1!2.0.0', 'pep440')).toEqual({ version: '1!2.0.0' });
    // 1.2.3-1 is SemVer (prerelease "1") with no PEP 440 form; for PyPI it is the post release.
    expect(readVersion('1.2.3-1', 'pep440')).toEqual({ version: '1.2.3.post1' });
    expect(readVersion('1.2.3-1')).toMatchObject({ version: '1.2.3-1' });
    expect(readVersion('1.2.3_POST2', 'pep440')).toEqual({ version: '1.2.3.post2' });
    expect(readVersion('1.2.3.dev4', 'pep440')).toMatchObject({ version: '1.2.3-dev.4' });
    expect(readVersion('latest', 'pep440')).toMatchObject({ reason: 'is not a PEP 440 or SemVer version' });
  });
  test('detectVersion: outputs for a converted and for a PEP 440-only version', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'da-ver-'));
    const rc = await detectVersion({ version: '1.2.3rc1', cwd, sources: ['input'] });
    expect(rc).toMatchObject({
      version: '1.2.3-rc.1',
      tag: 'v1.2.3-rc.1',
      pep440: '1.2.3rc1',
      isPrerelease: true,
    });
    const post = await detectVersion({ version: '1.2.3.post1', cwd, sources: ['input'], forms: 'pep440' });
    expect(post).toMatchObject({
      version: '1.2.3.post1',
      pep440: '1.2.3.post1',
      major: 1,
      minor: 2,
      patch: 3,
    });
    expect(post.semver).toBeUndefined();
    await expect(detectVersion({ version: '1.2.3.post1', cwd, sources: ['input'] })).rejects.toThrow(
      /Invalid input 'version': "1.2.3.post1" is not a SemVer 2.0 version \(read as PEP 440 it is a post release/,
    );
    const tagged = await detectVersion({ tag: 'refs/tags/v1.2.3rc1', cwd, sources: ['tag'] });
    expect(tagged).toMatchObject({ version: '1.2.3-rc.1', tag: 'v1.2.3rc1' });
  });
  test('npm looks for the version without build metadata, as it stores it', () => {
    expect(npmVersion('1.2.3+build.5')).toBe('1.2.3');
    expect(npmVersion('1.2.3-rc.1+b')).toBe('1.2.3-rc.1');
    expect(npmVersion('1.2.3')).toBe('1.2.3');
  });
});
