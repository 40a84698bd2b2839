/**
 * publish-docker through its bundle (node actions/publish-docker/dist/index.js, as the runner
 * runs it) against real Docker registries (Debian's distribution 2.8) on loopback, every tag
 * checked independently with Debian's skopeo.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { rollback } from '@deploy-actions/targets/docker/publish';
import {
  listTags,
  pushTestImage,
  skopeo,
  skopeoDigest,
  skopeoInspect,
  startDockerRegistry,
  type DockerRegistry,
  type PushedImage,
} from '../harness/docker-registry.js';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';

const FAST_HTTP = { DEPLOY_ACTIONS_HTTP_RETRIES: '1', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '50' };

function publishDocker(
  registry: DockerRegistry,
  inputs: Record<string, string>,
  password = registry.password,
): Promise<ActionRun> {
  return runAction('publish-docker', {
    inputs: { image: `${registry.host}/acme/app`, ...inputs },
    env: { DOCKER_USERNAME: registry.username, DOCKER_PASSWORD: password, ...FAST_HTTP },
  });
}

/** All a user or a log could see; `::add-mask::` lines are how the runner is told to hide a secret. */
const everything = (run: ActionRun) =>
  [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]
    .join('\n')
    .replace(/^::add-mask::.*$/gm, '');

describe('publish-docker, promote mode, basic auth', () => {
  let registry: DockerRegistry;
  const builds: PushedImage[] = [];

  beforeAll(async () => {
    registry = await startDockerRegistry({ auth: 'basic' });
    // CI builds pushed under commit tags in another repository of the same registry.
    for (const name of ['sha-aaa', 'sha-bbb', 'sha-ccc'])
      builds.push(await pushTestImage(registry, 'acme/builds', name));
  });
  afterAll(() => registry?.stop());

  const digestOf = (tag: string) => skopeoDigest(registry, `acme/app:${tag}`);

  test('1.2.3, hotfix 1.1.5, then 2.0.0-rc.1 leave every tag on the right digest', async () => {
    const [b1, b2, b3] = builds;
    const first = await publishDocker(registry, {
      version: '1.2.3',
      source: `${registry.host}/acme/builds:sha-aaa`,
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.status).toBe('published');
    expect(first.outputs.digest).toBe(b1.digest);
    // Same registry: the blobs were mounted from the builds repository, not sent again.
    expect(first.stdout).toContain('copied 2 blobs (2 mounted, 0 uploaded, 0 already there)');

    const hotfix = await publishDocker(registry, {
      version: '1.1.5',
      source: `${registry.host}/acme/builds:sha-bbb`,
    });
    expect(hotfix.outputs.status).toBe('published');
    expect(hotfix.stdout).toContain('kept latest where it is: a higher stable version is in the registry');

    const rc = await publishDocker(registry, {
      version: '2.0.0-rc.1',
      source: `${registry.host}/acme/builds@${b3.digest}`,
    });
    expect(rc.outputs.status).toBe('published');

    expect(await listTags(registry, 'acme/app')).toEqual([
      '1',
      '1.1',
      '1.1.5',
      '1.2',
      '1.2.3',
      '2.0.0-rc.1',
      'latest',
    ]);
    const expected: Record<string, string> = {
      '1.2.3': b1.digest,
      '1.2': b1.digest,
      '1': b1.digest,
      latest: b1.digest,
      '1.1.5': b2.digest,
      '1.1': b2.digest,
      '2.0.0-rc.1': b3.digest,
    };
    for (const [tag, digest] of Object.entries(expected))
      expect([tag, await digestOf(tag)]).toEqual([tag, digest]);
    // The promoted image is whole in the new repository: skopeo reads its config and layers there.
    const inspected = await skopeoInspect(registry, 'acme/app:1.1.5');
    expect(inspected.Layers).toHaveLength(1);
    expect((inspected.Labels as Record<string, string>)['test.content']).toBe('acme/builds:sha-bbb');
  });

  test('a rerun publishes nothing and succeeds', async () => {
    const rerun = await publishDocker(registry, {
      version: '1.2.3',
      source: `${registry.host}/acme/builds:sha-aaa`,
    });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('skipped');
    expect(rerun.outputs.digest).toBe(builds[0].digest);
    expect(rerun.stdout).not.toMatch(/tagged /);
  });

  test('another image under an existing version is refused without force, retagged with it', async () => {
    const refused = await publishDocker(registry, {
      version: '1.2.3',
      source: `${registry.host}/acme/builds:sha-ccc`,
    });
    expect(userErrorShape(refused)).toEqual({ code: 1, errors: 1, stack: false });
    expect(refused.outputs.status).toBe('failed');
    expect(refused.stdout).toMatch(
      /acme\/app:1\.2\.3 already exists with digest sha256:[0-9a-f]{64}, not sha256:/,
    );
    expect(refused.stdout).toContain('set force: true to retag it');
    expect(await digestOf('1.2.3')).toBe(builds[0].digest);

    const forced = await publishDocker(registry, {
      version: '1.2.3',
      source: `${registry.host}/acme/builds:sha-ccc`,
      force: 'true',
    });
    expect(forced.outputs.status).toBe('published');
    for (const tag of ['1.2.3', '1.2', '1', 'latest'])
      expect([tag, await digestOf(tag)]).toEqual([tag, builds[2].digest]);
    expect(await digestOf('1.1.5')).toBe(builds[1].digest);
  });

  test('rollback moves latest, 1 and 1.2 back to the previous version; 1.2.3 stays', async () => {
    // latest is 1.2.3 (sha-ccc, forced above); the stable version below it is 1.1.5 (sha-bbb).
    const reporter = new MemoryReporter();
    const result = await rollback!(
      { image: `${registry.host}/acme/app`, tags: ['auto'] },
      {
        target: 'docker',
        dryRun: false,
        workspace: tmpdir(),
        tempDir: tmpdir(),
        env: { DOCKER_USERNAME: registry.username },
        token: registry.password,
        reporter,
        http: new HttpClient({ retries: 0 }),
        defer: () => undefined,
      },
    );
    expect(result.rolledBackTo).toBe('1.1.5');
    expect(result.actions).toHaveLength(3);
    for (const tag of ['latest', '1']) expect([tag, await digestOf(tag)]).toEqual([tag, builds[1].digest]);
    expect(await digestOf('1.2')).toBe(builds[1].digest);
    expect(await digestOf('1.2.3')).toBe(builds[2].digest);
  });

  test('a wrong password is one clear error, no stack, and the password is never printed', async () => {
    const wrong = 'not-the-password-4242';
    const run = await publishDocker(
      registry,
      { version: '3.0.0', source: `${registry.host}/acme/builds:sha-aaa` },
      wrong,
    );
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(/did not accept the credentials.*HTTP 401/);
    expect(run.annotations[0].message).toContain('DOCKER_USERNAME');
    expect(everything(run)).not.toContain(wrong);
    const good = await publishDocker(registry, {
      version: '3.0.0',
      source: `${registry.host}/acme/builds:sha-aaa`,
      'dry-run': 'true',
    });
    expect(good.outputs.status).toBe('dry-run');
    expect(everything(good)).not.toContain(registry.password);
    expect(await listTags(registry, 'acme/app')).not.toContain('3.0.0');
  });
});

describe('publish-docker, token auth, a multi-arch index from another registry', () => {
  let target: DockerRegistry;
  let source: DockerRegistry;
  let index: PushedImage;

  beforeAll(async () => {
    [target, source] = await Promise.all([
      startDockerRegistry({ auth: 'token' }),
      startDockerRegistry({ auth: 'none' }),
    ]);
    index = await pushTestImage(source, 'ci/app', 'build-7', { multiArch: true });
  });
  afterAll(async () => {
    await target?.stop();
    await source?.stop();
  });

  test('the whole index is promoted: skopeo sees the index, every child manifest and every blob', async () => {
    const run = await publishDocker(target, { version: '1.0.0', source: `${source.host}/ci/app:build-7` });
    const tokenRequests = [...target.tokenServer!.requests];
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('published');
    expect(run.outputs.digest).toBe(index.digest);
    expect(run.stdout).toContain(
      'copied 2 platform manifests and 4 blobs (0 mounted, 4 uploaded, 0 already there)',
    );

    for (const tag of ['1.0.0', '1.0', '1', 'latest'])
      expect([tag, await skopeoDigest(target, `acme/app:${tag}`)]).toEqual([tag, index.digest]);
    const raw = await skopeoInspect(target, 'acme/app:latest', { raw: true });
    expect(raw.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect((raw.manifests as { digest: string }[]).map((m) => m.digest)).toEqual(
      index.children.map((c) => c.digest),
    );
    for (const child of index.children)
      expect(await skopeoDigest(target, `acme/app@${child.digest}`)).toBe(child.digest);
    // Pull everything back (every blob of every platform, digests verified by skopeo).
    const dir = mkdtempSync(join(tmpdir(), 'da-oci-layout-'));
    try {
      await skopeo(target, ['copy', '--all', `docker://${target.host}/acme/app:1.0.0`, `oci:${dir}:pulled`]);
      expect(readdirSync(join(dir, 'blobs', 'sha256')).sort()).toEqual(
        [index.digest, ...index.children.map((c) => c.digest), ...index.blobs].map((d) => d.slice(7)).sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The token flow was used, with the pushing user and push rights.
    // One token, for the pushing user with push rights, served the whole publish.
    expect(tokenRequests).toEqual([
      { user: target.username, scopes: ['repository:acme/app:pull,push'], status: 200 },
    ]);
  });

  test('a wrong password is refused by the token service with a clear error', async () => {
    const run = await publishDocker(
      target,
      { version: '1.0.1', source: `${source.host}/ci/app:build-7` },
      'wrong-password-xyz',
    );
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain(`refused the credentials of user '${target.username}'`);
    expect(everything(run)).not.toContain('wrong-password-xyz');
  });
});
