/**
 * The test registry, checked by the real client: cargo publishes to it (with and without
 * verification), yanks from it, and a consumer crate resolves and downloads from it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { createClient } from '@deploy-actions/targets/crates/client';
import { framePublishBody, startCratesServer, type CratesServer } from '../servers/crates.js';
import {
  cargo,
  copyCrateFixture,
  lockedVersions,
  makeCargoHome,
  makeConsumer,
} from '../servers/crates-cargo.js';

const TOKEN = 'cio_test_token_0123456789';
let server: CratesServer;
let work: string;
let home: string;
const tokenEnv = { CARGO_REGISTRIES_LOCAL_TOKEN: TOKEN };

beforeAll(async () => {
  server = await startCratesServer({ token: TOKEN });
  work = mkdtempSync(join(tmpdir(), 'da-crates-server-'));
  home = makeCargoHome(server.indexUrl);
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('the crates test server, driven by real cargo', () => {
  test('cargo publish --no-verify uploads; the index and the download serve it to a consumer', async () => {
    const crate = copyCrateFixture('single', join(work, 'v1'), '1.0.0');
    const run = await cargo(['publish', '--registry', 'local', '--allow-dirty', '--no-verify'], {
      cwd: crate,
      home,
      env: tokenEnv,
    });
    expect(run.stderr).toContain('Uploaded da-hello v1.0.0');
    expect(run.code).toBe(0);
    expect(server.uploads).toEqual(['da-hello@1.0.0']);
    const put = server.requests.find((r) => r.method === 'PUT');
    // cargo sends the token as-is, without a scheme.
    expect(put?.authorization).toBe(TOKEN);
    expect(server.entries('da-hello')[0]).toMatchObject({ name: 'da-hello', vers: '1.0.0', yanked: false });

    const consumer = makeConsumer(join(work, 'consumer'), 'da-hello', '1.0.0');
    const freshHome = makeCargoHome(server.indexUrl);
    const fetched = await cargo(['fetch'], { cwd: consumer, home: freshHome });
    expect(fetched.stderr).toContain('da-hello v1.0.0');
    expect(fetched.code).toBe(0);
    expect(lockedVersions(consumer, 'da-hello')).toEqual(['1.0.0']);
    expect(
      server.requests.some((r) => r.path === '/api/v1/crates/da-hello/1.0.0/download' && r.status === 200),
    ).toBe(true);
    rmSync(freshHome, { recursive: true, force: true });
  });

  test('cargo publish with verification builds the packaged crate, then uploads', async () => {
    const crate = copyCrateFixture('single', join(work, 'v2'), '1.1.0');
    const run = await cargo(['publish', '--registry', 'local'], { cwd: crate, home, env: tokenEnv });
    expect(run.stderr).toContain('Verifying da-hello v1.1.0');
    expect(run.code).toBe(0);
    expect(server.entries('da-hello').map((e) => e.vers)).toEqual(['1.0.0', '1.1.0']);
  });

  test('a republish is refused: cargo sees it in the index; the API refuses a raw PUT as crates.io does', async () => {
    const crate = copyCrateFixture('single', join(work, 'again'), '1.0.0');
    const run = await cargo(['publish', '--registry', 'local', '--no-verify'], {
      cwd: crate,
      home,
      env: tokenEnv,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('da-hello@1.0.0 already exists');

    const body = framePublishBody(
      { name: 'da-hello', vers: '1.0.0', deps: [] },
      Buffer.from('not really a crate'),
    );
    const res = await fetch(`${server.url}/api/v1/crates/new`, {
      method: 'PUT',
      headers: { authorization: TOKEN },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { detail: string }[] }).errors[0].detail).toBe(
      'crate version `1.0.0` is already uploaded',
    );
    expect(server.uploads).toEqual(['da-hello@1.0.0', 'da-hello@1.1.0']);
  });

  test('a workspace member that depends on another is refused until that one is published, then verifies against it', async () => {
    const ws = copyCrateFixture('workspace', join(work, 'ws'), '3.0.0');
    const early = await cargo(['publish', '--registry', 'local', '--no-verify', '-p', 'da-ws-app'], {
      cwd: ws,
      home,
      env: tokenEnv,
    });
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('no matching package named `da-ws-core`');
    for (const member of ['da-ws-core', 'da-ws-app']) {
      const run = await cargo(['publish', '--registry', 'local', '-p', member], {
        cwd: ws,
        home,
        env: tokenEnv,
      });
      expect(run.code).toBe(0);
    }
    expect(server.entries('da-ws-app')[0].deps).toEqual([
      expect.objectContaining({ name: 'da-ws-core', req: '^3.0.0', kind: 'normal', registry: null }),
    ]);
    expect(server.requests.some((r) => r.path === '/api/v1/crates/da-ws-core/3.0.0/download')).toBe(true);
  });

  test('a wrong token is refused with 403 and cargo says so', async () => {
    const crate = copyCrateFixture('single', join(work, 'bad'), '1.2.0');
    const run = await cargo(['publish', '--registry', 'local', '--no-verify'], {
      cwd: crate,
      home,
      env: { CARGO_REGISTRIES_LOCAL_TOKEN: 'wrong-token' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/403/);
    expect(run.stderr).toContain('authentication failed');
    expect(server.entries('da-hello').some((e) => e.vers === '1.2.0')).toBe(false);
  });

  test('cargo yank marks the version yanked in the index; a consumer can no longer pick it', async () => {
    const yank = await cargo(['yank', '--registry', 'local', '--version', '1.1.0', 'da-hello'], {
      cwd: work,
      home,
      env: tokenEnv,
    });
    expect(yank.code).toBe(0);
    expect(
      server.requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/crates/da-hello/1.1.0/yank'),
    ).toBe(true);
    expect(server.entries('da-hello').find((e) => e.vers === '1.1.0')?.yanked).toBe(true);

    const consumer = makeConsumer(join(work, 'consumer-yanked'), 'da-hello', '1.1.0');
    const freshHome = makeCargoHome(server.indexUrl);
    const lock = await cargo(['generate-lockfile'], { cwd: consumer, home: freshHome });
    expect(lock.code).not.toBe(0);
    expect(lock.stderr).toMatch(/yanked/);
    rmSync(freshHome, { recursive: true, force: true });

    const unyank = await cargo(['yank', '--registry', 'local', '--undo', '--version', '1.1.0', 'da-hello'], {
      cwd: work,
      home,
      env: tokenEnv,
    });
    expect(unyank.code).toBe(0);
    expect(server.entries('da-hello').find((e) => e.vers === '1.1.0')?.yanked).toBe(false);
  });

  test('an injected 500 on the upload reaches cargo as a failure and stores nothing', async () => {
    server.failNext({ count: 1, status: 500, method: 'PUT', path: /\/crates\/new$/ });
    const crate = copyCrateFixture('single', join(work, 'fault'), '1.3.0');
    const run = await cargo(['publish', '--registry', 'local', '--no-verify'], {
      cwd: crate,
      home,
      env: tokenEnv,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/500/);
    expect(server.entries('da-hello').some((e) => e.vers === '1.3.0')).toBe(false);
  });
});

describe('a private registry (auth-required), driven by real cargo and read by our client', () => {
  test('cargo sends the token for the index and downloads; our client does only when the index asks for it', async () => {
    const priv = await startCratesServer({ token: TOKEN, authRequired: true });
    const privHome = makeCargoHome(priv.indexUrl);
    try {
      const crate = copyCrateFixture('single', join(work, 'private'), '0.9.0');
      const published = await cargo(['publish', '--registry', 'local', '--no-verify'], {
        cwd: crate,
        home: privHome,
        env: tokenEnv,
      });
      expect(published.code).toBe(0);
      const indexReads = priv.requests.filter((r) => r.path === '/index/da/-h/da-hello');
      expect(indexReads.every((r) => r.authorization === TOKEN)).toBe(true);

      const consumer = makeConsumer(join(work, 'private-consumer'), 'da-hello', '0.9.0');
      const denied = await cargo(['generate-lockfile'], {
        cwd: consumer,
        home: makeCargoHome(priv.indexUrl),
      });
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toMatch(/401|token|credential/);
      const fetched = await cargo(['fetch'], {
        cwd: consumer,
        home: makeCargoHome(priv.indexUrl),
        env: tokenEnv,
      });
      expect(fetched.code).toBe(0);

      const http = new HttpClient({ retries: 0 });
      const before = priv.requests.length;
      expect(
        await createClient('da-hello', { http, registry: priv.indexUrl, token: TOKEN }).versions(),
      ).toEqual(['0.9.0']);
      // Asked without the token first, then config.json, then with it.
      expect(priv.requests.slice(before).map((r) => [r.path, r.authorization === TOKEN])).toEqual([
        ['/index/da/-h/da-hello', false],
        ['/index/config.json', false],
        ['/index/da/-h/da-hello', true],
      ]);
      await expect(createClient('da-hello', { http, registry: priv.indexUrl }).versions()).rejects.toThrow(
        /refused to show the index \(HTTP 401\)/,
      );
    } finally {
      await priv.stop();
      rmSync(privHome, { recursive: true, force: true });
    }
  });
});
