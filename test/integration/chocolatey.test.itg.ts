/**
 * The Chocolatey publisher against a NuGet v2 test feed: the .nupkg is a valid zip (`unzip -t`)
 * in NuGet's OPC layout whose nuspec validates with `xmllint --schema` against the nuspec rules
 * (test/fixtures/chocolatey/nuspec.xsd); the push is a multipart PUT with X-NuGet-ApiKey; 409
 * is "already submitted" (skipped, never retried); moderation is a notice; a bad key is one
 * clear error. Debian's mono `nuget` 2.8.7 hangs here before sending a request, so the feed is
 * checked by its protocol (entry, content src, PackageHash).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { userMessage } from '@deploy-actions/action-kit/errors';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { parseSemVer } from '@deploy-actions/version';
import type { BinaryRelease, PublishContext } from '@deploy-actions/targets';
import { publish, rollback } from '@deploy-actions/targets/chocolatey/publish';
import { createClient } from '@deploy-actions/targets/chocolatey/client';
import { chocolateyVersion } from '@deploy-actions/targets/chocolatey/version';
import { startNugetServer, type NugetServer } from '../servers/nuget.js';

const KEY = 'choco-key-0f3a9c';
const http = new HttpClient({ retries: 2, baseDelayMs: 5 });
let feed: NugetServer;
let moderated: NugetServer;
let work: string;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
function release(
  version: string,
  platforms = ['windows/amd64', 'windows/arm64', 'linux/amd64'],
): BinaryRelease {
  return {
    target: 'gh',
    repository: 'acme/app',
    tag: `v${version}`,
    version,
    binary: 'acme',
    archives: platforms.map((platform) => {
      const [os, arch] = platform.split('/');
      const name = `acme_${version}_${os}_${arch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
      const url = `https://github.com/acme/app/releases/download/v${version}/${name}`;
      return {
        platform,
        os,
        arch,
        name,
        format: os === 'windows' ? 'zip' : 'tar.gz',
        url,
        sha256: sha(name),
      };
    }),
    releaseUrl: `https://github.com/acme/app/releases/tag/v${version}`,
    repositoryUrl: 'https://github.com/acme/app',
    description: 'The acme command line & <friends>.',
    license: 'MIT',
    onRelease: true,
  };
}

function context(version: string, overrides: Partial<PublishContext> = {}) {
  const reporter = new MemoryReporter();
  const ctx: PublishContext = {
    target: 'choco',
    version: { version, semver: parseSemVer(version), tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace: work,
    tempDir: work,
    env: {},
    reporter,
    http,
    token: KEY,
    defer: () => undefined,
    binaries: async () => release(version),
    ...overrides,
  };
  return { ctx, reporter };
}

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return userMessage(error);
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  feed = await startNugetServer({ keys: { [KEY]: ['*'], 'other-key': ['someone-else'] } });
  moderated = await startNugetServer({ keys: { [KEY]: ['*'] }, moderation: true });
  work = mkdtempSync(join(tmpdir(), 'da-choco-'));
});

afterAll(async () => {
  await feed.stop();
  await moderated.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('chocolatey version mapping (NuGet SemVer 1)', () => {
  test.each([
    ['1.2.3', '1.2.3'],
    ['1.2.3-rc.1', '1.2.3-rc1'],
    ['1.2.3-beta', '1.2.3-beta'],
    ['1.2.3-alpha.beta.2', '1.2.3-alphabeta2'],
    ['1.2.3-pre-release.1', '1.2.3-prerelease1'],
    ['1.2.3+build.5', '1.2.3'],
    ['2.0.0-rc.1+sha.abc', '2.0.0-rc1'],
  ])('%s -> %s', (from, to) => expect(chocolateyVersion(parseSemVer(from)!)).toBe(to));

  test.each(['1.2.3-1', '1.2.3-0.rc', '1.2.3-averyveryverylongprerelease.1'])(
    '%s has no Chocolatey form',
    (v) => {
      expect(() => chocolateyVersion(parseSemVer(v)!)).toThrow(/Invalid input 'version'.*SemVer 1/);
    },
  );
});

describe('chocolatey publish', () => {
  test('pushes a valid nupkg (unzip -t, xmllint against the nuspec rules) that the real nuget client installs; the rerun is skipped', async () => {
    const { ctx } = context('1.2.3-rc.1');
    const result = await publish({ id: 'acme', registry: feed.url, tags: ['cli', 'deploy'] }, ctx);
    expect(result.status).toBe('published');
    expect(result.notes).toContain("published as 1.2.3-rc1 (Chocolatey's SemVer 1 form of 1.2.3-rc.1)");
    const push = feed.requests.filter((r) => r.method === 'PUT');
    expect(push).toEqual([{ method: 'PUT', path: '/api/v2/package/', status: 201, apiKey: KEY }]);
    const stored = feed.packages[0];
    const file = join(work, 'acme.1.2.3-rc1.nupkg');
    writeFileSync(file, stored.bytes);
    expect(spawnSync('unzip', ['-t', file], { encoding: 'utf8' }).status).toBe(0);
    const entries = unzipSync(new Uint8Array(stored.bytes));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'acme.nuspec',
        'tools/chocolateyinstall.ps1',
      ]),
    );
    expect(
      names.some((n) => /^package\/services\/metadata\/core-properties\/[0-9a-f]{32}\.psmdcp$/.test(n)),
    ).toBe(true);
    const nuspecPath = join(work, 'acme.nuspec');
    writeFileSync(nuspecPath, entries['acme.nuspec']);
    const lint = spawnSync(
      'xmllint',
      ['--noout', '--schema', 'test/fixtures/chocolatey/nuspec.xsd', nuspecPath],
      { encoding: 'utf8' },
    );
    expect({ status: lint.status, stderr: lint.stderr }).toEqual({
      status: 0,
      stderr: `${nuspecPath} validates\n`,
    });
    const nuspec = Buffer.from(entries['acme.nuspec']).toString('utf8');
    expect(nuspec).toContain('<description>The acme command line &amp; &lt;friends&gt;.</description>');
    expect(nuspec).toContain('<packageSourceUrl>https://github.com/acme/app</packageSourceUrl>');
    const script = Buffer.from(entries['tools/chocolateyinstall.ps1']).toString('utf8');
    expect(script).toContain(
      `url64bit       = 'https://github.com/acme/app/releases/download/v1.2.3-rc.1/acme_1.2.3-rc.1_windows_amd64.zip'`,
    );
    expect(script).toContain(`checksum64     = '${sha('acme_1.2.3-rc.1_windows_amd64.zip')}'`);
    expect(script).toContain("checksumType64 = 'sha256'");
    expect(script).toContain('Install-ChocolateyZipPackage @packageArgs');

    const client = createClient('acme', { http, registry: feed.url });
    expect(await client.exists('1.2.3-rc.1')).toBe(true);
    expect(await client.exists('1.2.4')).toBe(false);
    expect(await client.versions()).toEqual(['1.2.3-rc1']);

    // What a NuGet v2 client reads: the entry's content src serves the bytes whose SHA-512 is its PackageHash.
    // (Debian's mono nuget 2.8.7 hangs here before sending any request; see the README.)
    const entry = (
      await http.request({ url: `${feed.url}/api/v2/Packages(Id='acme',Version='1.2.3-rc1')` })
    ).text();
    const src = /<content type="application\/zip" src="([^"]+)"/.exec(entry)![1];
    const downloaded = (await http.request({ url: src })).body;
    expect(downloaded.equals(stored.bytes)).toBe(true);
    expect(entry).toContain(
      `<d:PackageHash>${createHash('sha512').update(downloaded).digest('base64')}</d:PackageHash>`,
    );

    const again = await publish({ id: 'acme', registry: feed.url }, context('1.2.3-rc.1').ctx);
    expect(again.status).toBe('skipped');
    expect(feed.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  test('a 409 on push is "already submitted": skipped with the reason, never retried', async () => {
    const { ctx } = context('2.0.0');
    // Another run pushed it between our look-up and our push: the look-up says absent, the push 409.
    await publish({ id: 'raced', registry: feed.url }, context('2.0.0').ctx);
    const original = feed.packages.find((p) => p.id === 'raced')!;
    feed.packages.splice(feed.packages.indexOf(original), 1);
    const lookups = feed.requests.length;
    feed.packages.push({ ...original });
    const hidden = feed.packages.pop()!;
    const realFind = ctx.http.request.bind(ctx.http);
    let first = true;
    ctx.http = Object.assign(Object.create(ctx.http), {
      request: async (req: Parameters<HttpClient['request']>[0]) => {
        if (first && String(req.url).includes('Packages(')) {
          first = false;
          const res = await realFind(req);
          feed.packages.push(hidden);
          return res;
        }
        return realFind(req);
      },
    }) as HttpClient;
    const result = await publish({ id: 'raced', registry: feed.url }, ctx);
    expect(result.status).toBe('skipped');
    expect(result.notes?.[0]).toMatch(/answered 409: raced 2.0.0 was already submitted/);
    expect(
      feed.requests
        .slice(lookups)
        .filter((r) => r.method === 'PUT')
        .map((r) => r.status),
    ).toEqual([409]);
  });

  test('moderation: the push is published with a notice, the rerun skipped with a notice, never a failure', async () => {
    const { ctx, reporter } = context('1.0.0');
    const result = await publish({ id: 'acme', registry: moderated.url }, ctx);
    expect(result.status).toBe('published');
    expect(result.notes?.join('\n')).toMatch(/awaiting moderation/);
    expect(reporter.lines.filter((l) => l.level === 'notice').map((l) => l.message)).toEqual([
      expect.stringMatching(/acme 1.0.0: awaiting moderation/),
    ]);
    const rerun = context('1.0.0');
    expect((await publish({ id: 'acme', registry: moderated.url }, rerun.ctx)).status).toBe('skipped');
    expect(
      rerun.reporter.lines.some((l) => l.level === 'notice' && /awaiting moderation/.test(l.message)),
    ).toBe(true);
    expect(moderated.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  test('a bad API key (403) is one clear error naming CHOCOLATEY_API_KEY; the key is never in it', async () => {
    const { ctx } = context('3.0.0', { token: 'not-a-key-9f9f' });
    const message = await failure(publish({ id: 'acme', registry: feed.url }, ctx));
    expect(message).toMatch(/refused the API key.*HTTP 403.*Check CHOCOLATEY_API_KEY/s);
    expect(message).not.toContain('not-a-key-9f9f');
    const scoped = await failure(
      publish({ id: 'acme', registry: feed.url }, context('3.0.0', { token: 'other-key' }).ctx),
    );
    expect(scoped).toMatch(/HTTP 403/);
  });

  test('dry run, force, no Windows archive, bad ids and rollback', async () => {
    const { ctx } = context('4.0.0', { dryRun: true, token: undefined });
    const puts = feed.requests.filter((r) => r.method === 'PUT').length;
    const dry = await publish({ id: 'acme', registry: feed.url }, ctx);
    expect(dry.status).toBe('dry-run');
    expect(dry.notes?.[0]).toMatch(
      /would build acme\.4\.0\.0\.nupkg .*acme\.nuspec, tools\/chocolateyinstall\.ps1/,
    );
    expect(feed.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts);
    expect(
      await failure(publish({ id: 'acme', registry: feed.url }, context('1.2.3-rc.1', { force: true }).ctx)),
    ).toMatch(/never takes a version twice/);
    expect(
      await failure(
        publish(
          { id: 'acme', registry: feed.url },
          context('5.0.0', { binaries: async () => release('5.0.0', ['windows/arm64', 'linux/amd64']) }).ctx,
        ),
      ),
    ).toMatch(/Invalid input 'release'.*no windows\/amd64/s);
    for (const id of ['acme tool', '../acme', 'acme$(id)', '-acme'])
      expect(await failure(publish({ id, registry: feed.url }, context('5.0.0').ctx))).toMatch(
        /Invalid input 'id'/,
      );
    expect(await failure(publish({ id: 'acme', registry: feed.url }, context('5.0.0-1').ctx))).toMatch(
      /Invalid input 'version'/,
    );
    expect(await failure(rollback({ id: 'acme' }, { ...context('1.0.0').ctx }))).toMatch(
      /cannot be rolled back/,
    );
    expect(feed.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts);
  });
});
