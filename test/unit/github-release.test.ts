/**
 * The release publisher in process against the GitHub test server: rollback, attachAssets,
 * and the failure paths that are awkward to reach through the bundle (a lost create answer,
 * a secondary rate limit, a read-only token).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { attachAssets, publish, rollback } from '@deploy-actions/targets/github-release/publish';
import type { PublishContext, RollbackContext } from '@deploy-actions/targets';
import { parseSemVer } from '@deploy-actions/version';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_publisherUnit0123456789';
let gh: GitHubServer;
let workspace: string;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN, readOnlyTokens: ['ghs_readonly000111'] });
  workspace = mkdtempSync(join(tmpdir(), 'da-ghr-unit-'));
  mkdirSync(join(workspace, 'out'));
  writeFileSync(join(workspace, 'out', 'app.flatpak'), 'flatpak bundle bytes');
  writeFileSync(join(workspace, 'out', 'app.tar.gz'), 'tarball bytes');
});
afterAll(() => gh.stop());

function context(version: string, fields: Partial<PublishContext> = {}): PublishContext {
  return {
    target: 'gh',
    version: { version, semver: parseSemVer(version)!, tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace,
    tempDir: workspace,
    env: { GITHUB_API_URL: gh.url, DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '5' },
    reporter: new MemoryReporter(),
    http: new HttpClient({ retries: 2, baseDelayMs: 5 }),
    token: TOKEN,
    defer: () => {},
    ...fields,
  };
}

function rollbackContext(fields: Partial<RollbackContext> = {}): RollbackContext {
  const { version: _version, force: _force, ...base } = context('1.0.0');
  return { ...base, ...fields };
}

describe('rollback', () => {
  test('latest goes back to the previous stable; the bad release is marked prerelease with the reason', async () => {
    const repo = 'acme/rollback';
    gh.state.seedRelease(repo, { tag: 'v1.2.9' });
    gh.state.seedRelease(repo, { tag: 'v1.1.0', makeLatest: false });
    gh.state.seedRelease(repo, { tag: 'v1.3.0-rc.1', prerelease: true, makeLatest: false });
    gh.state.seedRelease(repo, { tag: 'v1.3.0' });
    expect(gh.state.latestTag(repo)).toBe('v1.3.0');
    const dry = await rollback({ repository: repo }, rollbackContext({ dryRun: true }));
    expect(dry.rolledBackTo).toBe('1.2.9');
    expect(gh.state.latestTag(repo)).toBe('v1.3.0');
    const result = await rollback({ repository: repo }, rollbackContext({ reason: 'health gate failed' }));
    expect(result).toEqual({
      rolledBackTo: '1.2.9',
      actions: ['github-release: latest v1.3.0 -> v1.2.9', 'github-release: v1.3.0 marked prerelease'],
    });
    expect(gh.state.latestTag(repo)).toBe('v1.2.9');
    const bad = gh.state.release(repo, 'v1.3.0')!;
    expect(bad.prerelease).toBe(true);
    expect(bad.body).toContain('Rolled back to v1.2.9: health gate failed');
  });

  test('to-version and bad-version are honoured; nothing below is a clear error', async () => {
    const repo = 'acme/rollback2';
    gh.state.seedRelease(repo, { tag: 'v2.0.0' });
    gh.state.seedRelease(repo, { tag: 'v2.1.0' });
    const result = await rollback(
      { repository: repo },
      rollbackContext({ badVersion: '2.1.0', toVersion: '2.0.0' }),
    );
    expect(result.rolledBackTo).toBe('2.0.0');
    expect(gh.state.latestTag(repo)).toBe('v2.0.0');
    await expect(rollback({ repository: repo }, rollbackContext({ badVersion: '2.0.0' }))).rejects.toThrow(
      /no stable release below v2.0.0/,
    );
    await expect(rollback({ repository: repo }, rollbackContext({ badVersion: '7.0.0' }))).rejects.toThrow(
      /has no release for 7.0.0/,
    );
  });
});

describe('attachAssets (for other publishers, e.g. a flatpak bundle)', () => {
  test('creates the release if needed, attaches, merges into an existing SHA256SUMS, and is idempotent', async () => {
    const repo = 'acme/attach';
    const ctx = context('1.4.0');
    const first = await publish({ repository: repo, assets: ['out/app.tar.gz'] }, ctx);
    expect(first.status).toBe('published');
    const result = await attachAssets(repo, 'v1.4.0', [join(workspace, 'out', 'app.flatpak')], ctx);
    expect(result).toMatchObject({ status: 'published', url: `${gh.url}/${repo}/releases/tag/v1.4.0` });
    const release = gh.state.release(repo, 'v1.4.0')!;
    expect(release.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'app.flatpak', 'app.tar.gz']);
    expect(release.assets.find((a) => a.name === 'app.flatpak')!.contentType).toBe('application/vnd.flatpak');
    const sums = release.assets.find((a) => a.name === 'SHA256SUMS')!.bytes.toString();
    expect(sums).toMatch(/^[0-9a-f]{64} {2}app\.flatpak\n[0-9a-f]{64} {2}app\.tar\.gz\n$/);
    expect((await attachAssets(repo, 'v1.4.0', [join(workspace, 'out', 'app.flatpak')], ctx)).status).toBe(
      'skipped',
    );
  });

  test('a SHA256SUMS that another job replaces between our listing and our download is read again: every file stays in it', async () => {
    const repo = 'acme/attach-race';
    const ctx = context('1.5.0');
    expect((await publish({ repository: repo, assets: ['out/app.tar.gz'] }, ctx)).status).toBe('published');
    const release = gh.state.release(repo, 'v1.5.0')!;
    const theirs = Buffer.from('the other job');
    const theirSum = createHash('sha256').update(theirs).digest('hex');
    // The other job of the matrix, while our download of SHA256SUMS is on its way: it adds its
    // file and writes its merged SHA256SUMS (deleting the one we listed).
    gh.state.beforeNext({ method: 'GET', path: /\/releases\/assets\/\d+$/ }, () => {
      const old = release.assets.find((a) => a.name === 'SHA256SUMS')!;
      release.assets.splice(release.assets.indexOf(old), 1);
      gh.state.addAsset(release, 'other.bin', theirs, 'application/octet-stream');
      gh.state.addAsset(
        release,
        'SHA256SUMS',
        Buffer.from(`${old.bytes.toString().trimEnd()}\n${theirSum}  other.bin\n`),
        'text/plain',
      );
    });
    const result = await attachAssets(repo, 'v1.5.0', [join(workspace, 'out', 'app.flatpak')], ctx);
    expect(result.status).toBe('published');
    expect(gh.state.hooks).toHaveLength(0);
    const sums = gh.state.assetBytes(repo, 'v1.5.0', 'SHA256SUMS')!.toString();
    expect(sums.split('\n').map((line) => line.split('  ')[1])).toEqual([
      'app.flatpak',
      'app.tar.gz',
      'other.bin',
      undefined,
    ]);
    expect(sums).toContain(`${theirSum}  other.bin\n`);
  });

  test('no release yet: it is created (prerelease from the version), no SHA256SUMS unless asked', async () => {
    const repo = 'acme/attach2';
    const result = await attachAssets(
      repo,
      'v2.0.0-beta.1',
      [join(workspace, 'out', 'app.flatpak')],
      context('2.0.0-beta.1'),
    );
    expect(result.status).toBe('published');
    const release = gh.state.release(repo, 'v2.0.0-beta.1')!;
    expect(release.prerelease).toBe(true);
    expect(release.assets.map((a) => a.name)).toEqual(['app.flatpak']);
  });
});

describe('failure paths', () => {
  test('the create answer is lost (502 after it landed): the release is found, not created twice', async () => {
    const repo = 'acme/lost';
    gh.state.failNext({ status: 502, method: 'POST', path: `/repos/${repo}/releases`, when: 'after' });
    const result = await publish({ repository: repo, assets: ['out/app.tar.gz'] }, context('1.0.0'));
    expect(result.status).toBe('published');
    expect(gh.state.releases(repo)).toHaveLength(1);
    expect(
      gh.state
        .release(repo, 'v1.0.0')!
        .assets.map((a) => a.name)
        .sort(),
    ).toEqual(['SHA256SUMS', 'app.tar.gz']);
  });

  test('a 5xx on a read is retried; a read-only token is a RegistryError naming contents: write', async () => {
    const repo = 'acme/perm';
    gh.state.failNext({
      status: 503,
      count: 1,
      method: 'GET',
      path: `/repos/${repo}/releases/tags/`,
      retryAfter: 0,
    });
    await expect(
      publish({ repository: repo }, context('1.0.0', { token: 'ghs_readonly000111' })),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('403 Resource not accessible by integration'),
      hint: expect.stringContaining('contents: write'),
    });
    expect(gh.state.faults).toHaveLength(0);
  });

  test('retries running out is a plain failure that names the call', async () => {
    const repo = 'acme/down';
    gh.state.failNext({ status: 500, count: 10, method: 'GET', path: `/repos/${repo}/releases` });
    await expect(publish({ repository: repo }, context('1.0.0'))).rejects.toThrow(
      /GitHub: could not read the release v1.0.0 of acme\/down: HTTP 500/,
    );
    gh.state.faults.length = 0;
  });
});
