/**
 * check-published through its bundle against real local registries (Verdaccio, Debian's
 * docker-registry) and the protocol test servers (PyPI, crates sparse index, GitHub): one
 * concurrent pass, published / missing / drift right for every registry kind, and a registry
 * that fails or hangs reported as unknown, never as not published.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { pushTestImage, startDockerRegistry, type DockerRegistry } from '../harness/docker-registry.js';
import { startPypiServer, type PypiServer } from '../servers/pypi.js';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { startFaultProxy, type FaultProxy } from '../faults/proxy.js';
import { npmPublish, wheelFile } from '../helpers/seed.js';

let npm: Verdaccio;
let pypi: PypiServer;
let crates: CratesServer;
let docker: DockerRegistry;
let github: GitHubServer;
let proxy: FaultProxy;

beforeAll(async () => {
  [npm, pypi, crates, docker, github] = await Promise.all([
    startVerdaccio(),
    startPypiServer({ token: 'pypi-token' }),
    startCratesServer({ token: 'crates-token' }),
    startDockerRegistry(),
    startGitHubServer({ token: 'gh-token' }),
  ]);
  proxy = await startFaultProxy(npm.url);
  // Every registry has 1.2.2; all but crates have 1.2.3 (the drift users see today).
  for (const version of ['1.2.2', '1.2.3']) {
    npmPublish(npm.url, npm.token, '@acme/app', version);
    pypi.seed(wheelFile('acme-app', version), 'acme-app', version);
    await pushTestImage(docker, 'acme/app', version);
    github.state.seedRelease('acme/app', { tag: `v${version}` });
  }
  crates.seed('acme-app', '1.2.2');
}, 120_000);

afterAll(async () => {
  await Promise.all([
    npm?.stop(),
    pypi?.stop(),
    crates?.stop(),
    docker?.stop(),
    github?.stop(),
    proxy?.stop(),
  ]);
});

const lines = (npmUrl = npm.url) =>
  [
    `npm:@acme/app ${npmUrl}`,
    `pypi:acme-app ${pypi.url}`,
    `crates:acme-app ${crates.plainIndexUrl}`,
    `docker:${docker.host}/acme/app`,
    `github-release:acme/app ${github.url}`,
  ].join('\n');

const check = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction('check-published', {
    inputs: { platforms: 'all', 'fail-on-missing': 'false', ...inputs },
    env: { GITHUB_TOKEN: 'gh-token', ...env },
  });

type Results = Record<
  string,
  { published: boolean | 'unknown'; latest: string | null; url: string | null; error: string | null }
>;

describe('check-published (bundle)', () => {
  test('one pass over five registry kinds: published, missing, latest and drift', async () => {
    const run = await check({ version: '1.2.3', targets: lines() });
    expect(run.code).toBe(0);
    const results = JSON.parse(run.outputs.results) as Results;
    expect(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, [v.published, v.latest]]))).toEqual(
      {
        'npm:@acme/app': [true, '1.2.3'],
        'pypi:acme-app': [true, '1.2.3'],
        'crates:acme-app': [false, '1.2.2'],
        [`docker:${docker.host}/acme/app`]: [true, '1.2.3'],
        'github-release:acme/app': [true, '1.2.3'],
      },
    );
    expect(run.outputs.missing).toBe('crates:acme-app');
    expect(run.outputs['all-published']).toBe('false');
    expect(run.outputs.drift).toBe('true');
    expect(run.summary).toContain('| crates:acme-app |');
    expect(run.summary).toMatch(/drift/);
  });

  test('the older version is everywhere and fail-on-missing stays green', async () => {
    const run = await check({ version: '1.2.2', targets: lines(), 'fail-on-missing': 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs['all-published']).toBe('true');
    expect(run.outputs.missing).toBe('');
  });

  test('fail-on-missing fails with one error naming what is missing', async () => {
    const run = await check({ version: '1.2.3', targets: lines(), 'fail-on-missing': 'true' });
    expect(run.code).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      '1.2.3 is missing on: crates:acme-app',
    ]);
  });

  test('reads the targets of a config file, with their registries', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'da-check-'));
    mkdirSync(join(workspace, 'npm'));
    mkdirSync(join(workspace, '.github'));
    writeFileSync(
      join(workspace, 'npm', 'package.json'),
      JSON.stringify({ name: '@acme/app', version: '1.2.3' }),
    );
    writeFileSync(join(workspace, 'VERSION'), '1.2.3\n');
    writeFileSync(
      join(workspace, '.github', 'deploy-actions.yml'),
      [
        'targets:',
        `  - { name: npm, type: npm, tier: 1, path: npm, registry: '${npm.url}' }`,
        `  - { name: docker, type: docker, tier: 3, image: '${docker.host}/acme/app' }`,
        `  - { name: gh, type: github-release, tier: 1, repository: acme/app, registry: '${github.url}' }`,
      ].join('\n'),
    );
    const run = await runAction('check-published', {
      workspace,
      inputs: { platforms: 'tier1' },
      env: { GITHUB_TOKEN: 'gh-token' },
    });
    expect(run.annotations).toEqual([]);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.outputs.results) as Results;
    expect(Object.keys(results)).toEqual(['npm', 'gh']); // tier1 only; the version from VERSION
    expect(results.npm.published).toBe(true);
    expect(results.gh.published).toBe(true);
  });

  test('a registry that keeps answering 500 is unknown with a warning, never "not published"', async () => {
    proxy.clear();
    proxy.add({ path: /acme/, fault: { kind: 'status', status: 500 }, times: 100 });
    const run = await check(
      { version: '1.2.3', targets: lines(proxy.url) },
      { DEPLOY_ACTIONS_HTTP_RETRIES: '2', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '10' },
    );
    expect(run.code).toBe(0);
    const results = JSON.parse(run.outputs.results) as Results;
    expect(results['npm:@acme/app'].published).toBe('unknown');
    expect(results['npm:@acme/app'].error).toMatch(/HTTP 500/);
    expect(results['pypi:acme-app'].published).toBe(true);
    expect(proxy.log.filter((r) => r.fault === 'status').length).toBeGreaterThanOrEqual(3); // retried, bounded
    expect(run.outputs.missing.split('\n')).toContain('npm:@acme/app');
    expect(run.annotations.some((a) => a.level === 'warning' && a.message.includes('npm:@acme/app'))).toBe(
      true,
    );
  });

  test('a 429 with Retry-After is waited for and then answered', async () => {
    proxy.clear();
    proxy.add({ path: /acme/, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } });
    const run = await check({ version: '1.2.3', targets: lines(proxy.url) });
    expect((JSON.parse(run.outputs.results) as Results)['npm:@acme/app'].published).toBe(true);
    expect(proxy.log.map((r) => r.fault ?? 'ok').slice(0, 2)).toEqual(['status', 'ok']);
  });

  test('a registry that hangs times out and is unknown', async () => {
    proxy.clear();
    proxy.add({ path: /acme/, fault: { kind: 'hang' }, times: 100 });
    const run = await check(
      { version: '1.2.3', targets: lines(proxy.url) },
      {
        DEPLOY_ACTIONS_HTTP_TIMEOUT_MS: '300',
        DEPLOY_ACTIONS_HTTP_RETRIES: '1',
        DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '10',
      },
    );
    const results = JSON.parse(run.outputs.results) as Results;
    expect(results['npm:@acme/app']).toMatchObject({
      published: 'unknown',
      error: expect.stringMatching(/timeout/),
    });
    expect(results['github-release:acme/app'].published).toBe(true);
  });

  test.each([
    ['maven:com.acme', /not a type:name line with a known type/],
    ['npm:', /not "type:name"/],
    ['npm:a b c', /not "type:name"/],
    ['npm:a ftp://x', /not an http\(s\) URL/],
  ])('refuses the target line %j with one error', async (line, message) => {
    const run = await check({ version: '1.2.3', targets: line });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(message);
  });
});
