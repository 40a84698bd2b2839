/**
 * The builder on a real Go CLI (examples/acme-cli, six platforms cross-compiled from Linux)
 * through the bundles: the orchestrator in one job (build, release with the six archives and
 * SHA256SUMS, rerun skipped), the build action (reproducible: a second build, and one with a
 * cold Go cache, give the same bytes), and a platform whose source does not compile (the
 * release fails before tier 1, naming the platform with the compiler's last lines).
 * Witnesses: the GitHub test server's release, tar, unzip, sha256sum and the built binary itself.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveNames, goCache, prepareAcmeCli } from '../harness/acme-cli.js';
import { runAction } from '../harness/run-action.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_acme_cli_build_token_8e21';
const VERSION = '0.3.0';
const NAMES = archiveNames(VERSION);
/** Six cold Go builds on a busy 2-core machine take minutes (the harness's default is 2). */
const BUILD_TIMEOUT = 540_000;
let gh: GitHubServer;
/** One Go cache for the file: the standard library is compiled once per platform. */
let cache: string;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  cache = goCache();
});
afterAll(async () => {
  await gh?.stop();
  if (cache) rmSync(cache, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const env = (repository: string) => ({
  GITHUB_TOKEN: TOKEN,
  GITHUB_REPOSITORY: repository,
  ACME_GO_CACHE: cache,
});

function listTar(file: string): string[] {
  return execFileSync('tar', ['--numeric-owner', '-tvzf', file], { encoding: 'utf8' }).trim().split('\n');
}

describe('acme-cli through the orchestrator, in one job', () => {
  test('six archives and SHA256SUMS on the release; tar/unzip show the executable; sha256sum -c passes; the binary prints its version; a rerun sends nothing', async () => {
    const dir = prepareAcmeCli({ github: gh.url, repository: 'acme/acme-cli' });
    const run = await runAction('release', {
      workspace: dir,
      env: env('acme/acme-cli'),
      inputs: { version: VERSION },
      timeoutMs: BUILD_TIMEOUT,
    });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs.status).toBe('success');
    expect(JSON.parse(run.outputs.results).gh.status).toBe('published');
    // Each platform built (the command's own line, prefixed by the platform).
    for (const platform of ['linux/amd64', 'darwin/arm64', 'windows/arm64'])
      expect(run.stdout).toContain(`[${platform}] built acme`);

    const [release] = gh.state.releases('acme/acme-cli');
    expect(release.tagName).toBe(`v${VERSION}`);
    expect(release.assets.map((a) => a.name).sort()).toEqual([...NAMES, 'SHA256SUMS'].sort());

    // What a user downloads: the release's assets, checked with sha256sum -c.
    const download = mkdtempSync(join(tmpdir(), 'acme-dl-'));
    for (const name of [...NAMES, 'SHA256SUMS'])
      writeFileSync(join(download, name), gh.state.assetBytes('acme/acme-cli', `v${VERSION}`, name)!);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: download, encoding: 'utf8' })).toBe(
      NAMES.map((n) => `${n}: OK\n`).join(''),
    );

    for (const name of NAMES.filter((n) => n.endsWith('.tar.gz'))) {
      const lines = listTar(join(download, name));
      expect(lines.map((l) => l.split(/\s+/).pop())).toEqual(['LICENSE', 'README.md', 'acme']);
      expect(lines[2]).toMatch(/^-rwxr-xr-x 0\/0 +\d+ 2025-06-07 \d\d:\d\d acme$/);
      expect(lines[0]).toMatch(/^-rw-r--r-- 0\/0 /);
    }
    for (const name of NAMES.filter((n) => n.endsWith('.zip'))) {
      const info = execFileSync('unzip', ['-Z', join(download, name)], { encoding: 'utf8' });
      expect(info).toMatch(/^-rwxr-xr-x .* acme\.exe$/m);
      expect(info).toMatch(/^-rw-r--r-- .* LICENSE$/m);
      expect(info).toMatch(/3 files/);
    }

    // The linux/amd64 binary, extracted as a user would, runs and prints the released version.
    const extracted = mkdtempSync(join(tmpdir(), 'acme-x-'));
    execFileSync('tar', ['-xzf', join(download, `acme_${VERSION}_linux_amd64.tar.gz`), '-C', extracted]);
    expect(execFileSync(join(extracted, 'acme'), ['--version'], { encoding: 'utf8' })).toBe(
      `acme ${VERSION}\n`,
    );
    // The windows binaries are PE files for their machine (x86-64 0x8664, arm64 0xaa64).
    const unzipped = mkdtempSync(join(tmpdir(), 'acme-z-'));
    execFileSync('unzip', ['-q', join(download, `acme_${VERSION}_windows_arm64.zip`), '-d', unzipped]);
    const exe = readFileSync(join(unzipped, 'acme.exe'));
    expect(exe.subarray(0, 2).toString()).toBe('MZ');
    expect(exe.readUInt16LE(exe.readUInt32LE(0x3c) + 4)).toBe(0xaa64);

    // A rerun: the release is complete, nothing is built or sent again.
    const writes = gh.state.writes().length;
    const rerun = await runAction('release', {
      workspace: dir,
      env: env('acme/acme-cli'),
      inputs: { version: VERSION },
      timeoutMs: BUILD_TIMEOUT,
    });
    expect(rerun.outputs.status).toBe('success');
    expect(JSON.parse(rerun.outputs.results).gh.status).toBe('skipped');
    expect(rerun.stdout).not.toContain('built acme');
    expect(gh.state.writes().length).toBe(writes);
  }, 600_000);

  test('a platform that does not compile fails the release before tier 1: the platform, the compiler lines, nothing released', async () => {
    const dir = prepareAcmeCli({
      github: gh.url,
      repository: 'acme/broken-cli',
      // Go's file-name build constraint: only the windows/arm64 build sees this file.
      files: { 'broken_windows_arm64.go': 'package main\n\nfunc init() { notDefinedAnywhere() }\n' },
    });
    const run = await runAction('release', {
      workspace: dir,
      env: env('acme/broken-cli'),
      inputs: { version: VERSION },
      timeoutMs: BUILD_TIMEOUT,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failure');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/build for windows\/arm64 failed: the command exited with code [1-9]/);
    expect(errors[0].message).toContain('last output lines:');
    expect(errors[0].message).toMatch(/broken_windows_arm64\.go:3:\d+: undefined: notDefinedAnywhere/);
    expect(JSON.parse(run.outputs.results).gh).toMatchObject({ status: 'cancelled' });
    expect(gh.state.releases('acme/broken-cli')).toEqual([]);
  }, 600_000);
});

describe('acme-cli through the build action', () => {
  test('reproducible: a second build, and a linux/amd64 build with a cold Go cache, give the same archive bytes', async () => {
    const dir = prepareAcmeCli({ github: gh.url });
    const first = await runAction('build', {
      workspace: dir,
      env: env('acme/acme-cli'),
      inputs: {},
      timeoutMs: BUILD_TIMEOUT,
    });
    expect(first.annotations).toEqual([]);
    expect(first.outputs.version).toBe(VERSION);
    expect(first.outputs.sums).toBe('dist/SHA256SUMS');
    const archives = JSON.parse(first.outputs.archives) as {
      platform: string;
      name: string;
      sha256: string;
    }[];
    expect(archives.map((a) => a.name)).toEqual(NAMES);
    const bytes = Object.fromEntries(NAMES.map((n) => [n, sha256(readFileSync(join(dir, 'dist', n)))]));
    expect(Object.fromEntries(archives.map((a) => [a.name, a.sha256]))).toEqual(bytes);
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'dist'), encoding: 'utf8' }),
    ).toBe(NAMES.map((n) => `${n}: OK\n`).join(''));

    // The same project built again, in another checkout (another path: -trimpath keeps it out).
    const again = prepareAcmeCli({ github: gh.url });
    const second = await runAction('build', {
      workspace: again,
      env: env('acme/acme-cli'),
      inputs: {},
      timeoutMs: BUILD_TIMEOUT,
    });
    expect(second.code).toBe(0);
    expect(Object.fromEntries(NAMES.map((n) => [n, sha256(readFileSync(join(again, 'dist', n)))]))).toEqual(
      bytes,
    );
    expect(readFileSync(join(again, 'dist', 'SHA256SUMS'), 'utf8')).toBe(
      readFileSync(join(dir, 'dist', 'SHA256SUMS'), 'utf8'),
    );

    // Not only Go's cache answering: linux/amd64 compiled from nothing gives the same archive.
    const cold = goCache();
    try {
      const fresh = await runAction('build', {
        workspace: again,
        env: { ...env('acme/acme-cli'), ACME_GO_CACHE: cold },
        inputs: { platform: 'linux/amd64' },
        timeoutMs: BUILD_TIMEOUT,
      });
      expect(fresh.code).toBe(0);
      const name = `acme_${VERSION}_linux_amd64.tar.gz`;
      expect(JSON.parse(fresh.outputs.archives)).toEqual([
        expect.objectContaining({ name, sha256: bytes[name] }),
      ]);
    } finally {
      rmSync(cold, { recursive: true, force: true });
    }
  }, 600_000);
});
