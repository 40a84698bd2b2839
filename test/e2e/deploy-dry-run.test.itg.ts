/**
 * `deploy-actions switch --dry-run` and `rollback --dry-run` send nothing (CONTRACT: "--dry-run
 * sends nothing, in every command"), run as a user runs them: the CLI bundle as a process. The
 * router (nginx's files, route link and workers; a symlink; a switch command) and the registries
 * (npm dist-tags on Verdaccio, docker tags on a real registry) are snapshotted before and after.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction } from '../harness/run-action.js';
import { sampleColours, type RunningNginx } from '../harness/nginx.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import {
  listTags,
  pushManifest,
  pushTestImage,
  skopeoDigest,
  startDockerRegistry,
  type DockerRegistry,
} from '../harness/docker-registry.js';
import { npmPublish } from '../helpers/seed.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import type { ColourApp } from '../servers/colour-app.js';
import { nginxRouterConfig, startColourNginx, type ColourNginx } from '../harness/colour-nginx.js';

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-dry-'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github', 'deploy-actions.yml'), config);
  return dir;
}

/** The CLI as a process; not spawnSync, as some registries here answer from this process. */
function cli(cwd: string, env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'deploy-actions.js'), ...args],
      { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** Everything under a folder: names, link targets, file contents. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isSymbolicLink()) out[path] = `-> ${readlinkSync(path)}`;
      else if (entry.isDirectory()) {
        out[path] = 'dir';
        walk(path);
      } else if (entry.isFile()) out[path] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('switch --dry-run', () => {
  let blue: ColourApp;
  let green: ColourApp;
  let nginx: RunningNginx;
  let colours: ColourNginx | undefined;
  beforeAll(async () => {
    colours = await startColourNginx();
    ({ blue, green, nginx } = colours);
  });
  afterAll(async () => {
    await colours?.stop();
  });

  test.each(['blue-green', 'canary'])(
    'nginx (%s): the upstream file, the route and its link, the workers and the traffic are as they were; no probe is sent',
    async (strategy) => {
      const dir = project(`targets:\n  - { name: npm, type: npm, tier: 1 }
deploy:
  strategy: ${strategy}
${nginxRouterConfig({ blue, green, nginx })}  steps: ${strategy === 'canary' ? '[10, 50, 100]' : '[100]'}
  step-interval: 0s
  health: { url: 'http://{address}/health', interval: 200ms, success-threshold: 1 }
`);
      const before = snapshot(nginx.confDir);
      const workers = await nginx.workers();
      const probes = blue.total() + green.total();
      const run = await cli(dir, {}, 'switch', '--dry-run', '--json');
      expect(run.stderr).not.toMatch(/error/);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        strategy,
        'dry-run': true,
        active: 'blue',
        'rolled-back': false,
        changes: [],
      });
      expect(JSON.parse(run.stdout).reason).toMatch(
        /^dry run: would move blue -> green .*nothing was changed$/,
      );
      expect(snapshot(nginx.confDir)).toEqual(before);
      expect(await nginx.workers()).toEqual(workers);
      expect(blue.total() + green.total()).toBe(probes);
      expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ blue: 10 });
    },
  );

  test('command router: the switch command is not run', async () => {
    const dir = project('');
    const calls = join(dir, 'calls');
    writeFileSync(join(dir, 'lb'), `#!/bin/sh\necho "$*" >> ${calls}\n`);
    chmodSync(join(dir, 'lb'), 0o755);
    writeFileSync(join(dir, 'state'), 'green\n');
    writeFileSync(
      join(dir, '.github', 'deploy-actions.yml'),
      `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n  router: { type: command, switch-command: '${join(dir, 'lb')} {colour} {weight}', read-command: 'cat ${join(dir, 'state')}' }\n  steps: [50, 100]\n`,
    );
    const run = await cli(dir, {}, 'switch', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^dry run: active green .*would move green -> blue in steps 50, 100%/);
    expect(existsSync(calls)).toBe(false);
    expect(readFileSync(join(dir, 'state'), 'utf8')).toBe('green\n');
  });
});

describe('rollback --dry-run', () => {
  let npm: Verdaccio;
  let registry: DockerRegistry;
  beforeAll(async () => {
    [npm, registry] = await Promise.all([startVerdaccio(), startDockerRegistry({ auth: 'basic' })]);
  }, 60_000);
  afterAll(async () => {
    await npm?.stop();
    await registry?.stop();
  });

  test('blue-green (symlink router): the link is as it was', async () => {
    const dir = project('');
    for (const colour of ['blue', 'green']) mkdirSync(join(dir, 'releases', colour), { recursive: true });
    symlinkSync(join(dir, 'releases', 'green'), join(dir, 'current'));
    writeFileSync(
      join(dir, '.github', 'deploy-actions.yml'),
      `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n  router: { type: symlink, link: ${join(dir, 'current')}, blue: ${join(dir, 'releases', 'blue')}, green: ${join(dir, 'releases', 'green')} }\n`,
    );
    const run = await cli(dir, {}, 'rollback', '--target', 'blue-green', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dry run, nothing sent: would roll back to blue/);
    expect(readlinkSync(join(dir, 'current'))).toBe(join(dir, 'releases', 'green'));
  });

  test('npm: the dist-tags and the deprecations on the registry are as they were', async () => {
    const name = 'dry-rb';
    npmPublish(npm.url, npm.token, name, '1.0.0');
    npmPublish(npm.url, npm.token, name, '1.1.0');
    const state = async () => {
      const packument = (await (await fetch(`${npm.url}/${name}`)).json()) as {
        'dist-tags': Record<string, string>;
        versions: Record<string, { deprecated?: string }>;
      };
      return {
        tags: packument['dist-tags'],
        deprecated: Object.values(packument.versions).map((v) => v.deprecated ?? ''),
      };
    };
    const before = await state();
    const dir = project(
      `targets:\n  - { name: npm, type: npm, tier: 1, path: ./pkg, registry: ${npm.url} }\n`,
    );
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'package.json'), JSON.stringify({ name, version: '1.1.0' }));
    const run = await cli(
      dir,
      { NPM_TOKEN: npm.token },
      'rollback',
      '--target',
      'npm',
      '--reason',
      'bad',
      '--dry-run',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`npm (dry run): dist-tag latest of ${name} 1.1.0 -> 1.0.0`);
    expect(await state()).toEqual(before);
    expect(before.tags.latest).toBe('1.1.0');
  });

  test('docker: every tag points where it did', async () => {
    await pushTestImage(registry, 'acme/dry', '1.0.0');
    const bad = await pushTestImage(registry, 'acme/dry', '1.1.0');
    for (const tag of ['latest', '1'])
      await pushManifest(registry, 'acme/dry', tag, bad.manifest, bad.mediaType);
    const tags = await listTags(registry, 'acme/dry');
    const digests = async () =>
      Promise.all(tags.map(async (tag) => [tag, await skopeoDigest(registry, `acme/dry:${tag}`)]));
    const before = await digests();
    const dir = project(
      `targets:\n  - { name: image, type: docker, tier: 1, image: ${registry.host}/acme/dry }\n`,
    );
    const run = await cli(
      dir,
      { DOCKER_USERNAME: registry.username, DOCKER_PASSWORD: registry.password },
      'rollback',
      '--target',
      'image',
      '--dry-run',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/would move .*acme\/dry:latest 1\.1\.0/);
    expect(await digests()).toEqual(before);
    expect(await listTags(registry, 'acme/dry')).toEqual(tags);
  });
});

describe('rollback --dry-run of a GitHub release', () => {
  let github: GitHubServer;
  const token = 'ghs_dryrun_token_1234567890';
  beforeAll(async () => {
    github = await startGitHubServer({ token });
  });
  afterAll(() => github?.stop());

  test('the releases, their flags and which one is latest are as they were', async () => {
    github.state.seedRelease('acme/app', { tag: 'v1.0.0' });
    github.state.seedRelease('acme/app', { tag: 'v1.1.0' });
    const state = async () => {
      const headers = { authorization: `Bearer ${token}` };
      const latest = (await (
        await fetch(`${github.url}/repos/acme/app/releases/latest`, { headers })
      ).json()) as {
        tag_name: string;
      };
      const releases = github.state
        .releases('acme/app')
        .map((r) => ({ tag: r.tagName, prerelease: r.prerelease, body: r.body, updated: r.updatedAt }));
      return { latest: latest.tag_name, releases };
    };
    const before = await state();
    expect(before.latest).toBe('v1.1.0');
    const dir = project(
      `targets:\n  - { name: gh, type: github-release, tier: 1, repository: acme/app, registry: '${github.url}' }\n`,
    );
    const run = await cli(
      dir,
      { GITHUB_TOKEN: token },
      'rollback',
      '--target',
      'gh',
      '--reason',
      'bad',
      '--dry-run',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('github-release: latest v1.1.0 -> v1.0.0 (dry run: not sent)');
    expect(await state()).toEqual(before);
  });
});

describe('dry-run: true on the actions (their bundles)', () => {
  function releases() {
    const dir = mkdtempSync(join(tmpdir(), 'da-dry-action-'));
    for (const colour of ['blue', 'green']) mkdirSync(join(dir, 'releases', colour), { recursive: true });
    symlinkSync(join(dir, 'releases', 'blue'), join(dir, 'current'));
    return {
      dir,
      settings: {
        link: join(dir, 'current'),
        blue: join(dir, 'releases', 'blue'),
        green: join(dir, 'releases', 'green'),
      },
    };
  }

  test('blue-green-switch reads the router, says what it would do, and moves nothing', async () => {
    const { dir, settings } = releases();
    const run = await runAction('blue-green-switch', {
      inputs: { router: 'symlink', ...settings, 'dry-run': 'true' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ active: 'blue', 'rolled-back': 'false' });
    expect(run.outputs.reason).toMatch(/^dry run: would move blue -> green/);
    expect(run.summary).toContain('(dry run)');
    expect(readlinkSync(join(dir, 'current'))).toBe(settings.blue);
  });

  test('rollback of blue-green says what it would do and moves nothing', async () => {
    const { dir, settings } = releases();
    const workspace = project(
      `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n  router: { type: symlink, link: ${settings.link}, blue: ${settings.blue}, green: ${settings.green} }\n`,
    );
    const run = await runAction('rollback', {
      workspace,
      inputs: { target: 'blue-green', 'dry-run': 'true' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['rolled-back-to']).toBe('green');
    expect(JSON.parse(run.outputs.actions)).toEqual([
      `symlink ${settings.link} (dry run): would move blue -> green; nothing was changed`,
    ]);
    expect(run.summary).toContain('Dry run: would roll back blue-green');
    expect(readlinkSync(join(dir, 'current'))).toBe(settings.blue);
  });
});
