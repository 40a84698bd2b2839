/**
 * The git transport of repository targets (packages/targets/src/git/repo.ts) with real git on a
 * real bare repository: one commit per change, nothing pushed when there is nothing to do, two
 * writers racing both land (the loser retries on the new head), and the refusals a user sees.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { updateRepo, type GitRepoOptions } from '@deploy-actions/targets/git/repo';

let root: string;
let bare: string;

const git = (args: string[], cwd = bare) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const commits = () => Number(git(['rev-list', '--count', 'main']));
const fileAtHead = (path: string) => git(['show', `main:${path}`]);

const options = (over: Partial<GitRepoOptions> = {}): GitRepoOptions => ({
  url: `file://${bare}`,
  branch: 'main',
  auth: {},
  tempDir: mkdtempSync(join(root, 'tmp-')),
  reporter: new MemoryReporter(),
  input: 'tap',
  ...over,
});

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'da-git-repo-'));
  bare = join(root, 'tap.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('updateRepo', () => {
  test('starts an empty repository, then adds one commit per change and none when nothing changes', async () => {
    const write = (version: string) =>
      updateRepo(options(), 'hint', async (checkout) => {
        if (checkout.read('Formula/acme.rb')?.includes(version)) return { result: 'skipped' };
        return {
          files: { 'Formula/acme.rb': `version "${version}"\n` },
          message: `acme ${version}`,
          result: 'published',
        };
      });
    expect(await write('1.0.0')).toBe('published');
    expect(await write('1.1.0')).toBe('published');
    expect(await write('1.1.0')).toBe('skipped');
    expect(commits()).toBe(2);
    expect(fileAtHead('Formula/acme.rb')).toBe('version "1.1.0"');
    expect(git(['log', '-1', '--format=%s%n%an'])).toBe('acme 1.1.0\ndeploy-actions');
  });

  test('two writers racing both land: the one refused retries on the new head and keeps the other file', async () => {
    const before = commits();
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const writer = (path: string) =>
      updateRepo(options(), 'hint', async () => {
        // The first attempts of both writers read the same head before either pushes.
        if (++arrived === 2) release();
        if (arrived <= 2) await bothRead;
        return { files: { [path]: `${path}\n` }, message: `add ${path}`, result: path };
      });
    await Promise.all([writer('bucket/a.json'), writer('bucket/b.json')]);
    expect(commits()).toBe(before + 2);
    expect(fileAtHead('bucket/a.json')).toBe('bucket/a.json');
    expect(fileAtHead('bucket/b.json')).toBe('bucket/b.json');
    expect(arrived).toBe(3);
  });

  test("a file's history, newest first, is there for a rollback", async () => {
    const versions = await updateRepo(options(), 'hint', async (checkout) => ({
      result: (await checkout.history('Formula/acme.rb')).map((h) => h.text.trim()),
    }));
    expect(versions).toEqual(['version "1.1.0"', 'version "1.0.0"']);
  });

  test('a path that leaves the checkout is refused before anything is written', async () => {
    const before = commits();
    await expect(
      updateRepo(options(), 'hint', async () => ({
        files: { '../escape.rb': 'x' },
        message: 'escape',
        result: 'x',
      })),
    ).rejects.toThrow(/tap/);
    expect(commits()).toBe(before);
  });

  test('a repository that does not exist is an error naming the setting', async () => {
    await expect(
      updateRepo(options({ url: `file://${join(root, 'missing.git')}` }), 'Create it first.', async () => ({
        result: 'x',
      })),
    ).rejects.toThrow(/'tap'|tap/);
  });

  test('an ssh URL without a pinned host key is refused before git runs', async () => {
    await expect(
      updateRepo(
        options({ url: 'ssh://aur@127.0.0.1:1/acme-bin.git', auth: { sshKey: 'KEY' } }),
        'hint',
        async () => ({ result: 'x' }),
      ),
    ).rejects.toThrow(/known-hosts/);
  });
});
