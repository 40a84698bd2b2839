/**
 * rollback through its bundle: blue-green traffic back through Debian nginx, npm's latest
 * back on a real Verdaccio, docker's floating tags back on a real registry (skopeo as the
 * witness), kubectl rollout undo by its argv, and the types that cannot be rolled back.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { sampleColours, type RunningNginx } from '../harness/nginx.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import {
  pushManifest,
  pushTestImage,
  skopeoDigest,
  startDockerRegistry,
  type DockerRegistry,
} from '../harness/docker-registry.js';
import type { ColourApp } from '../servers/colour-app.js';
import {
  nginxRouterConfig,
  nginxRouterInputs,
  startColourNginx,
  type ColourNginx,
} from '../harness/colour-nginx.js';

const FAST_HTTP = { DEPLOY_ACTIONS_HTTP_RETRIES: '1', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '50' };

/** What a user or a log sees; `::add-mask::` lines are how the runner is told to hide a secret. */
const shown = (run: ActionRun) =>
  [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]
    .join('\n')
    .replace(/^::add-mask::.*$/gm, '');

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-rollback-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('rollback blue-green through the router of the config', () => {
  let blue: ColourApp;
  let green: ColourApp;
  let nginx: RunningNginx;
  let colours: ColourNginx | undefined;
  let workspace: string;

  beforeAll(async () => {
    colours = await startColourNginx();
    ({ blue, green, nginx } = colours);
    workspace = workspaceWith({
      '.github/deploy-actions.yml': `targets:
  - { name: npm, type: npm, tier: 1 }
deploy:
${nginxRouterConfig({ blue, green, nginx })}  steps: [100]
`,
    });
  });
  afterAll(async () => {
    await colours?.stop();
  });

  test('after a switch to green, rollback puts all traffic back on blue, and to-version names a colour', async () => {
    const current = join(nginx.confDir, 'app-upstream.route', 'current');
    const switched = await runAction('blue-green-switch', {
      inputs: { ...nginxRouterInputs({ blue, green, nginx }), 'step-interval': '0s' },
    });
    expect(switched.outputs.active).toBe('green');
    expect(await sampleColours(nginx.url, 10)).toEqual({ green: 10 });

    const run = await runAction('rollback', {
      workspace,
      inputs: { target: 'blue-green', reason: 'errors on green' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs['rolled-back-to']).toBe('blue');
    expect(JSON.parse(run.outputs.actions)).toEqual([`nginx: green -> blue (no reload)`]);
    expect(readlinkSync(current)).toBe('green-0');
    expect(await sampleColours(nginx.url, 20)).toEqual({ blue: 20 });
    expect(run.summary).toContain('### Rolled back blue-green (blue-green) to blue');
    expect(run.summary).toContain('Reason: errors on green');

    const again = await runAction('rollback', {
      workspace,
      inputs: { target: 'blue-green', 'to-version': 'blue' },
    });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.outputs.actions)).toEqual([
      `nginx ${nginx.upstreamFile}: blue already has all traffic; nothing changed`,
    ]);

    const bad = await runAction('rollback', {
      workspace,
      inputs: { target: 'blue-green', 'to-version': 'purple' },
    });
    expect(userErrorShape(bad)).toEqual({ code: 1, errors: 1, stack: false });
    expect(bad.annotations[0].message).toMatch(/Invalid input 'to-version': "purple" is not a colour/);
  });
});

describe('rollback npm on a real Verdaccio', () => {
  let registry: Verdaccio;
  beforeAll(async () => {
    registry = await startVerdaccio();
  });
  afterAll(() => registry?.stop());

  test('latest goes back to the previous stable version and the bad one is deprecated with the reason', async () => {
    const name = 'rollback-demo';
    const config = `targets:\n  - { name: npm-main, type: npm, tier: 1, path: ./pkg, registry: ${registry.url} }\n`;
    const env = { NPM_TOKEN: registry.token, ...FAST_HTTP };
    for (const version of ['1.0.0', '1.1.0']) {
      const ws = workspaceWith({
        '.github/deploy-actions.yml': config,
        'pkg/package.json': JSON.stringify({ name, version, license: 'MIT' }),
        'pkg/index.js': 'module.exports = 1;\n',
      });
      const published = await runAction('publish', {
        workspace: ws,
        inputs: { target: 'npm-main', version },
        env,
      });
      expect([version, published.outputs.status]).toEqual([version, 'published']);
    }
    const ws = workspaceWith({
      '.github/deploy-actions.yml': config,
      'pkg/package.json': JSON.stringify({ name, version: '1.1.0' }),
    });
    const run = await runAction('rollback', {
      workspace: ws,
      inputs: { target: 'npm', reason: 'broken build' },
      env,
    });
    expect(run.code).toBe(0);
    expect(run.outputs['rolled-back-to']).toBe('1.0.0');
    expect(JSON.parse(run.outputs.actions)).toEqual([
      `npm: dist-tag latest of ${name} 1.1.0 -> 1.0.0`,
      `npm: deprecate ${name}@1.1.0: broken build`,
    ]);
    const packument = (await (await fetch(`${registry.url}/${name}`)).json()) as {
      'dist-tags': Record<string, string>;
      versions: Record<string, { deprecated?: string }>;
    };
    expect(packument['dist-tags'].latest).toBe('1.0.0');
    expect(packument.versions['1.1.0'].deprecated).toBe('broken build');
    expect(shown(run)).not.toContain(registry.token);
  });
});

describe('rollback docker on a real registry', () => {
  let registry: DockerRegistry;
  beforeAll(async () => {
    registry = await startDockerRegistry({ auth: 'basic' });
  });
  afterAll(() => registry?.stop());

  test('latest and 1 go back to the previous version; the version tags stay', async () => {
    const good = await pushTestImage(registry, 'acme/app', '1.0.0');
    const bad = await pushTestImage(registry, 'acme/app', '1.1.0');
    for (const tag of ['latest', '1', '1.1'])
      await pushManifest(registry, 'acme/app', tag, bad.manifest, bad.mediaType);
    const ws = workspaceWith({
      '.github/deploy-actions.yml': `targets:\n  - { name: image, type: docker, tier: 1, image: ${registry.host}/acme/app }\n`,
    });
    const run = await runAction('rollback', {
      workspace: ws,
      inputs: { target: 'image' },
      env: { DOCKER_USERNAME: registry.username, DOCKER_PASSWORD: registry.password, ...FAST_HTTP },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['rolled-back-to']).toBe('1.0.0');
    expect(JSON.parse(run.outputs.actions).join('\n')).toMatch(
      /moved 127\.0\.0\.1:\d+\/acme\/app:latest 1\.1\.0 .* -> 1\.0\.0/,
    );
    for (const tag of ['latest', '1'])
      expect([tag, await skopeoDigest(registry, `acme/app:${tag}`)]).toEqual([tag, good.digest]);
    expect(await skopeoDigest(registry, 'acme/app:1.1.0')).toBe(bad.digest);
    expect(shown(run)).not.toContain(registry.password);
  });
});

describe('rollback kubernetes (no API server can run here: checked by the kubectl argv it runs)', () => {
  test('kubectl rollout undo of the Deployment, then rollout status, then the revision it reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-kubectl-'));
    writeFileSync(
      join(dir, 'kubectl'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> ${join(dir, 'argv.log')}\ncase "$*" in *"get deployment/"*) printf 3;; *"rollout undo"*) echo "deployment.apps/web rolled back";; esac\n`,
    );
    chmodSync(join(dir, 'kubectl'), 0o755);
    const ws = workspaceWith({
      '.github/deploy-actions.yml': `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n  router: { type: kubernetes, service: web, namespace: prod, context: east }\n`,
    });
    const run = await runAction('rollback', {
      workspace: ws,
      inputs: { target: 'kubernetes', 'to-version': '3' },
      env: { PATH: `${dir}:${process.env.PATH}` },
    });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'argv.log'), 'utf8').trim().split('\n')).toEqual([
      '--context east --namespace prod rollout undo deployment/web --to-revision=3',
      '--context east --namespace prod rollout status deployment/web --timeout=5m',
      '--context east --namespace prod get deployment/web -o jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
    ]);
    expect(run.outputs['rolled-back-to']).toBe('revision 3');
    expect(JSON.parse(run.outputs.actions)).toEqual([
      'deployment.apps/web rolled back',
      'kubernetes: deployment/web rolled out revision 3',
    ]);
    const notANumber = await runAction('rollback', {
      workspace: ws,
      inputs: { target: 'kubernetes', 'to-version': '1.2.3' },
    });
    expect(notANumber.annotations[0].message).toMatch(
      /Invalid input 'to-version': "1\.2\.3" is not a revision number/,
    );
  });
});

describe('rollback refuses clearly what it cannot do', () => {
  const ws = () =>
    workspaceWith({
      '.github/deploy-actions.yml': `targets:\n  - { name: wheels, type: pypi, tier: 1 }\n  - { name: app, type: npm, tier: 3 }\n`,
    });

  test.each([
    [
      { target: 'wheels' },
      /"wheels" is a pypi target, and a pypi release cannot be rolled back.*PyPI cannot take a version back/,
    ],
    [
      { target: 'nginx' },
      /Invalid input 'target': "nginx" is neither a target of .* nor a type.*wheels, app.*blue-green, kubernetes/,
    ],
    [{ target: 'blue-green' }, /Invalid input 'target': is blue-green, but .* has no deploy: section/],
    [{ target: '../etc' }, /Invalid input 'target': "..\/etc" is not a target name or type/],
  ])('%p is one clear error, no stack', async (inputs, message) => {
    const run = await runAction('rollback', { workspace: ws(), inputs });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(message);
  });
});
