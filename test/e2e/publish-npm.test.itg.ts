/**
 * publish-npm end to end: the bundled action, run as the runner runs it, against a real
 * Verdaccio; the real npm CLI (`npm view`) and the packument are the witnesses.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';

let registry: Verdaccio;
const npmHome = mkdtempSync(join(tmpdir(), 'da-npm-view-'));

beforeAll(async () => {
  registry = await startVerdaccio();
});
afterAll(async () => {
  await registry?.stop();
});

function workspaceWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-npm-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const pkg = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
  'package.json': { name, version, description: `${name} for tests`, license: 'MIT', ...extra },
  'index.js': `module.exports = ${JSON.stringify(name)};\n`,
});

function publishNpm(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction('publish-npm', {
    workspace,
    inputs: { registry: registry.url, ...inputs },
    env: {
      NPM_TOKEN: registry.token,
      DEPLOY_ACTIONS_HTTP_RETRIES: '1',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '50',
      ...env,
    },
  });
}

interface Packument {
  'dist-tags': Record<string, string>;
  versions: Record<string, unknown>;
  time: Record<string, string>;
}

async function packument(name: string): Promise<Packument | undefined> {
  const res = await fetch(`${registry.url}/${name.replace('/', '%2f')}`, {
    headers: { accept: 'application/json' },
  });
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return (await res.json()) as Packument;
}

/** The real npm client, in its own clean configuration, reading what the registry serves. */
function npmView(spec: string, field: string): string {
  return execFileSync('npm', ['view', spec, field, '--json', `--registry=${registry.url}/`], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: npmHome,
      npm_config_userconfig: join(npmHome, 'npmrc'),
      npm_config_cache: join(npmHome, 'cache'),
    },
  }).trim();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What the runner shows: everything but `::add-mask::` commands, which it consumes to hide the secret. */
const shown = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

function expectNoToken(run: ActionRun, token: string): void {
  expect(run.stdout).toContain(`::add-mask::${token}`);
  for (const text of [
    run.stdout,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    run.post?.stdout ?? '',
    run.post?.stderr ?? '',
  ])
    expect(shown(text)).not.toContain(token);
  for (const file of filesUnder(run.runnerTemp)) expect(readFileSync(file, 'utf8')).not.toContain(token);
  // The private folder (npmrc, cache) is gone once the post step has run.
  expect(readdirSync(run.runnerTemp)).toEqual([]);
}

describe('publish-npm against Verdaccio', () => {
  const scoped = '@acme/widget';
  let scopedWorkspace: string;

  test('publishes a scoped package: npm view sees it, latest points at it, the token is nowhere', async () => {
    scopedWorkspace = workspaceWith(pkg(scoped, '1.2.3'));
    const run = await publishNpm(scopedWorkspace, { version: '1.2.3', access: 'public' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(run.outputs.url).toBe(`${registry.url}/@acme%2fwidget`);
    expect(run.outputs.digest).toMatch(/^sha512-/);
    expect(JSON.parse(npmView(`${scoped}@1.2.3`, 'version'))).toBe('1.2.3');
    expect(JSON.parse(npmView(scoped, 'dist-tags'))).toEqual({ latest: '1.2.3' });
    expect(run.summary).toContain('published');
    expectNoToken(run, registry.token);
  });

  test('a rerun is skipped and succeeds; force is refused because npm forbids republishing', async () => {
    const rerun = await publishNpm(scopedWorkspace, { version: '1.2.3' });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('skipped');

    const forced = await publishNpm(scopedWorkspace, { version: '1.2.3', force: 'true' });
    expect(userErrorShape(forced)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = forced.annotations.filter((a) => a.level === 'error');
    expect(error.message).toContain(registry.url);
    expect(error.message).toMatch(/npm forbids republishing an existing version/);
    expect(forced.outputs.status).toBe('failed');
    expect(Object.keys((await packument(scoped))!.versions)).toEqual(['1.2.3']);
  });

  test('1.2.3, then the hotfix 1.1.5, then 2.0.0-rc.1: latest stays on 1.2.3, next is the rc', async () => {
    const name = 'line-tags';
    for (const version of ['1.2.3', '1.1.5', '2.0.0-rc.1']) {
      const run = await publishNpm(workspaceWith(pkg(name, version)), { version });
      expect({ version, code: run.code, status: run.outputs.status }).toEqual({
        version,
        code: 0,
        status: 'published',
      });
    }
    expect(JSON.parse(npmView(name, 'dist-tags'))).toEqual({
      latest: '1.2.3',
      next: '2.0.0-rc.1',
      'v1.1-latest': '1.1.5',
    });
    expect(JSON.parse(npmView(name, 'versions'))).toEqual(['1.1.5', '1.2.3', '2.0.0-rc.1']);
  });

  test('a dry run sends nothing', async () => {
    const run = await publishNpm(workspaceWith(pkg('dry-only', '1.0.0')), {
      version: '1.0.0',
      'dry-run': 'true',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(run.summary).toContain('would be published');
    expect(await packument('dry-only')).toBeUndefined();
  });

  test('package.json naming another version is one clear error, and nothing is published', async () => {
    // In a subfolder (path: npm), as in a polyglot repository: version detection does not read it.
    const files = Object.fromEntries(
      Object.entries(pkg('mismatch', '1.0.0')).map(([k, v]) => [`npm/${k}`, v]),
    );
    const run = await publishNpm(workspaceWith(files), { version: '1.0.1', path: 'npm' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toMatch(
      /npm\/package\.json \(version\): is "1\.0\.0" but the release version is 1\.0\.1/,
    );
    expect(await packument('mismatch')).toBeUndefined();
  });

  test('a bad token is a clear 401 naming the registry, without a stack, and publishes nothing', async () => {
    const badToken = 'not-a-real-token-0123456789';
    const run = await publishNpm(
      workspaceWith(pkg('bad-token', '1.0.0')),
      { version: '1.0.0' },
      { NPM_TOKEN: badToken },
    );
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toContain(registry.url);
    expect(error.message).toMatch(/E401|E403/);
    expect(error.message).toContain('NPM_TOKEN');
    expectNoToken(run, badToken);
    expect(await packument('bad-token')).toBeUndefined();
  });

  test('workspaces: every public package, dependencies first', async () => {
    const workspace = workspaceWith({
      'package.json': { name: 'ws-root', private: true, version: '3.0.0', workspaces: ['packages/*'] },
      ...Object.fromEntries(
        Object.entries(pkg('ws-app', '3.0.0', { dependencies: { 'ws-lib': '^3.0.0' } })).map(([k, v]) => [
          `packages/app/${k}`,
          v,
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(pkg('ws-core', '3.0.0')).map(([k, v]) => [`packages/core/${k}`, v]),
      ),
      ...Object.fromEntries(
        Object.entries(pkg('ws-lib', '3.0.0', { peerDependencies: { 'ws-core': '^3.0.0' } })).map(
          ([k, v]) => [`packages/lib/${k}`, v],
        ),
      ),
      ...Object.fromEntries(
        Object.entries(pkg('ws-tools', '3.0.0', { private: true })).map(([k, v]) => [
          `packages/tools/${k}`,
          v,
        ]),
      ),
    });
    const run = await publishNpm(workspace, { version: '3.0.0', workspaces: 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    const notes = (JSON.parse(run.outputs.result) as { notes: string[] }).notes;
    expect(notes.map((n) => n.split('@')[0])).toEqual(['ws-core', 'ws-lib', 'ws-app']);
    const created = await Promise.all(
      ['ws-core', 'ws-lib', 'ws-app'].map(async (n) => Date.parse((await packument(n))!.time['3.0.0'])),
    );
    expect([...created].sort((a, b) => a - b)).toEqual(created);
    expect(await packument('ws-tools')).toBeUndefined();
  });
});

/**
 * A proxy in front of Verdaccio that fails uploads the way networks do: `land-then-502` passes
 * the PUT on and then answers 502 (the version is stored, the client hears a failure);
 * `503-once` answers the first PUT 503 without passing it on.
 */
async function flakyProxy(target: string, modes: Record<string, 'land-then-502' | '503-once'>) {
  const puts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent(req.url!.slice(1).split('/')[0]);
    const mode = req.method === 'PUT' ? modes[name] : undefined;
    const count = (puts.get(name) ?? 0) + (req.method === 'PUT' ? 1 : 0);
    puts.set(name, count);
    if (mode === '503-once' && count === 1) {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"try later"}');
      return;
    }
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        if (mode === 'land-then-502') {
          answer.resume();
          answer.on('end', () =>
            res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"bad gateway"}'),
          );
          return;
        }
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    puts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('publish-npm when the upload fails on the way', () => {
  test('an upload that landed before a 502 is counted as published and not sent again', async () => {
    const proxy = await flakyProxy(registry.url, { 'landed-anyway': 'land-then-502' });
    try {
      const run = await publishNpm(workspaceWith(pkg('landed-anyway', '1.0.0')), {
        version: '1.0.0',
        registry: proxy.url,
      });
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('published');
      expect(proxy.puts.get('landed-anyway')).toBe(1);
      expect(JSON.parse(run.outputs.result).notes[0]).toMatch(
        /after npm reported .*counted as published, not sent again/,
      );
      expect(JSON.parse(npmView('landed-anyway', 'dist-tags'))).toEqual({ latest: '1.0.0' });
    } finally {
      await proxy.close();
    }
  });
  test('a 503 that stored nothing is retried after asking the registry, and published once', async () => {
    const proxy = await flakyProxy(registry.url, { 'try-again': '503-once' });
    try {
      const run = await publishNpm(workspaceWith(pkg('try-again', '1.0.0')), {
        version: '1.0.0',
        registry: proxy.url,
      });
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('published');
      expect(proxy.puts.get('try-again')).toBe(2);
      expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
        expect.stringMatching(
          /npm publish of try-again@1\.0\.0 failed \(E503\); .* does not have it: retry 1\/2/,
        ),
      ]);
      expect(JSON.parse(npmView('try-again', 'versions'))).toEqual(['1.0.0']);
    } finally {
      await proxy.close();
    }
  });
});
