/**
 * The crates registry client and the rollback, in process, against the test registry: the
 * client reads what cargo published; rollback runs the real `cargo yank`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient, USER_AGENT } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { createClient } from '@deploy-actions/targets/crates/client';
import { rollback } from '@deploy-actions/targets/crates/publish';
import type { RollbackContext } from '@deploy-actions/targets';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import { cargo, copyCrateFixture, makeCargoHome } from '../servers/crates-cargo.js';

const TOKEN = 'cio_rollback_token_77aa';
let server: CratesServer;
let work: string;
const http = new HttpClient({ retries: 1, baseDelayMs: 10 });

beforeAll(async () => {
  server = await startCratesServer({ token: TOKEN });
  work = mkdtempSync(join(tmpdir(), 'da-crates-rollback-'));
  // Three real releases, published by cargo itself.
  const home = makeCargoHome(server.indexUrl);
  for (const version of ['1.0.0', '1.1.0', '2.0.0-rc.1']) {
    const crate = copyCrateFixture('single', join(work, version), version);
    const run = await cargo(['publish', '--registry', 'local', '--no-verify'], {
      cwd: crate,
      home,
      env: { CARGO_REGISTRIES_LOCAL_TOKEN: TOKEN },
    });
    expect(run.code).toBe(0);
  }
  rmSync(home, { recursive: true, force: true });
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

function rollbackContext(overrides: Partial<RollbackContext> = {}): RollbackContext {
  return {
    target: 'crates',
    dryRun: false,
    workspace: join(work, '1.1.0'),
    tempDir: mkdtempSync(join(work, 'temp-')),
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    reporter: new MemoryReporter(),
    http,
    token: TOKEN,
    defer: () => undefined,
    ...overrides,
  };
}

const settings = () => ({ registry: server.indexUrl, 'registry-name': 'local' });

describe('the crates registry client', () => {
  test('reads versions from the sparse index, with a User-Agent; an unknown crate has none', async () => {
    const client = createClient('da-hello', { http, registry: server.indexUrl });
    expect(await client.versions()).toEqual(['1.0.0', '1.1.0', '2.0.0-rc.1']);
    expect(await client.exists('1.1.0')).toBe(true);
    expect(await client.exists('1.2.0')).toBe(false);
    expect(await client.latest()).toBe('1.1.0');
    expect(server.requests.filter((r) => r.path === '/index/da/-h/da-hello').at(-1)?.userAgent).toBe(
      USER_AGENT,
    );
    const missing = createClient('da-nothing', { http, registry: server.plainIndexUrl });
    expect(await missing.versions()).toEqual([]);
    expect(await missing.latest()).toBeUndefined();
  });
});

describe('rollback', () => {
  test('dry-run yanks nothing and says what it would do', async () => {
    const result = await rollback(settings(), rollbackContext({ dryRun: true }));
    expect(result).toEqual({ rolledBackTo: '1.0.0', actions: ['would yank da-hello 1.1.0 (cargo yank)'] });
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  test('yanks the latest stable with cargo yank; the yanked version still counts as published', async () => {
    const result = await rollback(settings(), rollbackContext());
    expect(result).toEqual({ rolledBackTo: '1.0.0', actions: ['crates: yanked da-hello 1.1.0'] });
    expect(
      server.requests.filter((r) => r.method === 'DELETE').map((r) => [r.path, r.authorization]),
    ).toEqual([['/api/v1/crates/da-hello/1.1.0/yank', TOKEN]]);
    const client = createClient('da-hello', { http, registry: server.indexUrl });
    expect(await client.exists('1.1.0')).toBe(true);
    expect(await client.latest()).toBe('1.0.0');
  });

  test('a version that is not published, or a bad token, is a clear registry error', async () => {
    await expect(rollback(settings(), rollbackContext({ badVersion: '9.9.9' }))).rejects.toThrow(
      /da-hello has no version 9\.9\.9/,
    );
    await expect(
      rollback(settings(), rollbackContext({ badVersion: '1.0.0', token: 'cio_wrong' })),
    ).rejects.toThrow(/refused to yank da-hello 1\.0\.0: .*403/);
    expect(server.entries('da-hello').find((e) => e.vers === '1.0.0')?.yanked).toBe(false);
  });
});
