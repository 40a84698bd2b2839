/**
 * Issue 16, class 1: the runner sets INPUT_<NAME> for every input with a `default:` in
 * action.yml, passed or not. A workflow that passes only `target:` (a config target) must get
 * what the config says, not the action.yml defaults: the registries are the witnesses.
 * examples/acme-app's config, pointed at the local registries, with each setting the issue
 * names set to a value other than its default.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { runAction, type ActionRun } from '../harness/run-action.js';
import { prepareExample, startDemoRegistries, type DemoRegistries } from '../harness/demo-env.js';
import { listTags } from '../harness/docker-registry.js';
import { packument } from '../fixtures/npm/e2e.js';

const VERSION = '1.4.0';
let r: DemoRegistries;
let dir: string;
let env: Record<string, string>;

/** Set `settings` on the config target `name` (keys to delete: undefined). */
function configure(name: string, settings: Record<string, unknown>): void {
  const file = join(dir, '.github', 'deploy-actions.yml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const targets = doc.get('targets') as {
    items: { get(k: string): unknown; set(k: string, v: unknown): void }[];
  };
  const target = targets.items.find((t) => t.get('name') === name)!;
  for (const [key, value] of Object.entries(settings)) target.set(key, doc.createNode(value));
  writeFileSync(file, doc.toString());
}

beforeAll(async () => {
  r = await startDemoRegistries();
  const project = await prepareExample(r, {
    version: VERSION,
    only: ['npm', 'pypi', 'github', 'docker', 'crates'],
    built: true,
  });
  dir = project.dir;
  env = { ...project.env, DEPLOY_ACTIONS_HTTP_RETRIES: '2', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20' };
  // Distributions in a folder only the config names (the action.yml default was dist/*).
  mkdirSync(join(dir, 'python', 'out'));
  for (const file of readdirSync(join(dir, 'python', 'dist')))
    renameSync(join(dir, 'python', 'dist', file), join(dir, 'python', 'out', file));
  rmSync(join(dir, 'python', 'dist'), { recursive: true });
  configure('npm', { 'dist-tag': 'beta' });
  configure('pypi', { dist: ['python/out/*'] });
  configure('github', { checksums: false });
  configure('docker', { tags: ['{{version}}'] });
}, 180_000);
afterAll(async () => {
  await r?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A publish action as the runner runs it for `with: { target }` on the tag push. */
function publishTarget(action: string, target: string): Promise<ActionRun> {
  return runAction(action, {
    workspace: dir,
    inputs: { target },
    ref: `refs/tags/v${VERSION}`,
    env,
    timeoutMs: 240_000,
  });
}

const succeeded = (run: ActionRun) => ({
  code: run.code,
  status: run.outputs.status,
  errors: run.annotations.filter((a) => a.level === 'error').map((a) => a.message),
});

describe('with only target: passed, the config target wins over every action.yml default', () => {
  test('publish-npm: the config path (./npm) under the config dist-tag (beta)', async () => {
    const run = await publishTarget('publish-npm', 'npm');
    expect(succeeded(run)).toEqual({ code: 0, status: 'published', errors: [] });
    const published = await packument(r.npm, '@acme/app');
    expect(Object.keys(published!.versions)).toEqual([VERSION]);
    expect(published!['dist-tags'].beta).toBe(VERSION);
    expect(await packument(r.npm, 'acme-app-monorepo')).toBeUndefined();
  }, 120_000);

  test("publish-pypi: the files of the config's dist glob (python/out/*)", async () => {
    const run = await publishTarget('publish-pypi', 'pypi');
    expect(succeeded(run)).toEqual({ code: 0, status: 'published', errors: [] });
    const uploaded = r.pypi
      .files('acme-app')
      .map((f) => f.filename)
      .sort();
    expect(uploaded).toEqual(readdirSync(join(dir, 'python', 'out')).sort());
    expect(uploaded.length).toBeGreaterThan(0);
  }, 120_000);

  test('publish-github-release: checksums: false attaches no SHA256SUMS', async () => {
    const run = await publishTarget('publish-github-release', 'github');
    expect(succeeded(run)).toEqual({ code: 0, status: 'published', errors: [] });
    const assets = r.github.state.release('acme/app', `v${VERSION}`)!.assets.map((a) => a.name);
    expect(assets).toEqual([`acme-app-${VERSION}-linux-amd64.tar.gz`]);
  }, 120_000);

  test('publish-docker: only the tags of the config ({{version}}), no latest', async () => {
    const run = await publishTarget('publish-docker', 'docker');
    expect(succeeded(run)).toEqual({ code: 0, status: 'published', errors: [] });
    expect((await listTags(r.docker, 'acme/app')).sort()).toEqual([VERSION]);
  }, 120_000);

  test('publish-crates: the config manifest (rust/Cargo.toml), with no ./Cargo.toml in the workspace', async () => {
    const run = await publishTarget('publish-crates', 'crates');
    expect(succeeded(run)).toEqual({ code: 0, status: 'published', errors: [] });
    expect(r.crates.uploads).toEqual([`acme-app@${VERSION}`]);
  }, 240_000);

  test('publish (the generic spoke) reruns each target: everything skipped, nothing sent twice', async () => {
    for (const target of ['npm', 'pypi', 'github', 'docker', 'crates']) {
      const run = await publishTarget('publish', target);
      expect({ target, ...succeeded(run) }).toEqual({ target, code: 0, status: 'skipped', errors: [] });
    }
    expect(r.crates.uploads).toEqual([`acme-app@${VERSION}`]);
    expect((await listTags(r.docker, 'acme/app')).sort()).toEqual([VERSION]);
  }, 240_000);
});
