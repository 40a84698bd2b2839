/**
 * ghcr.io through publish-docker's bundle, with a real registry (Debian's distribution, basic
 * auth) standing in for ghcr.io through the `registry` setting: the image written as
 * `ghcr.io/${{ github.repository_owner }}/app` (owner `Acme`) lands in `acme/app`, pushed with
 * the workflow's GITHUB_TOKEN and GITHUB_ACTOR, while the Docker Hub account in
 * DOCKER_USERNAME / DOCKER_PASSWORD (wrong for this registry) is never used. Checked with skopeo.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  pushTestImage,
  skopeoDigest,
  startDockerRegistry,
  type DockerRegistry,
  type PushedImage,
} from '../harness/docker-registry.js';
import { runAction } from '../harness/run-action.js';

let registry: DockerRegistry;
let build: PushedImage;
beforeAll(async () => {
  registry = await startDockerRegistry({ auth: 'basic' });
  build = await pushTestImage(registry, 'acme/builds', 'sha-1');
});
afterAll(() => registry?.stop());

test('ghcr.io/Acme/app: the owner lower-cased, GITHUB_TOKEN with GITHUB_ACTOR, not the Docker Hub account', async () => {
  const run = await runAction('publish-docker', {
    inputs: {
      image: 'ghcr.io/Acme/app',
      source: 'ghcr.io/acme/builds:sha-1',
      registry: registry.url,
      version: '1.2.3',
    },
    env: {
      GITHUB_ACTOR: registry.username,
      GITHUB_TOKEN: registry.password,
      DOCKER_USERNAME: 'hub-user',
      DOCKER_PASSWORD: 'hub-password-not-for-ghcr',
      DEPLOY_ACTIONS_HTTP_RETRIES: '1',
    },
  });
  expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
  expect(run.outputs.status).toBe('published');
  expect(run.outputs.url).toBe('https://ghcr.io/acme/app');
  expect(await skopeoDigest(registry, 'acme/app:1.2.3')).toBe(build.digest);
  expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(registry.password);

  // Without GITHUB_TOKEN the Docker Hub password is still not sent to ghcr.io: no credential at all.
  const anonymous = await runAction('publish-docker', {
    inputs: {
      image: 'ghcr.io/Acme/app',
      source: 'ghcr.io/acme/builds:sha-1',
      registry: registry.url,
      version: '1.2.4',
    },
    env: {
      GITHUB_ACTOR: registry.username,
      DOCKER_USERNAME: registry.username,
      DOCKER_PASSWORD: registry.password,
      DEPLOY_ACTIONS_HTTP_RETRIES: '1',
    },
  });
  expect(anonymous.code).toBe(1);
  expect(anonymous.annotations.filter((a) => a.level === 'error')[0].message).toMatch(/requires credentials/);
  expect(await skopeoDigest(registry, 'acme/app:1.2.4').catch(() => 'absent')).not.toBe(build.digest);
}, 120_000);
