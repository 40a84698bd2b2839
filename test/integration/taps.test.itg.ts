/**
 * Homebrew taps and Scoop buckets on real parts: the release's archives on the GitHub test
 * server (read by binaries/release.ts, tested here as its first user), a tap and a bucket as
 * bare repositories served by Debian's `git http-backend`, and the GitHub Contents API path.
 * The formula is checked by Debian's ruby (`ruby -c`, and loaded under a recording stand-in of
 * Homebrew's DSL); the Scoop manifest against the rules of Scoop's schema.json (ajv), and
 * every URL it names is downloaded and hashed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { parseSemVer } from '@deploy-actions/version';
import { resolveBinaries, type PlannedBinaries } from '@deploy-actions/targets/binaries/release';
import * as brew from '@deploy-actions/targets/homebrew/publish';
import * as scoop from '@deploy-actions/targets/scoop/publish';
import { createClient as brewClient } from '@deploy-actions/targets/homebrew/client';
import type { PublishContext, RollbackContext } from '@deploy-actions/targets';
import { tarGz, zip } from '../../packages/release/src/build-archive.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { startGitHttpServer, type GitHttpServer } from '../servers/git-http.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'taps');
const PLATFORMS = [
  'darwin/amd64',
  'darwin/arm64',
  'linux/amd64',
  'linux/arm64',
  'windows/amd64',
  'windows/arm64',
];
const http = new HttpClient({ retries: 1, baseDelayMs: 10 });
let gh: GitHubServer;
let git: GitHttpServer;
let work: string;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const archiveName = (version: string, platform: string) =>
  `acme_${version}_${platform.replace('/', '_')}.${platform.startsWith('windows') ? 'zip' : 'tar.gz'}`;

/** A release of acme with an archive per platform (a real tar.gz / zip of a real script) and SHA256SUMS. */
async function seedRelease(version: string, platforms = PLATFORMS, repo = 'acme/cli') {
  const assets: Record<string, Buffer> = {};
  for (const p of platforms) {
    const windows = p.startsWith('windows');
    const entry = {
      name: windows ? 'acme.exe' : 'acme',
      data: Buffer.from(`#!/bin/sh\necho acme ${version} ${p}\n`),
      executable: true,
    };
    assets[archiveName(version, p)] = windows
      ? await zip([entry], 1700000000)
      : await tarGz([entry], 1700000000);
  }
  const sums = Object.entries(assets)
    .map(([n, b]) => `${sha(b)}  ${n}\n`)
    .join('');
  gh.state.seedRelease(repo, { tag: `v${version}`, assets: { ...assets, SHA256SUMS: sums } });
  return assets;
}

function plan(version: string, platforms = PLATFORMS, dryRun = false): PlannedBinaries {
  return {
    target: 'gh',
    repository: 'acme/cli',
    registry: gh.url,
    token: 'ghs_write',
    tag: `v${version}`,
    version,
    binary: 'acme',
    archives: platforms.map((p) => {
      const [os, arch] = p.split('/');
      return { platform: p, os, arch, name: archiveName(version, p) };
    }),
    dryRun,
  };
}

function context(
  version: string,
  extra: Partial<PublishContext> & { env?: NodeJS.ProcessEnv } = {},
): PublishContext & { reporter: MemoryReporter } {
  const reporter = new MemoryReporter();
  const env = extra.env ?? {};
  return {
    target: 'brew',
    version: { version, semver: parseSemVer(version), tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace: work,
    tempDir: mkdtempSync(join(work, 'tmp-')),
    env,
    http,
    token: 'ghs_write',
    defer: () => undefined,
    binaries: () => resolveBinaries(plan(version, undefined, extra.dryRun ?? false), { http, reporter, env }),
    ...extra,
    reporter,
  } as PublishContext & { reporter: MemoryReporter };
}

/** The file at the head of a bare repository served by git http-backend, and its commit count. */
function bareFile(repo: string, path: string): { text?: string; commits: number } {
  const dir = join(git.root, `${repo}.git`);
  let text: string | undefined;
  try {
    text = execFileSync('git', ['-C', dir, 'show', `main:${path}`], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    text = undefined;
  }
  let commits = 0;
  try {
    commits = Number(
      execFileSync('git', ['-C', dir, 'rev-list', '--count', 'main'], {
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim(),
    );
  } catch {
    commits = 0;
  }
  return { text, commits };
}

/** Loads the formula under the recording DSL: per platform what brew would see. */
function brewSees(formula: string): Record<
  string,
  {
    class: string;
    url: string;
    sha256: string;
    version: string;
    desc: string;
    bin_installed: string[];
    test_ran: string[][];
  }
> {
  const file = join(work, `formula-${Date.now()}-${Math.random()}.rb`);
  writeFileSync(file, formula);
  execFileSync('ruby', ['-c', file], { stdio: 'pipe' });
  return JSON.parse(execFileSync('ruby', [join(FIXTURES, 'homebrew-dsl.rb'), file], { encoding: 'utf8' }));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'da-taps-'));
  gh = await startGitHubServer({ token: 'ghs_write', readOnlyTokens: ['ghs_read'] });
  git = await startGitHttpServer({ token: 'tap_write', readOnlyTokens: ['tap_read'] });
});
afterAll(async () => {
  await gh?.stop();
  await git?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('binaries/release.ts against the GitHub test server', () => {
  test('every archive: the download URL answers with the bytes whose SHA-256 the lookup reports', async () => {
    const assets = await seedRelease('0.9.0');
    const release = await resolveBinaries(plan('0.9.0'), { http, reporter: new MemoryReporter(), env: {} });
    expect(release.onRelease).toBe(true);
    expect(release.archives.map((a) => a.platform)).toEqual(PLATFORMS);
    for (const a of release.archives) {
      const res = await http.request({ url: a.url });
      expect(res.status).toBe(200);
      expect(sha(res.body)).toBe(a.sha256);
      expect(sha(assets[a.name])).toBe(a.sha256);
      expect(a.format).toBe(a.os === 'windows' ? 'zip' : 'tar.gz');
    }
    // The archives hold the binary with its executable bit.
    const tgz = join(work, 'a.tar.gz');
    writeFileSync(tgz, assets[archiveName('0.9.0', 'linux/amd64')]);
    expect(execFileSync('tar', ['-tvzf', tgz], { encoding: 'utf8' })).toMatch(/^-rwxr-xr-x .* acme$/m);
    const zipFile = join(work, 'a.zip');
    writeFileSync(zipFile, assets[archiveName('0.9.0', 'windows/arm64')]);
    expect(execFileSync('unzip', ['-Z', zipFile], { encoding: 'utf8' })).toMatch(
      /^-rwxr-xr-x .* acme\.exe$/m,
    );
  });

  test('a platform without its archive is an error naming it; a dry run before the release predicts the URLs', async () => {
    await seedRelease(
      '0.9.1',
      PLATFORMS.filter((p) => p !== 'windows/arm64'),
    );
    await expect(
      resolveBinaries(plan('0.9.1'), { http, reporter: new MemoryReporter(), env: {} }),
    ).rejects.toThrow(/no archive for windows\/arm64 \(acme_0\.9\.1_windows_arm64\.zip\)/);
    const dry = await resolveBinaries(plan('0.9.9', undefined, true), {
      http,
      reporter: new MemoryReporter(),
      env: {},
    });
    expect(dry.onRelease).toBe(false);
    expect(dry.archives[0].url).toBe(
      `${gh.url}/acme/cli/releases/download/v0.9.9/acme_0.9.9_darwin_amd64.tar.gz`,
    );
    await expect(
      resolveBinaries(plan('0.9.9'), { http, reporter: new MemoryReporter(), env: {} }),
    ).rejects.toThrow(/no published release v0\.9\.9/);
  });
});

describe('homebrew', () => {
  test('through git http-backend: formula written once, valid Ruby, each platform its URL and SHA-256; rerun, hotfix, force, rollback', async () => {
    const url = git.createRepo('acme/homebrew-tap');
    const settings = {
      registry: url,
      tap: 'acme/homebrew-tap',
      license: 'MIT',
      description: 'Acme does "things" #{x}',
    };
    const assets = await seedRelease('1.0.0');
    const first = await brew.publish(settings, context('1.0.0', { token: 'tap_write' }));
    expect(first.status).toBe('published');
    const head = bareFile('acme/homebrew-tap', 'Formula/acme.rb');
    expect(head.commits).toBe(1);
    const seen = brewSees(head.text!);
    for (const p of ['darwin/amd64', 'darwin/arm64', 'linux/amd64', 'linux/arm64']) {
      expect(seen[p].class).toBe('Acme');
      expect(seen[p].version).toBe('1.0.0');
      expect(seen[p].desc).toBe('Acme does "things" #{x}');
      expect(seen[p].url).toBe(`${gh.url}/acme/cli/releases/download/v1.0.0/${archiveName('1.0.0', p)}`);
      expect(seen[p].sha256).toBe(sha(assets[archiveName('1.0.0', p)]));
      expect(seen[p].bin_installed).toEqual(['acme']);
      expect(seen[p].test_ran).toEqual([['/prefix/bin/acme', '--version']]);
    }

    // A rerun sends no commit.
    expect((await brew.publish(settings, context('1.0.0', { token: 'tap_write' }))).status).toBe('skipped');
    expect(bareFile('acme/homebrew-tap', 'Formula/acme.rb').commits).toBe(1);

    await seedRelease('1.1.0');
    expect((await brew.publish(settings, context('1.1.0', { token: 'tap_write' }))).status).toBe('published');
    // A hotfix on the older line leaves the newer formula, force or not.
    await seedRelease('1.0.1');
    for (const force of [false, true]) {
      const hotfix = await brew.publish(settings, context('1.0.1', { token: 'tap_write', force }));
      expect(hotfix.status).toBe('skipped');
      expect(hotfix.notes?.join()).toMatch(/1\.1\.0, newer than 1\.0\.1/);
    }
    expect(brewSees(bareFile('acme/homebrew-tap', 'Formula/acme.rb').text!)['linux/arm64'].version).toBe(
      '1.1.0',
    );
    expect(bareFile('acme/homebrew-tap', 'Formula/acme.rb').commits).toBe(2);

    // Force rewrites the same version when the formula differs.
    const forced = await brew.publish(
      { ...settings, description: 'Acme, rewritten' },
      context('1.1.0', { token: 'tap_write', force: true }),
    );
    expect(forced.status).toBe('published');
    expect(brewSees(bareFile('acme/homebrew-tap', 'Formula/acme.rb').text!)['darwin/arm64'].desc).toBe(
      'Acme, rewritten',
    );
    expect(bareFile('acme/homebrew-tap', 'Formula/acme.rb').commits).toBe(3);

    // Rollback restores 1.0.0's formula in a new commit.
    const rb = await brew.rollback!({ ...settings, formula: 'acme' }, {
      ...context('1.1.0', { token: 'tap_write' }),
      reason: 'broken',
    } as RollbackContext);
    expect(rb.rolledBackTo).toBe('1.0.0');
    const after = bareFile('acme/homebrew-tap', 'Formula/acme.rb');
    expect(after.commits).toBe(4);
    expect(after.text).toBe(head.text);

    // The registry view agrees.
    const client = brewClient('acme', { http, token: 'tap_write', target: { gitUrl: url }, env: {} });
    expect(await client.exists('1.0.0')).toBe(true);
    expect(await client.exists('1.1.0')).toBe(false);
  });

  test('a read-only token is refused on push with the token named; a tap that is not there is named', async () => {
    const url = git.createRepo('acme/homebrew-ro');
    await seedRelease('2.0.0');
    await expect(
      brew.publish(
        { registry: url },
        context('2.0.0', { token: 'tap_read', env: { HOMEBREW_TAP_TOKEN: 'tap_read' } }),
      ),
    ).rejects.toThrow(/push was refused/);
    expect(bareFile('acme/homebrew-ro', 'Formula/acme.rb').commits).toBe(0);
    await expect(
      brew.publish({ registry: `${git.url}/acme/nothing.git` }, context('2.0.0', { token: 'tap_write' })),
    ).rejects.toThrow(/not found/);
  });

  test('through the Contents API: one commit, rerun skipped, 403 with only GITHUB_TOKEN says so, rollback from history', async () => {
    await seedRelease('3.0.0');
    const settings = { tap: 'acme/homebrew-api', registry: gh.url };
    expect((await brew.publish(settings, context('3.0.0'))).status).toBe('published');
    const file = () => gh.state.file('acme/homebrew-api', 'main', 'Formula/acme.rb')?.toString('utf8');
    expect(brewSees(file()!)['darwin/amd64'].version).toBe('3.0.0');
    const commits = () => gh.state.repo('acme/homebrew-api').commits.size;
    const before = commits();
    expect((await brew.publish(settings, context('3.0.0'))).status).toBe('skipped');
    expect(commits()).toBe(before);

    await seedRelease('3.1.0');
    await expect(
      brew.publish(settings, context('3.1.0', { token: 'ghs_read', env: { GITHUB_TOKEN: 'ghs_read' } })),
    ).rejects.toMatchObject({
      hint: expect.stringMatching(
        /Only GITHUB_TOKEN was available, and GITHUB_TOKEN cannot write to another repository.*HOMEBREW_TAP_TOKEN/,
      ),
    });
    // A writer that raced us: the stale sha gets 409 and we read again.
    gh.state.beforeNext({ method: 'PUT', path: /contents/ }, () =>
      gh.state.setFile('acme/homebrew-api', 'main', 'README.md', 'racing'),
    );
    gh.state.beforeNext({ method: 'PUT', path: /contents/ }, () =>
      gh.state.setFile(
        'acme/homebrew-api',
        'main',
        'Formula/acme.rb',
        file()!.replace('3.0.0', '3.0.0') + '# touched\n',
      ),
    );
    expect((await brew.publish(settings, context('3.1.0'))).status).toBe('published');
    expect(brewSees(file()!)['linux/amd64'].version).toBe('3.1.0');

    const rb = await brew.rollback!(
      { ...settings, formula: 'acme' },
      context('3.1.0') as unknown as RollbackContext,
    );
    expect(rb.rolledBackTo).toBe('3.0.0');
    expect(brewSees(file()!)['linux/amd64'].version).toBe('3.0.0');

    // A tap that does not exist (strict server): named, with the token hint.
    const strict = await startGitHubServer({ token: 'ghs_write', repos: ['acme/cli'] });
    try {
      await expect(
        brew.publish({ tap: 'acme/homebrew-missing', registry: strict.url }, context('3.1.0')),
      ).rejects.toThrow(/acme\/homebrew-missing was not found/);
    } finally {
      await strict.stop();
    }
  });
});

describe('scoop', () => {
  const ajv = new Ajv({ allErrors: true });
  const valid = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'scoop-manifest.schema.json'), 'utf8')));

  async function checkManifest(
    text: string,
    version: string,
    assets: Record<string, Buffer>,
    arches: string[],
  ) {
    const manifest = JSON.parse(text);
    expect(valid(manifest) ? [] : valid.errors).toEqual([]);
    expect(manifest.version).toBe(version);
    expect(Object.keys(manifest.architecture).sort()).toEqual(arches.sort());
    for (const arch of Object.values(manifest.architecture) as { url: string; hash: string; bin: string }[]) {
      const res = await http.request({ url: arch.url });
      expect(res.status).toBe(200);
      expect(sha(res.body)).toBe(arch.hash);
      expect(Object.values(assets).some((b) => sha(b) === arch.hash)).toBe(true);
      expect(arch.bin).toBe('acme.exe');
    }
    expect(manifest.checkver).toEqual({ github: `${gh.url}/acme/cli` });
    expect(manifest.autoupdate.architecture['64bit'].url).toBe(
      `${gh.url}/acme/cli/releases/download/v$version/acme_$version_windows_amd64.zip`,
    );
  }

  test('through git http-backend: bucket/ layout, schema rules, URLs answer with their hash; rerun, hotfix, force, rollback', async () => {
    const url = git.createRepo('acme/scoop-bucket');
    const settings = { registry: url, license: 'Apache-2.0' };
    const assets = await seedRelease('4.0.0', [...PLATFORMS, 'windows/386']);
    const p = plan('4.0.0', [...PLATFORMS, 'windows/386']);
    const ctx = {
      ...context('4.0.0', { token: 'tap_write' }),
      binaries: () => resolveBinaries(p, { http, reporter: new MemoryReporter(), env: {} }),
    };
    expect((await scoop.publish(settings, ctx)).status).toBe('published');
    const head = bareFile('acme/scoop-bucket', 'bucket/acme.json');
    await checkManifest(head.text!, '4.0.0', assets, ['64bit', 'arm64', '32bit']);
    expect(head.commits).toBe(1);
    expect((await scoop.publish(settings, ctx)).status).toBe('skipped');
    expect(bareFile('acme/scoop-bucket', 'bucket/acme.json').commits).toBe(1);

    const assets41 = await seedRelease('4.1.0');
    expect((await scoop.publish(settings, context('4.1.0', { token: 'tap_write' }))).status).toBe(
      'published',
    );
    await checkManifest(bareFile('acme/scoop-bucket', 'bucket/acme.json').text!, '4.1.0', assets41, [
      '64bit',
      'arm64',
    ]);
    await seedRelease('4.0.1');
    expect((await scoop.publish(settings, context('4.0.1', { token: 'tap_write' }))).status).toBe('skipped');
    expect(JSON.parse(bareFile('acme/scoop-bucket', 'bucket/acme.json').text!).version).toBe('4.1.0');
    expect(
      (
        await scoop.publish(
          { ...settings, description: 'forced' },
          context('4.1.0', { token: 'tap_write', force: true }),
        )
      ).status,
    ).toBe('published');
    expect(JSON.parse(bareFile('acme/scoop-bucket', 'bucket/acme.json').text!).description).toBe('forced');
    const rb = await scoop.rollback!(
      { ...settings, app: 'acme' },
      context('4.1.0', { token: 'tap_write' }) as unknown as RollbackContext,
    );
    expect(rb.rolledBackTo).toBe('4.0.0');
    expect(bareFile('acme/scoop-bucket', 'bucket/acme.json').text).toBe(head.text);
    expect(bareFile('acme/scoop-bucket', 'bucket/acme.json').commits).toBe(4); // 4.0.0, 4.1.0, force, rollback
  });

  test('a bucket that keeps manifests at its root gets <app>.json there (Contents API)', async () => {
    gh.state.setFile('acme/scoop-root', 'main', 'other.json', '{"version":"1.0"}');
    await seedRelease('5.0.0');
    const settings = { bucket: 'acme/scoop-root', registry: gh.url };
    gh.state.setFile('acme/scoop-root', 'main', 'acme.json', '{"version":"0.1.0"}');
    expect((await scoop.publish(settings, context('5.0.0'))).status).toBe('published');
    const text = gh.state.file('acme/scoop-root', 'main', 'acme.json')!.toString('utf8');
    expect(JSON.parse(text).version).toBe('5.0.0');
    expect(gh.state.file('acme/scoop-root', 'main', 'bucket/acme.json')).toBeUndefined();
  });

  test('a release without the Windows arm64 archive fails naming it, and nothing is written', async () => {
    await seedRelease(
      '6.0.0',
      PLATFORMS.filter((p) => p !== 'windows/arm64'),
    );
    await expect(
      scoop.publish({ bucket: 'acme/scoop-six', registry: gh.url }, context('6.0.0')),
    ).rejects.toThrow(/windows\/arm64/);
    expect(gh.state.file('acme/scoop-six', 'main', 'bucket/acme.json')).toBeUndefined();
  });
});
