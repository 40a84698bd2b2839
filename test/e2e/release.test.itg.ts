/**
 * The orchestrator (root action.yml -> actions/release/dist), publish@v1 (publish/dist) and
 * build-matrix, through their bundles, against a real Verdaccio (npm, tier 1) and a real
 * docker-registry (docker promote, tier 3).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { ROOT, runAction, visibleLog, type RunOptions } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import {
  pushTestImage,
  registryFetch,
  startDockerRegistry,
  type DockerRegistry,
} from '../harness/docker-registry.js';
import { startFaultProxy, type FaultProxy } from '../faults/proxy.js';

let npm: Verdaccio;
let docker: DockerRegistry;
let brokenDocker: FaultProxy;
let sourceDigest = '';

beforeAll(async () => {
  [npm, docker] = await Promise.all([startVerdaccio(), startDockerRegistry({ auth: 'basic' })]);
  sourceDigest = (await pushTestImage(docker, 'acme/app-ci', 'build')).digest;
  brokenDocker = await startFaultProxy(docker.url);
  brokenDocker.add({ path: /./, fault: { kind: 'status', status: 503 }, times: 100_000 });
}, 60_000);

afterAll(async () => {
  await Promise.all([npm?.stop(), docker?.stop(), brokenDocker?.stop()]);
});

/** A project at `version` whose config ships @acme/<pkg> to npm (tier 1) and an image to docker (tier 3). */
function project(version: string, pkg: string, dockerRegistry = docker.url): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-release-'));
  mkdirSync(join(dir, 'npm'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'root', private: true, version }));
  writeFileSync(
    join(dir, 'npm', 'package.json'),
    JSON.stringify({ name: `@acme/${pkg}`, version, main: 'index.js' }),
  );
  writeFileSync(join(dir, 'npm', 'index.js'), 'export {};\n');
  writeFileSync(
    join(dir, '.github', 'deploy-actions.yml'),
    [
      'version: { sources: [input, tag, package.json] }',
      'targets:',
      `  - { name: npm, type: npm, tier: 1, path: npm, registry: '${npm.url}' }`,
      `  - { name: docker, type: docker, tier: 3, image: '${docker.host}/acme/${pkg}', registry: '${dockerRegistry}', source: '${docker.host}/acme/app-ci:build' }`,
    ].join('\n') + '\n',
  );
  return dir;
}

const env = (token = npm.token) => ({
  NPM_TOKEN: token,
  DOCKER_USERNAME: docker.username,
  DOCKER_PASSWORD: docker.password,
});
const defaults = {
  config: '.github/deploy-actions.yml',
  platforms: 'all',
  force: 'false',
  'dry-run': 'false',
};
const release = (workspace: string, options: Partial<RunOptions> = {}) =>
  runAction('release', { workspace, env: env(), ...options, inputs: { ...defaults, ...options.inputs } });

async function npmVersions(pkg: string): Promise<string[]> {
  const res = await fetch(`${npm.url}/${encodeURIComponent(`@acme/${pkg}`).replace('%40', '@')}`);
  return res.ok ? Object.keys(((await res.json()) as { versions: object }).versions) : [];
}

async function tagDigest(repo: string, tag: string): Promise<string | undefined> {
  const res = await registryFetch(docker, `/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json',
    },
  });
  return res.ok ? (res.headers.get('docker-content-digest') ?? undefined) : undefined;
}

type Results = Record<
  string,
  { status: string; error: string | null; url: string | null; 'duration-ms': number }
>;

describe('the orchestrator (root action bundle)', () => {
  test('root action.yml runs the release bundle', () => {
    const root = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string } };
    expect(root.runs.main).toBe('actions/release/dist/index.js');
  });

  test('releases npm (tier 1) and docker (tier 3); a rerun publishes nothing', async () => {
    const dir = project('2.1.0', 'full');
    const first = await release(dir);
    expect(first.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.outputs.status).toBe('success');
    expect(first.outputs.version).toBe('2.1.0');
    const results = JSON.parse(first.outputs.results) as Results;
    expect([results.npm.status, results.docker.status]).toEqual(['published', 'published']);
    expect(await npmVersions('full')).toEqual(['2.1.0']);
    expect(await tagDigest('acme/full', '2.1.0')).toBe(sourceDigest);
    expect(first.summary).toMatch(/\| npm \| 1 \| required \| published/);

    const rerun = await release(dir);
    expect(rerun.code).toBe(0);
    const again = JSON.parse(rerun.outputs.results) as Results;
    expect([again.npm.status, again.docker.status]).toEqual(['skipped', 'skipped']);
    expect(await npmVersions('full')).toEqual(['2.1.0']);
  });

  test('a broken tier-3 registry leaves the release green (partial) with a notice', async () => {
    const dir = project('3.0.0', 'partial', brokenDocker.url);
    const run = await release(dir, {
      env: { ...env(), DEPLOY_ACTIONS_HTTP_RETRIES: '1', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '10' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('partial');
    const results = JSON.parse(run.outputs.results) as Results;
    expect(results.npm.status).toBe('published');
    expect(results.docker.status).toBe('failed');
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(
      run.annotations.some(
        (a) => a.level === 'notice' && a.message.startsWith('docker (tier 3, experimental)'),
      ),
    ).toBe(true);
  });

  test('a bad tier-1 token fails the release and tier 3 never starts', async () => {
    const dir = project('4.0.0', 'badtoken');
    const run = await release(dir, { env: env('not-a-valid-token') });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failure');
    const results = JSON.parse(run.outputs.results) as Results;
    expect(results.npm.status).toBe('failed');
    expect(results.docker.status).toBe('cancelled');
    expect(await tagDigest('acme/badtoken', '4.0.0')).toBeUndefined();
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^npm \(tier 1, required\): /);
    expect(visibleLog(run)).not.toContain('not-a-valid-token');
  });

  test('a dry run publishes nothing', async () => {
    const dir = project('5.0.0', 'dry');
    const run = await release(dir, { inputs: { 'dry-run': 'true' } });
    expect(run.code).toBe(0);
    const results = JSON.parse(run.outputs.results) as Results;
    expect([results.npm.status, results.docker.status]).toEqual(['dry-run', 'dry-run']);
    expect(await npmVersions('dry')).toEqual([]);
    expect(await tagDigest('acme/dry', '5.0.0')).toBeUndefined();
  });

  test('bad platforms get one error naming the input, and nothing is published', async () => {
    const dir = project('6.0.0', 'platforms');
    const run = await release(dir, { inputs: { platforms: 'tier1, nuget' } });
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => a.level)).toEqual(['error']);
    expect(run.annotations[0].message).toMatch(
      /Invalid input 'platforms': "nuget" is not a target of .*Use all, tier1, tier2, tier3 or target names: npm, docker/,
    );
    expect(await npmVersions('platforms')).toEqual([]);
  });
});

describe('the spokes: build-matrix then publish@v1 (publish/dist)', () => {
  test('plans, publishes one target, and the plan then skips it', async () => {
    const dir = project('7.0.0', 'spoke');
    const plan = await runAction('build-matrix', {
      workspace: dir,
      env: env(),
      inputs: { platforms: 'all', force: 'false', check: 'true' },
    });
    expect(plan.code).toBe(0);
    const matrix = JSON.parse(plan.outputs.matrix) as {
      include: { target: string; skip: boolean; tier: number; policy: string }[];
    };
    expect(matrix.include.map((e) => [e.target, e.tier, e.policy, e.skip])).toEqual([
      ['npm', 1, 'required', false],
      ['docker', 3, 'experimental', false],
    ]);
    expect(plan.outputs['has-work']).toBe('true');

    const spoke = await runAction('publish', {
      entry: join(ROOT, 'publish', 'dist', 'index.js'),
      workspace: dir,
      env: env(),
      inputs: { target: 'npm', version: '7.0.0' },
    });
    expect(spoke.code).toBe(0);
    expect(spoke.outputs.status).toBe('published');
    expect(JSON.parse(spoke.outputs.result)).toMatchObject({
      target: 'npm',
      status: 'published',
      version: '7.0.0',
    });
    expect(await npmVersions('spoke')).toEqual(['7.0.0']);

    const replan = await runAction('build-matrix', {
      workspace: dir,
      env: env(),
      inputs: { platforms: 'npm', tier: '1' },
    });
    const again = JSON.parse(replan.outputs.matrix) as {
      include: { target: string; skip: boolean; reason: string }[];
    };
    expect(again.include).toEqual([
      expect.objectContaining({ target: 'npm', skip: true, reason: '7.0.0 is already published' }),
    ]);
    expect(replan.outputs['has-work']).toBe('false');
  });

  test('publish@v1 refuses an unknown target, listing the ones there are', async () => {
    const dir = project('7.1.0', 'unknown');
    const run = await runAction('publish', { workspace: dir, env: env(), inputs: { target: 'nuget' } });
    expect(run.code).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0].message).toMatch(
      /Invalid input 'target': "nuget" is not a target in .github\/deploy-actions.yml. Use one of: npm, docker./,
    );
  });
});
