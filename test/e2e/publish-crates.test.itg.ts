/**
 * publish-crates end to end: the bundled action, run as the runner runs it, drives the real
 * cargo against the test registry (test/servers/crates.ts). The witnesses are the registry's
 * own record of uploads and a consumer crate whose cargo resolves what was published.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import {
  cargo,
  copyCrateFixture,
  lockedVersions,
  makeCargoHome,
  makeConsumer,
} from '../servers/crates-cargo.js';

const TOKEN = 'cio_e2e_secret_token_5b1f0c';
let server: CratesServer;
let scratch: string;
const runs: ActionRun[] = [];

beforeAll(async () => {
  server = await startCratesServer({ token: TOKEN });
  scratch = mkdtempSync(join(tmpdir(), 'da-crates-e2e-'));
});

afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

let counter = 0;
const workspaceOf = (fixture: 'single' | 'workspace', version: string) =>
  copyCrateFixture(fixture, join(scratch, `ws-${++counter}`), version);

async function publishCrates(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
): Promise<ActionRun> {
  const run = await runAction('publish-crates', {
    workspace,
    inputs: { registry: server.indexUrl, 'registry-name': 'local', verify: 'false', ...inputs },
    env: {
      CARGO_REGISTRY_TOKEN: TOKEN,
      DEPLOY_ACTIONS_HTTP_RETRIES: '2',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '50',
      ...env,
    },
  });
  runs.push(run);
  return run;
}

const puts = () => server.requests.filter((r) => r.method === 'PUT' && r.path === '/api/v1/crates/new');
/** What the runner shows: it consumes `::add-mask::` commands to hide the secret. */
const shown = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');

/** The real cargo, as a user's project would: does the registry resolve `name = "=version"`? */
async function consumerResolves(name: string, version: string): Promise<string[]> {
  const dir = makeConsumer(mkdtempSync(join(scratch, 'consumer-')), name, version);
  const home = makeCargoHome(server.indexUrl);
  const run = await cargo(['fetch'], { cwd: dir, home });
  rmSync(home, { recursive: true, force: true });
  expect(run.stderr).not.toContain('error');
  return lockedVersions(dir, name);
}

describe('publish-crates', () => {
  test('publishes a crate with cargo; a consumer crate resolves and downloads it', async () => {
    const run = await publishCrates(workspaceOf('single', '1.0.0'), { version: '1.0.0' });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(server.uploads).toEqual(['da-hello@1.0.0']);
    expect(await consumerResolves('da-hello', '1.0.0')).toEqual(['1.0.0']);
    const crateFile = server.crateFile('da-hello', '1.0.0')!;
    expect(run.outputs.digest).toBe(`sha256:${createHash('sha256').update(crateFile).digest('hex')}`);
    expect(run.outputs.url).toBe(`${server.plainIndexUrl}da/-h/da-hello`);
    expect(run.summary).toMatch(/\| crates \| crates \| 1\.0\.0 \| published \|/);
  });

  test('a rerun of the same version publishes nothing and succeeds as skipped', async () => {
    const before = puts().length;
    const run = await publishCrates(workspaceOf('single', '1.0.0'), { version: '1.0.0' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    expect(puts().length).toBe(before);
    expect(run.summary).toContain('already on registry local');
  });

  test('force over a published version fails with one error: the registry forbids republishing', async () => {
    const before = puts().length;
    const run = await publishCrates(workspaceOf('single', '1.0.0'), { version: '1.0.0', force: 'true' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(errors(run)[0].message).toMatch(
      /da-hello 1\.0\.0 is already published: .*forbid republishing; yank instead/,
    );
    expect(run.outputs.status).toBe('failed');
    expect(puts().length).toBe(before);
  });

  test('a Cargo.toml version that is not the release version is refused before anything is sent', async () => {
    // In a subfolder (manifest: rust/Cargo.toml), as the README's example: version detection
    // does not read it, so the publisher's own check must catch the inherited version.
    const root = join(scratch, `ws-${++counter}`);
    copyCrateFixture('workspace', join(root, 'rust'), '2.1.0');
    const apiCalls = () => server.requests.filter((r) => r.path.startsWith('/api/')).length;
    const before = apiCalls();
    const run = await publishCrates(root, { version: '2.2.0', manifest: 'rust/Cargo.toml' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(errors(run)[0].message).toMatch(
      /^crates: rust\/crates\/core\/Cargo\.toml \(package\.version\): da-ws-core is at version 2\.1\.0, but the release is 2\.2\.0; nothing was published/,
    );
    expect(errors(run)[0].message).toContain('[workspace.package]');
    // At most the public index was read; the Web API never heard of it.
    expect(apiCalls()).toBe(before);
    expect(server.uploads.filter((u) => /@2\.[12]\.0$/.test(u))).toEqual([]);
  });

  test('a bad token: one clear error naming the refusal and what to check, no stack, nothing stored', async () => {
    const run = await publishCrates(
      workspaceOf('single', '1.3.0'),
      { version: '1.3.0' },
      { CARGO_REGISTRY_TOKEN: 'cio_wrong_token_123' },
    );
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const message = errors(run)[0].message;
    expect(message).toContain('refused to publish da-hello 1.3.0');
    expect(message).toContain('status 403');
    expect(message).toContain('Check the token');
    expect(shown(run.stdout) + run.stderr).not.toContain('cio_wrong_token_123');
    expect(server.entries('da-hello').some((e) => e.vers === '1.3.0')).toBe(false);
  });

  test('a 500 on the upload is retried, and the version is uploaded once', async () => {
    server.failNext({ count: 1, status: 500, method: 'PUT', path: /\/crates\/new$/ });
    const before = puts().length;
    const run = await publishCrates(workspaceOf('single', '1.4.0'), { version: '1.4.0' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(puts().length - before).toBe(2);
    expect(server.uploads.filter((u) => u === 'da-hello@1.4.0')).toHaveLength(1);
    expect(
      run.annotations.some(
        (a) => a.level === 'warning' && a.message.includes('checking the index before retry'),
      ),
    ).toBe(true);
  });

  test('a 500 after the upload landed (a lost answer): the index is asked, nothing is sent again', async () => {
    server.failNext({ count: 1, status: 500, method: 'PUT', path: /\/crates\/new$/, afterEffect: true });
    const before = puts().length;
    const run = await publishCrates(workspaceOf('single', '1.5.0'), { version: '1.5.0' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(puts().length - before).toBe(1);
    expect(server.uploads.filter((u) => u === 'da-hello@1.5.0')).toHaveLength(1);
    expect(run.summary).toContain('had landed; not sent again');
  });

  test('a version another run published between our check and the upload is not sent again', async () => {
    // The action's one index read misses it (a 404, as a lagging CDN would answer); cargo sees it.
    server.failNext({ count: 1, status: 404, method: 'GET', path: /^\/index\/da\/-h\/da-hello$/ });
    const before = puts().length;
    const run = await publishCrates(workspaceOf('single', '1.0.0'), { version: '1.0.0' });
    expect(errors(run)).toEqual([]);
    expect(run.outputs.status).toBe('skipped');
    expect(run.summary).toMatch(
      /was published to .* by another run at the same time \(the same checksum as ours\): skipped/,
    );
    expect(puts().length).toBe(before);
  });

  test('a 503 with Retry-After on the index is waited out, not reported as a failure', async () => {
    server.failNext({
      count: 1,
      status: 503,
      retryAfter: 1,
      method: 'GET',
      path: /^\/index\/da\/-h\/da-hello$/,
    });
    const run = await publishCrates(workspaceOf('single', '1.0.0'), { version: '1.0.0' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    const answered = server.requests.filter((r) => r.path === '/index/da/-h/da-hello').slice(-2);
    expect(answered.map((r) => r.status)).toEqual([503, 200]);
  });

  test('a workspace publishes its crates in dependency order, with verification against the registry', async () => {
    // members lists app before core; app depends on core, so core must go first.
    const run = await publishCrates(workspaceOf('workspace', '2.0.0'), { version: '2.0.0', verify: 'true' });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.uploads.filter((u) => u.startsWith('da-ws-'))).toEqual([
      'da-ws-core@2.0.0',
      'da-ws-app@2.0.0',
    ]);
    expect(run.stdout).toContain('Verifying da-ws-app v2.0.0');
    expect(await consumerResolves('da-ws-app', '2.0.0')).toEqual(['2.0.0']);
  });

  test('a private registry (auth-required): the index check and cargo both authenticate', async () => {
    const priv = await startCratesServer({ token: TOKEN, authRequired: true });
    try {
      const ws = workspaceOf('single', '0.5.0');
      const first = await publishCrates(ws, { version: '0.5.0', registry: priv.indexUrl });
      expect(errors(first)).toEqual([]);
      expect(first.outputs.status).toBe('published');
      expect(priv.uploads).toEqual(['da-hello@0.5.0']);
      const rerun = await publishCrates(ws, { version: '0.5.0', registry: priv.indexUrl });
      expect(rerun.outputs.status).toBe('skipped');
      expect(priv.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    } finally {
      await priv.stop();
    }
  });

  test('dry-run sends nothing', async () => {
    const before = server.requests.filter((r) => r.method !== 'GET').length;
    const run = await publishCrates(workspaceOf('single', '1.6.0'), { version: '1.6.0', 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(run.summary).toContain('would publish da-hello 1.6.0');
    expect(server.requests.filter((r) => r.method !== 'GET').length).toBe(before);
  });

  test('trusted publishing: without a token, the OIDC token is exchanged, used, and revoked', async () => {
    const run = await publishCrates(
      workspaceOf('single', '1.7.0'),
      { version: '1.7.0' },
      {
        CARGO_REGISTRY_TOKEN: undefined,
        ACTIONS_ID_TOKEN_REQUEST_URL: server.oidcRequestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: server.oidcRequestToken,
      },
    );
    expect(errors(run)).toEqual([]);
    expect(run.outputs.status).toBe('published');
    expect(server.trustedTokens.issued).toHaveLength(1);
    expect(server.trustedTokens.revoked).toEqual(server.trustedTokens.issued);
    expect(puts().at(-1)?.authorization).toBe(server.trustedTokens.issued[0]);
    expect(shown(run.stdout)).not.toContain(server.trustedTokens.issued[0]);
  });

  test('the token is never shown, written to outputs or the summary, or left in RUNNER_TEMP', () => {
    expect(runs.length).toBeGreaterThan(5);
    for (const run of runs) {
      for (const text of [
        shown(run.stdout),
        run.stderr,
        run.summary,
        JSON.stringify(run.outputs),
        run.post?.stdout ?? '',
      ])
        expect(text).not.toContain(TOKEN);
      const left = filesUnder(run.runnerTemp);
      expect(left).toEqual([]);
    }
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return readFileSync(path, 'utf8').includes(TOKEN) ? [`${path} (holds the token)`] : [path];
  });
}
