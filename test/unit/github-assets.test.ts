/**
 * The pure parts of the GitHub release publisher: globs, asset names, SHA256SUMS, the decision
 * per asset, the release flags, the settings.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { parseSemVer } from '@deploy-actions/version';
import {
  assetName,
  contentType,
  decideAsset,
  describeFiles,
  formatSums,
  mergeSums,
  parseSums,
  sameAsset,
  type LocalFile,
  type RemoteAsset,
} from '@deploy-actions/targets/github-release/assets';
import { expandGlobs } from '@deploy-actions/action-kit/glob';
import {
  makeLatestValue,
  readSettings,
  wantPrerelease,
} from '@deploy-actions/targets/github-release/read-settings';
import { uploadUrl } from '@deploy-actions/targets/github-release/upload';
import { oldestDraft, stableVersions } from '@deploy-actions/targets/github-release/release';
import type { ReleaseData } from '@deploy-actions/targets/github-release/api';

function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-glob-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), file);
  }
  return dir;
}

const rel = (root: string, paths: string[]) => paths.map((p) => p.slice(root.length + 1));

describe('globs', () => {
  const root = tree([
    'build/a.tar.gz',
    'build/b.tar.gz',
    'build/b.zip',
    'build/.hidden.tar.gz',
    'build/sub/c.tar.gz',
    'x/y/z/d.tar.gz',
    'notes[1].md',
  ]);

  test.each([
    ['build/*.tar.gz', ['build/a.tar.gz', 'build/b.tar.gz']],
    ['build/?.zip', ['build/b.zip']],
    ['build/[ab].tar.gz', ['build/a.tar.gz', 'build/b.tar.gz']],
    ['build/[!a].tar.gz', ['build/b.tar.gz']],
    ['build/*.{zip,tar.gz}', ['build/a.tar.gz', 'build/b.tar.gz', 'build/b.zip']],
    ['build/**/*.tar.gz', ['build/a.tar.gz', 'build/b.tar.gz', 'build/sub/c.tar.gz']],
    ['**/d.tar.gz', ['x/y/z/d.tar.gz']],
    ['build/.*.tar.gz', ['build/.hidden.tar.gz']],
    ['build/b.zip', ['build/b.zip']],
  ])('%s', (pattern, expected) => {
    expect(rel(root, expandGlobs(root, [pattern]))).toEqual(expected);
  });

  test('several patterns: each file once, in pattern order', () => {
    expect(rel(root, expandGlobs(root, ['build/b.zip', 'build/*', 'build/a.tar.gz']))).toEqual([
      'build/b.zip',
      'build/a.tar.gz',
      'build/b.tar.gz',
    ]);
  });

  test('a pattern that matches nothing, a missing file, a folder: one InputError naming the input', () => {
    expect(() => expandGlobs(root, ['dist/*.whl'])).toThrow(
      `Invalid input 'assets': "dist/*.whl" matched no files in the workspace`,
    );
    expect(() => expandGlobs(root, ['build/none.tar.gz'])).toThrow(
      /"build\/none.tar.gz" is not a file in the workspace/,
    );
    expect(() => expandGlobs(root, ['build'])).toThrow(InputError);
  });

  test('nothing outside the workspace, symlinks included', () => {
    const outside = tree(['secret.txt']);
    const ws = tree(['build/ok.txt']);
    symlinkSync(join(outside, 'secret.txt'), join(ws, 'build', 'link.txt'));
    expect(() => expandGlobs(ws, ['build/*.txt'])).toThrow(/points outside the workspace/);
    expect(() => expandGlobs(ws, ['../*/secret.txt'])).toThrow(/outside the workspace/);
    expect(() => expandGlobs(ws, [join(outside, 'secret.txt')])).toThrow(/outside the workspace/);
  });

  test('only * ? [..] {..} ** are glob syntax: other characters match themselves', () => {
    const ws = tree([
      'out/a+b(1).tar.gz',
      'out/x!y@z$^|.zip',
      'out/axb',
      'out/a.b',
      'out/+(1).txt',
      'out/1.txt',
    ]);
    expect(rel(ws, expandGlobs(ws, ['out/a+b(1)*']))).toEqual(['out/a+b(1).tar.gz']);
    expect(rel(ws, expandGlobs(ws, ['out/*!y@z$^|.zip']))).toEqual(['out/x!y@z$^|.zip']);
    expect(rel(ws, expandGlobs(ws, ['out/a.?']))).toEqual(['out/a.b']);
    expect(rel(ws, expandGlobs(ws, ['out/?(1).txt', 'out/+(1)*']))).toEqual(['out/+(1).txt']);
  });

  test('a wildcard never matches a leading dot unless the segment starts with one', () => {
    const ws = tree(['d/.a.zip', 'd/b.zip', 'd/.git/c.zip', 'd/e/f.zip']);
    expect(rel(ws, expandGlobs(ws, ['d/[!x]*.zip']))).toEqual(['d/b.zip']);
    expect(rel(ws, expandGlobs(ws, ['d/?a.zip', 'd/[.]a.zip'], { allowEmpty: true }))).toEqual([]);
    expect(rel(ws, expandGlobs(ws, ['d/**/[!x]*.zip']))).toEqual(['d/b.zip', 'd/e/f.zip']);
    expect(rel(ws, expandGlobs(ws, ['d/.*.zip', 'd/.git/*']))).toEqual(['d/.a.zip', 'd/.git/c.zip']);
  });

  test('** skips node_modules unless the pattern names it; files before subfolders, by name', () => {
    const ws = tree(['p/node_modules/x/a.tgz', 'p/z.tgz', 'p/a/b.tgz', 'p/a/c/d.tgz', 'p/b.tgz']);
    expect(rel(ws, expandGlobs(ws, ['p/**/*.tgz']))).toEqual([
      'p/b.tgz',
      'p/z.tgz',
      'p/a/b.tgz',
      'p/a/c/d.tgz',
    ]);
    expect(rel(ws, expandGlobs(ws, ['p/node_modules/*/*.tgz']))).toEqual(['p/node_modules/x/a.tgz']);
  });
});

const file = (name: string, sha256 = 'a'.repeat(64), size = 10): LocalFile => ({
  path: `/w/${name}`,
  name,
  size,
  sha256,
  contentType: 'application/gzip',
});
const remote = (name: string, fields: Partial<RemoteAsset> = {}): RemoteAsset => ({
  id: 1,
  name,
  size: 10,
  state: 'uploaded',
  digest: `sha256:${'a'.repeat(64)}`,
  url: 'u',
  browser_download_url: 'b',
  ...fields,
});

describe('assets', () => {
  test('names as GitHub stores them; content types', () => {
    expect(assetName('/w/build/my app (1).tar.gz')).toBe('my.app..1..tar.gz');
    expect(assetName('app-1.2.3+linux_x64@v2.zip')).toBe('app-1.2.3+linux_x64@v2.zip');
    expect(contentType('a.tar.gz')).toBe('application/gzip');
    expect(contentType('SHA256SUMS')).toBe('text/plain');
    expect(contentType('a.bin')).toBe('application/octet-stream');
  });

  test('describeFiles: size and sha256; two files with one asset name, or our SHA256SUMS, are refused', async () => {
    const root = tree(['a/x.txt', 'b/x.txt', 'SHA256SUMS']);
    const [described] = await describeFiles([join(root, 'a/x.txt')], true);
    expect(described).toEqual({
      path: join(root, 'a/x.txt'),
      name: 'x.txt',
      size: 7,
      sha256: createHash('sha256').update('a/x.txt').digest('hex'),
      contentType: 'text/plain',
    });
    await expect(describeFiles([join(root, 'a/x.txt'), join(root, 'b/x.txt')], true)).rejects.toThrow(
      /is the asset name of both/,
    );
    await expect(describeFiles([join(root, 'SHA256SUMS')], true)).rejects.toMatchObject({
      hint: 'Set checksums: false to attach your own.',
    });
    expect(await describeFiles([join(root, 'SHA256SUMS')], false)).toHaveLength(1);
  });

  test('SHA256SUMS: sha256sum format, sorted; both line forms parsed', () => {
    const sums = new Map([
      ['b.zip', 'b'.repeat(64)],
      ['a.tar.gz', 'a'.repeat(64)],
    ]);
    const text = formatSums(sums);
    expect(text).toBe(`${'a'.repeat(64)}  a.tar.gz\n${'b'.repeat(64)}  b.zip\n`);
    expect(parseSums(`${text}${'C'.repeat(64)} *c.bin\ngarbage\n`)).toEqual(
      new Map([...sums, ['c.bin', 'c'.repeat(64)]]),
    );
  });

  test('decide: upload, keep, replace a broken-off upload or on force, refuse different bytes', () => {
    expect(decideAsset(file('a'), undefined, undefined, false, 'v1')).toBe('upload');
    expect(decideAsset(file('a'), remote('a'), undefined, false, 'v1')).toBe('keep');
    expect(decideAsset(file('a'), remote('a', { state: 'open' }), undefined, false, 'v1')).toBe('replace');
    expect(decideAsset(file('a'), remote('a'), undefined, true, 'v1')).toBe('replace');
    expect(() => decideAsset(file('a', 'a'.repeat(64), 11), remote('a'), undefined, false, 'v1')).toThrow(
      RegistryError,
    );
    expect(() => decideAsset(file('a', 'f'.repeat(64)), remote('a'), undefined, false, 'v1')).toThrow(
      'GitHub: the release v1 already has a with different content (a different sha256)',
    );
    try {
      decideAsset(file('a', 'f'.repeat(64)), remote('a'), undefined, false, 'v1');
    } catch (error) {
      expect((error as RegistryError).hint).toMatch(/force: true/);
    }
    // No digest from the server: the release's SHA256SUMS decides, else the size alone.
    expect(() => decideAsset(file('a'), remote('a', { digest: null }), 'e'.repeat(64), false, 'v1')).toThrow(
      /different sha256/,
    );
    expect(decideAsset(file('a'), remote('a', { digest: null }), undefined, false, 'v1')).toBe('keep');
  });

  test('sameAsset needs a finished upload of the same size and digest', () => {
    expect(sameAsset(remote('a'), file('a'))).toBe(true);
    expect(sameAsset(remote('a', { state: 'open' }), file('a'))).toBe(false);
    expect(sameAsset(remote('a', { digest: `sha256:${'b'.repeat(64)}` }), file('a'))).toBe(false);
  });

  test('mergeSums: every finished asset (digest, else the old file), then ours; gone assets drop out', () => {
    const assets = [
      remote('other.zip', { digest: `sha256:${'1'.repeat(64)}` }),
      remote('old.bin', { digest: null }),
      remote('partial.bin', { state: 'open', digest: null }),
      remote('SHA256SUMS'),
    ];
    const current = new Map([
      ['old.bin', '2'.repeat(64)],
      ['deleted.bin', '3'.repeat(64)],
    ]);
    expect(mergeSums(assets, current, [file('mine.tar.gz', '4'.repeat(64))])).toEqual(
      new Map([
        ['other.zip', '1'.repeat(64)],
        ['old.bin', '2'.repeat(64)],
        ['mine.tar.gz', '4'.repeat(64)],
      ]),
    );
  });

  test('upload URL from the upload_url template', () => {
    expect(
      uploadUrl(
        { upload_url: 'https://uploads.github.com/repos/a/b/releases/1/assets{?name,label}' },
        'my file.zip',
      ),
    ).toBe('https://uploads.github.com/repos/a/b/releases/1/assets?name=my%20file.zip');
  });
});

describe('release flags', () => {
  const v = (s: string) => parseSemVer(s)!;
  test('prerelease: auto from the version', () => {
    expect(wantPrerelease(v('2.0.0-rc.1'), 'auto')).toBe(true);
    expect(wantPrerelease(v('2.0.0'), 'auto')).toBe(false);
    expect(wantPrerelease(v('2.0.0'), 'true')).toBe(true);
  });

  test('make_latest: strings, only the highest stable under auto', () => {
    const published = ['1.2.3', '1.1.4', '2.0.0-rc.1'];
    expect(makeLatestValue(v('1.2.4'), 'auto', false, published)).toBe('true');
    expect(makeLatestValue(v('1.2.3'), 'auto', false, published)).toBe('true');
    expect(makeLatestValue(v('1.1.5'), 'auto', false, published)).toBe('false');
    expect(makeLatestValue(v('2.0.0-rc.2'), 'auto', true, published)).toBe('false');
    expect(makeLatestValue(v('1.1.5'), 'true', false, published)).toBe('true');
    expect(makeLatestValue(v('3.0.0'), 'false', false, published)).toBe('false');
  });

  const release = (id: number, tag: string, fields: Partial<ReleaseData> = {}): ReleaseData => ({
    id,
    tag_name: tag,
    draft: false,
    prerelease: false,
    html_url: '',
    upload_url: '',
    assets: [],
    ...fields,
  });

  test('the versions that compete for latest leave drafts, prereleases and other tags out', () => {
    const releases = [
      release(1, 'v1.0.0'),
      release(2, 'v1.3.0', { prerelease: true }),
      release(3, 'v2.0.0', { draft: true }),
      release(4, 'nightly'),
      release(5, '1.1.0'),
    ];
    expect(stableVersions(releases, 'v')).toEqual(['1.0.0', '1.1.0']);
  });

  test('the oldest draft of a tag wins', () => {
    expect(
      oldestDraft(
        [release(9, 'v1', { draft: true }), release(4, 'v1', { draft: true }), release(2, 'v1')],
        'v1',
      )!.id,
    ).toBe(4);
  });
});

describe('settings', () => {
  const ws = tree(['build/a.tar.gz', 'NOTES.md']);
  const env = { GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: 'https://ghe.example.com/api/v3' };

  test('defaults: the workflow repository, GITHUB_API_URL, checksums on, auto flags, generated notes', () => {
    expect(readSettings({ assets: ['build/*.tar.gz'] }, ws, env)).toEqual({
      owner: 'acme',
      repo: 'app',
      repository: 'acme/app',
      api: 'https://ghe.example.com/api/v3',
      files: [join(ws, 'build/a.tar.gz')],
      checksums: true,
      draft: false,
      prerelease: 'auto',
      makeLatest: 'auto',
      body: undefined,
    });
  });

  test('explicit values and body-file', () => {
    const settings = readSettings(
      {
        repository: 'org/other',
        registry: 'http://127.0.0.1:1/',
        checksums: false,
        draft: 'true',
        'make-latest': 'false',
        'body-file': 'NOTES.md',
      },
      ws,
      {},
    );
    expect(settings).toMatchObject({
      repository: 'org/other',
      api: 'http://127.0.0.1:1',
      checksums: false,
      draft: true,
      makeLatest: 'false',
      body: 'NOTES.md',
      files: [],
    });
  });

  test.each([
    [{ repository: 'not a repo' }, /Invalid input 'repository'/],
    [{}, /Invalid input 'repository': required/],
    [
      { repository: 'a/b', body: 'x', 'body-file': 'NOTES.md' },
      /Invalid input 'body-file': cannot be used together with body/,
    ],
    [{ repository: 'a/b', prerelease: 'maybe' }, /Invalid input 'prerelease'/],
    [{ repository: 'a/b', 'body-file': '../etc/passwd' }, /Invalid input 'body-file'/],
  ])('refuses %j', (settings, message) => {
    expect(() => readSettings(settings, ws, {})).toThrow(message);
  });
});
