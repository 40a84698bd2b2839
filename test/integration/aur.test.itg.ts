/**
 * The aur target against a real sshd (loopback, its own host key) with a git-shell account and a
 * pre-receive hook enforcing AUR's rules. Witnesses: the bare repository's log and files,
 * `makepkg --printsrcinfo` (Debian's pacman, run unprivileged) for .SRCINFO byte for byte,
 * `bash -n` and shellcheck on the PKGBUILD, vercmp for the pkgver mapping.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { parseSemVer } from '@deploy-actions/version';
import type { BinaryRelease, PublishContext } from '@deploy-actions/targets';
import { publish, rollback } from '../../packages/targets/src/aur/publish.js';
import { pkgverOf } from '../../packages/targets/src/aur/pkgbuild.js';
import { AUR_PRE_RECEIVE, startGitSshd, type GitSshd } from '../harness/sshd.js';

let host: GitSshd;
beforeAll(async () => {
  host = await startGitSshd({ hooks: { 'pre-receive': AUR_PRE_RECEIVE } });
}, 60_000);
afterAll(async () => {
  await host?.stop();
});

const SHA = (c: string) => c.repeat(64);
function release(version: string): BinaryRelease {
  const base = `https://github.com/acme/app/releases/download/v${version}`;
  return {
    target: 'gh',
    repository: 'acme/app',
    tag: `v${version}`,
    version,
    binary: 'acme',
    releaseUrl: `https://github.com/acme/app/releases/tag/v${version}`,
    repositoryUrl: 'https://github.com/acme/app',
    description: `Acme's "app" CLI`,
    license: 'MIT',
    onRelease: true,
    archives: [
      {
        platform: 'linux/amd64',
        os: 'linux',
        arch: 'amd64',
        name: `acme_${version}_linux_amd64.tar.gz`,
        format: 'tar.gz',
        url: `${base}/acme_${version}_linux_amd64.tar.gz`,
        sha256: SHA('a'),
      },
      {
        platform: 'linux/arm64',
        os: 'linux',
        arch: 'arm64',
        name: `acme_${version}_linux_arm64.tar.gz`,
        format: 'tar.gz',
        url: `${base}/acme_${version}_linux_arm64.tar.gz`,
        sha256: SHA('b'),
      },
      {
        platform: 'windows/amd64',
        os: 'windows',
        arch: 'amd64',
        name: `acme_${version}_windows_amd64.zip`,
        format: 'zip',
        url: `${base}/acme_${version}_windows_amd64.zip`,
        sha256: SHA('c'),
      },
    ],
  };
}

function context(version: string, extra: Partial<PublishContext> = {}) {
  const reporter = new MemoryReporter();
  const semver = parseSemVer(version)!;
  const ctx: PublishContext = {
    target: 'aur',
    version: { version, semver, tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace: mkdtempSync(join(tmpdir(), 'da-aur-ws-')),
    tempDir: mkdtempSync(join(tmpdir(), 'da-aur-tmp-')),
    env: {},
    reporter,
    http: new HttpClient({ retries: 0 }),
    token: host.clientKey,
    defer: () => undefined,
    binaries: async () => release(version),
    ...extra,
  };
  return { ctx, reporter };
}

const settings = (pkg: string, extra: Record<string, unknown> = {}) => ({
  package: pkg,
  registry: host.url(pkg),
  'known-hosts': host.knownHosts,
  ...extra,
});

/** makepkg --printsrcinfo for this PKGBUILD, as an unprivileged user (makepkg refuses root). */
function printSrcinfo(pkgbuild: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-makepkg-'));
  writeFileSync(join(dir, 'PKGBUILD'), pkgbuild);
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, 65534, 65534);
  const cmd = asRoot
    ? ['runuser', '-u', 'nobody', '--', 'env', `HOME=${dir}`, 'makepkg', '--printsrcinfo']
    : ['makepkg', '--printsrcinfo'];
  return execFileSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: 'utf8' });
}

const log = (repo: string) => host.git(repo, ['log', '--format=%s', 'master']).trim().split('\n');
const show = (repo: string, file: string) => host.git(repo, ['show', `master:${file}`]);

describe('aur over a real sshd', () => {
  test('pushes PKGBUILD and a .SRCINFO identical to makepkg --printsrcinfo; a rerun leaves one commit', async () => {
    host.addRepo('acme-bin');
    const { ctx } = context('1.2.3');
    const result = await publish(settings('acme-bin'), ctx);
    expect(result.status).toBe('published');
    expect(log('acme-bin')).toEqual(['Update to 1.2.3-1']);
    const pkgbuild = show('acme-bin', 'PKGBUILD');
    expect(show('acme-bin', '.SRCINFO')).toBe(printSrcinfo(pkgbuild));
    expect(pkgbuild).toContain(
      "source_x86_64=('acme-1.2.3-x86_64.tar.gz::https://github.com/acme/app/releases/download/v1.2.3/acme_1.2.3_linux_amd64.tar.gz')",
    );
    expect(pkgbuild).toContain(`sha256sums_aarch64=('${SHA('b')}')`);
    expect(pkgbuild).toContain('install -Dm755 "$srcdir/acme" "$pkgdir/usr/bin/acme"');
    const file = join(mkdtempSync(join(tmpdir(), 'da-pkgbuild-')), 'PKGBUILD');
    writeFileSync(file, pkgbuild);
    execFileSync('bash', ['-n', file]);
    execFileSync('shellcheck', [file]);

    const again = await publish(settings('acme-bin'), context('1.2.3').ctx);
    expect(again.status).toBe('skipped');
    expect(log('acme-bin')).toEqual(['Update to 1.2.3-1']);
  }, 240_000);

  test('a prerelease maps to a pkgver vercmp orders before the release; force bumps pkgrel; rollback pushes the previous PKGBUILD with pkgrel+1', async () => {
    host.addRepo('acme-pre-bin');
    await publish(settings('acme-pre-bin'), context('1.2.2').ctx);
    await publish(settings('acme-pre-bin'), context('1.3.0-rc.1').ctx);
    const info = show('acme-pre-bin', '.SRCINFO');
    expect(info).toContain('\tpkgver = 1.3.0rc.1\n');
    expect(info).toBe(printSrcinfo(show('acme-pre-bin', 'PKGBUILD')));
    for (const [lower, higher] of [
      ['1.2.3-alpha.1', '1.2.3-beta.1'],
      ['1.2.3-rc.2', '1.2.3-rc.10'],
      ['1.2.3-rc.1', '1.2.3'],
      ['1.2.3-1', '1.2.3'],
      ['1.2.3', '1.2.4-alpha'],
    ])
      expect(
        execFileSync('vercmp', [pkgverOf(parseSemVer(lower)!), pkgverOf(parseSemVer(higher)!)], {
          encoding: 'utf8',
        }).trim(),
      ).toBe('-1');

    const forced = await publish(settings('acme-pre-bin'), context('1.3.0-rc.1', { force: true }).ctx);
    expect(forced.status).toBe('published');
    expect(show('acme-pre-bin', '.SRCINFO')).toContain('\tpkgrel = 2\n');

    const { ctx } = context('1.3.0-rc.1');
    const back = await rollback(settings('acme-pre-bin'), { ...ctx, reason: 'broken' });
    expect(back.rolledBackTo).toBe('1.2.2');
    expect(log('acme-pre-bin')[0]).toBe('Roll back to 1.2.2-2: broken');
    const pkgbuild = show('acme-pre-bin', 'PKGBUILD');
    expect(pkgbuild).toMatch(/^pkgver=1\.2\.2$/m);
    expect(pkgbuild).toMatch(/^pkgrel=2$/m);
    expect(show('acme-pre-bin', '.SRCINFO')).toBe(printSrcinfo(pkgbuild));
  }, 300_000);

  test('a wrong host key is refused with a clear error and nothing is pushed', async () => {
    host.addRepo('acme-hk-bin');
    await expect(
      publish(settings('acme-hk-bin', { 'known-hosts': host.wrongKnownHosts }), context('1.2.3').ctx),
    ).rejects.toThrow(/known-hosts.*not the pinned one/);
    expect(() => log('acme-hk-bin')).toThrow();
  }, 120_000);

  test("the server's AUR rules: a pkgbase that is not the repository's name is refused", async () => {
    host.addRepo('other-bin');
    await expect(
      publish({ ...settings('acme-bin'), registry: host.url('other-bin') }, context('1.2.3').ctx),
    ).rejects.toThrow(/invalid pkgbase/);
  }, 120_000);

  test('dry run prints the files and the push, and sends nothing', async () => {
    host.addRepo('acme-dry-bin');
    const { ctx, reporter } = context('1.2.3', { dryRun: true });
    const result = await publish(settings('acme-dry-bin'), ctx);
    expect(result.status).toBe('dry-run');
    const text = reporter.lines.map((l) => l.message).join('\n');
    expect(text).toContain('would write PKGBUILD');
    expect(text).toContain('would write .SRCINFO');
    expect(text).toContain(`would clone ${host.url('acme-dry-bin')}`);
    expect(() => log('acme-dry-bin')).toThrow();
  });
});
