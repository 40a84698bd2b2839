/**
 * publish-npm end to end: the bundled action, run as the runner runs it, against a real
 * Verdaccio; the real npm CLI (`npm view`) and the packument are the witnesses.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { userErrorShape } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { expectNoToken, npmView, packument, pkg, publishNpm, workspaceWith } from '../fixtures/npm/e2e.js';

let registry: Verdaccio;

beforeAll(async () => {
  registry = await startVerdaccio();
});
afterAll(async () => {
  await registry?.stop();
});

describe('publish-npm against Verdaccio', () => {
  const scoped = '@acme/widget';
  let scopedWorkspace: string;

  test('publishes a scoped package: npm view sees it, latest points at it, the token is nowhere', async () => {
    scopedWorkspace = workspaceWith(pkg(scoped, '1.2.3'));
    const run = await publishNpm(
      registry,
      scopedWorkspace,
      { version: '1.2.3', access: 'public' },
      {},
      { post: true },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(run.outputs.url).toBe(`${registry.url}/@acme%2fwidget`);
    expect(run.outputs.digest).toMatch(/^sha512-/);
    expect(npmView(registry, `${scoped}@1.2.3`, 'version', 'dist-tags')).toEqual({
      version: '1.2.3',
      'dist-tags': { latest: '1.2.3' },
    });
    expect(run.summary).toContain('published');
    expectNoToken(run, registry.token);
  });

  test('a rerun is skipped and succeeds; force is refused because npm forbids republishing', async () => {
    const rerun = await publishNpm(registry, scopedWorkspace, { version: '1.2.3' });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('skipped');

    const forced = await publishNpm(registry, scopedWorkspace, { version: '1.2.3', force: 'true' });
    expect(userErrorShape(forced)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = forced.annotations.filter((a) => a.level === 'error');
    expect(error.message).toContain(registry.url);
    expect(error.message).toMatch(/npm forbids republishing an existing version/);
    expect(forced.outputs.status).toBe('failed');
    expect(Object.keys((await packument(registry, scoped))!.versions)).toEqual(['1.2.3']);
  });

  test('1.2.3, then the hotfix 1.1.5, then 2.0.0-rc.1: latest stays on 1.2.3, next is the rc', async () => {
    const name = 'line-tags';
    for (const version of ['1.2.3', '1.1.5', '2.0.0-rc.1']) {
      const run = await publishNpm(registry, workspaceWith(pkg(name, version)), { version });
      expect({ version, code: run.code, status: run.outputs.status }).toEqual({
        version,
        code: 0,
        status: 'published',
      });
    }
    expect(npmView(registry, name, 'dist-tags')).toEqual({
      latest: '1.2.3',
      next: '2.0.0-rc.1',
      'v1.1-latest': '1.1.5',
    });
    expect(Object.keys((await packument(registry, name))!.versions).sort()).toEqual([
      '1.1.5',
      '1.2.3',
      '2.0.0-rc.1',
    ]);
  });

  test('1.2.3+build.5: npm stores 1.2.3, and the rerun of the finished release is skipped, not refused', async () => {
    const name = 'build-meta';
    const workspace = workspaceWith(pkg(name, '1.2.3+build.5'));
    const first = await publishNpm(registry, workspace, { version: '1.2.3+build.5' });
    expect({ code: first.code, status: first.outputs.status }).toEqual({ code: 0, status: 'published' });
    // What the registry keeps: the version without its build metadata (the real npm client says so).
    expect(npmView(registry, `${name}@1.2.3`, 'version')).toBe('1.2.3');
    expect(Object.keys((await packument(registry, name))!.versions)).toEqual(['1.2.3']);

    const rerun = await publishNpm(registry, workspace, { version: '1.2.3+build.5' });
    expect(rerun.stderr).toBe('');
    expect({ code: rerun.code, status: rerun.outputs.status }).toEqual({ code: 0, status: 'skipped' });
    expect(rerun.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(rerun.stdout).toMatch(/npm drops the build metadata of 1\.2\.3\+build\.5/);
    expect(Object.keys((await packument(registry, name))!.versions)).toEqual(['1.2.3']);
  });

  test('a dry run sends nothing', async () => {
    const run = await publishNpm(registry, workspaceWith(pkg('dry-only', '1.0.0')), {
      version: '1.0.0',
      'dry-run': 'true',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(run.summary).toContain('would be published');
    expect(await packument(registry, 'dry-only')).toBeUndefined();
  });

  test('package.json naming another version is one clear error, and nothing is published', async () => {
    // In a subfolder (path: npm), as in a polyglot repository: version detection does not read it.
    const files = Object.fromEntries(
      Object.entries(pkg('mismatch', '1.0.0')).map(([k, v]) => [`npm/${k}`, v]),
    );
    const run = await publishNpm(registry, workspaceWith(files), { version: '1.0.1', path: 'npm' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toMatch(
      /npm\/package\.json \(version\): is "1\.0\.0" but the release version is 1\.0\.1/,
    );
    expect(await packument(registry, 'mismatch')).toBeUndefined();
  });

  test('a bad token is a clear 401 naming the registry, without a stack, and publishes nothing', async () => {
    const badToken = 'not-a-real-token-0123456789';
    const run = await publishNpm(
      registry,
      workspaceWith(pkg('bad-token', '1.0.0')),
      { version: '1.0.0' },
      { NPM_TOKEN: badToken },
      { post: true },
    );
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toContain(registry.url);
    expect(error.message).toMatch(/E401|E403/);
    expect(error.message).toContain('NPM_TOKEN');
    expectNoToken(run, badToken);
    expect(await packument(registry, 'bad-token')).toBeUndefined();
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
    const run = await publishNpm(registry, workspace, { version: '3.0.0', workspaces: 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    const notes = (JSON.parse(run.outputs.result) as { notes: string[] }).notes;
    expect(notes.map((n) => n.split('@')[0])).toEqual(['ws-core', 'ws-lib', 'ws-app']);
    const created = await Promise.all(
      ['ws-core', 'ws-lib', 'ws-app'].map(async (n) =>
        Date.parse((await packument(registry, n))!.time['3.0.0']),
      ),
    );
    expect([...created].sort((a, b) => a - b)).toEqual(created);
    expect(await packument(registry, 'ws-tools')).toBeUndefined();
  });
});
