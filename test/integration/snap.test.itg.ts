/**
 * The snap target against the Snap Store test server (test/servers/snap-store.ts): the flow in
 * order, a manual-review hold as a notice, a rerun that uploads nothing, a dry run that sends
 * nothing. Each .snap is checked with unsquashfs -l and -cat meta/snap.yaml.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { pack } from 'tar-stream';
import { parse } from 'yaml';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { parseSemVer } from '@deploy-actions/version';
import type { BinaryRelease, PublishContext } from '@deploy-actions/targets';
import { publish } from '../../packages/targets/src/snap/publish.js';
import { startSnapStore, type SnapStore } from '../servers/snap-store.js';

let store: SnapStore;
beforeAll(async () => {
  store = await startSnapStore('acme');
});
afterAll(async () => {
  await store?.stop();
});

async function archive(dir: string, name: string, script: string): Promise<{ path: string; sha256: string }> {
  const p = pack();
  p.entry({ name: 'acme', mode: 0o755 }, script);
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p) chunks.push(c as Buffer);
  const bytes = gzipSync(Buffer.concat(chunks));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function context(version: string, extra: Partial<PublishContext> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'da-snap-'));
  const archives: BinaryRelease['archives'] = [];
  for (const arch of ['amd64', 'arm64']) {
    const name = `acme_${version}_linux_${arch}.tar.gz`;
    const a = await archive(dir, name, `#!/bin/sh\necho acme ${version} ${arch}\n`);
    archives.push({
      platform: `linux/${arch}`,
      os: 'linux',
      arch,
      name,
      format: 'tar.gz',
      url: `https://example.invalid/${name}`,
      ...a,
    });
  }
  const reporter = new MemoryReporter();
  const ctx: PublishContext = {
    target: 'snap',
    version: { version, semver: parseSemVer(version)!, tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace: dir,
    tempDir: mkdtempSync(join(tmpdir(), 'da-snap-tmp-')),
    env: { DEPLOY_ACTIONS_SNAP_POLL_MS: '10' },
    reporter,
    http: new HttpClient({ retries: 0 }),
    token: store.credentials,
    defer: () => undefined,
    binaries: async () => ({
      target: 'gh',
      repository: 'acme/app',
      tag: `v${version}`,
      version,
      binary: 'acme',
      archives,
      releaseUrl: '',
      repositoryUrl: 'https://github.com/acme/app',
      description: 'Acme CLI',
      onRelease: true,
    }),
    ...extra,
  };
  return { ctx, reporter };
}

const settings = { snap: 'acme', registry: '' };

describe('snap through the Snap Store protocol', () => {
  test('dry run prints snap.yaml and the requests and sends nothing', async () => {
    const { ctx, reporter } = await context('1.2.3', { dryRun: true });
    const result = await publish({ ...settings, registry: store.url }, ctx);
    expect(result.status).toBe('dry-run');
    const text = reporter.lines.map((l) => l.message).join('\n');
    expect(text).toContain('meta/snap.yaml, bin/acme');
    expect(text).toContain(`POST ${store.url}/unscanned-upload/`);
    expect(store.log).toEqual([]);
  });

  test('uploads, pushes, polls and releases each architecture in order; the .snap files are squashfs with meta/snap.yaml; a rerun uploads nothing', async () => {
    const { ctx } = await context('1.2.3');
    const result = await publish({ ...settings, registry: store.url }, ctx);
    expect(result.status).toBe('published');
    const flow = store.log.filter((l) => !l.startsWith('GET /api/v2/snaps/acme/status'));
    expect(flow).toEqual([
      'GET /v2/snaps/info/acme',
      'POST /unscanned-upload/',
      'POST /api/v2/snaps/acme/revisions',
      'POST /api/v2/snaps/acme/releases',
      'POST /unscanned-upload/',
      'POST /api/v2/snaps/acme/revisions',
      'POST /api/v2/snaps/acme/releases',
    ]);
    expect(store.channelMap.map((e) => `${e.channel} ${e.architecture} ${e.version}`).sort()).toEqual([
      'latest/stable amd64 1.2.3',
      'latest/stable arm64 1.2.3',
    ]);
    for (const [i, r] of store.revisions.entries()) {
      const file = join(mkdtempSync(join(tmpdir(), 'da-snapfile-')), 'a.snap');
      writeFileSync(file, r.file);
      const list = execFileSync('unsquashfs', ['-l', file], { encoding: 'utf8' });
      expect(list).toContain('squashfs-root/meta/snap.yaml');
      expect(list).toContain('squashfs-root/bin/acme');
      const yaml = parse(execFileSync('unsquashfs', ['-cat', file, 'meta/snap.yaml'], { encoding: 'utf8' }));
      expect(yaml).toEqual({
        name: 'acme',
        version: '1.2.3',
        summary: 'Acme CLI',
        description: 'Acme CLI',
        grade: 'stable',
        confinement: 'strict',
        base: 'core22',
        architectures: [['amd64', 'arm64'][i]],
        apps: { acme: { command: 'bin/acme' } },
      });
      expect(execFileSync('unsquashfs', ['-cat', file, 'bin/acme'], { encoding: 'utf8' })).toBe(
        `#!/bin/sh\necho acme 1.2.3 ${['amd64', 'arm64'][i]}\n`,
      );
    }
    store.log.length = 0;
    const again = await publish({ ...settings, registry: store.url }, (await context('1.2.3')).ctx);
    expect(again.status).toBe('skipped');
    expect(store.log).toEqual(['GET /v2/snaps/info/acme']);
  }, 120_000);

  test('a prerelease held for manual review is a notice, goes to beta (devel grade), and is not released', async () => {
    store.log.length = 0;
    store.holdNext = true;
    const { ctx, reporter } = await context('1.3.0-rc.1');
    const result = await publish({ ...settings, registry: store.url, channels: ['stable'] }, ctx);
    expect(result.status).toBe('published');
    expect(
      reporter.lines
        .filter((l) => l.level === 'notice')
        .map((l) => l.message)
        .join('\n'),
    ).toMatch(/held for manual review/);
    expect(
      store.channelMap.filter((e) => e.version === '1.3.0-rc.1').map((e) => `${e.channel} ${e.architecture}`),
    ).toEqual(['latest/beta arm64']);
  }, 120_000);

  test('wrong credentials are refused by the store (401) with what to do', async () => {
    const bad = Buffer.from(
      JSON.stringify({
        t: 'u1-macaroon',
        v: {
          r: JSON.parse(Buffer.from(store.credentials, 'base64').toString()).v.d,
          d: JSON.parse(Buffer.from(store.credentials, 'base64').toString()).v.d,
        },
      }),
    ).toString('base64');
    const { ctx } = await context('1.4.0', { token: bad });
    await expect(publish({ ...settings, registry: store.url }, ctx)).rejects.toThrow(
      /HTTP 401.*|export-login/,
    );
  }, 120_000);
});
