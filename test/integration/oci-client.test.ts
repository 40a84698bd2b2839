/**
 * The OCI registry client (what check-published and the docker publisher read) against real
 * registries: tags, versions, latest, pagination, and the three ways of authenticating.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { RegistryAuth } from '@deploy-actions/targets/docker/oci-auth';
import { createClient } from '@deploy-actions/targets/docker/client';
import { OciRepository } from '@deploy-actions/targets/docker/oci-repository';
import { tmpdir } from 'node:os';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { publish } from '@deploy-actions/targets/docker/publish';
import { parseSemVer } from '@deploy-actions/version';
import {
  pushManifest,
  pushTestImage,
  startDockerRegistry,
  tagDigest,
  type DockerRegistry,
} from '../harness/docker-registry.js';

const http = new HttpClient({ retries: 0 });
const TAGS = ['1.0.0', '1.2.0', '1.10.0-rc.1', '0.9.0', 'latest', 'sha-abc', '1.2'];

async function pushTags(registry: DockerRegistry): Promise<void> {
  const image = await pushTestImage(registry, 'acme/app', TAGS[0]);
  for (const tag of TAGS.slice(1))
    await pushManifest(registry, 'acme/app', tag, image.manifest, image.mediaType);
}

describe('token auth (the Docker Hub / GHCR flow)', () => {
  let registry: DockerRegistry;
  beforeAll(async () => {
    registry = await startDockerRegistry({ auth: 'token' });
    await pushTags(registry);
  });
  afterAll(() => registry?.stop());

  test('exists, versions and latest, with one token and one 401 for requests sent together', async () => {
    const before = registry.tokenServer!.requests.length;
    const statuses: number[] = [];
    const counting = {
      request: async (req: Parameters<HttpClient['request']>[0]) => {
        const res = await http.request(req);
        statuses.push(res.status);
        return res;
      },
    } as HttpClient;
    const client = createClient(`${registry.host}/acme/app`, {
      http: counting,
      token: registry.password,
      env: { DOCKER_USERNAME: registry.username },
    });
    expect(client.id).toBe(`docker:${registry.host}/acme/app`);
    expect(client.registry).toBe(registry.url);
    const [exists, missing, versions, latest] = await Promise.all([
      client.exists('1.2.0'),
      client.exists('1.3.0'),
      client.versions(),
      client.latest(),
    ]);
    expect({ exists, missing, latest }).toEqual({ exists: true, missing: false, latest: '1.2.0' });
    expect(versions.sort()).toEqual(['0.9.0', '1.0.0', '1.10.0-rc.1', '1.2.0']);
    expect(registry.tokenServer!.requests.slice(before)).toEqual([
      { user: registry.username, scopes: ['repository:acme/app:pull'], status: 200 },
    ]);
    // One request learnt that a token is needed; the other three waited for it.
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
  });

  test('anonymous reads get an anonymous token, as on a public repository; anonymous pushes are refused clearly', async () => {
    const client = createClient(`${registry.host}/acme/app`, { http });
    expect(await client.exists('1.0.0')).toBe(true);
    expect(registry.tokenServer!.requests.at(-1)).toEqual({
      user: undefined,
      scopes: ['repository:acme/app:pull'],
      status: 200,
    });
    const auth = new RegistryAuth(http, registry.host);
    const repo = new OciRepository({
      http,
      endpoint: registry.url,
      registryName: registry.host,
      repository: 'acme/app',
      auth,
      push: true,
    });
    const manifest = (await repo.getManifest('1.0.0'))!;
    const error = (await repo
      .putManifest('anonymous', manifest)
      .catch((caught: unknown) => caught)) as RegistryError;
    expect(error.message).toBe(
      `${registry.host}: requires credentials for pushing to acme/app and none were given (HTTP 401)`,
    );
  });

  test('a repository that does not exist has no versions', async () => {
    const client = createClient(`${registry.host}/acme/nothing`, { http });
    expect(await client.versions()).toEqual([]);
    expect(await client.latest()).toBeUndefined();
    expect(await client.exists('1.0.0')).toBe(false);
  });

  test('tags are read page by page through the Link header', async () => {
    const repo = new OciRepository({
      http,
      endpoint: registry.url,
      registryName: registry.host,
      repository: 'acme/app',
      auth: new RegistryAuth(http, registry.host, {
        username: registry.username,
        password: registry.password,
      }),
      tagsPageSize: 2,
    });
    expect((await repo.listTags()).sort()).toEqual([...TAGS].sort());
  });
});

describe('basic auth', () => {
  let registry: DockerRegistry;
  beforeAll(async () => {
    registry = await startDockerRegistry({ auth: 'basic' });
    await pushTags(registry);
  });
  afterAll(() => registry?.stop());

  test('reads with credentials', async () => {
    const client = createClient(`${registry.host}/acme/app`, {
      http,
      username: registry.username,
      token: registry.password,
    });
    expect(await client.latest()).toBe('1.2.0');
  });

  test('without credentials: a RegistryError saying what to set', async () => {
    const client = createClient(`${registry.host}/acme/app`, { http });
    const error = await client.exists('1.0.0').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).message).toBe(
      `${registry.host}: requires credentials and none were given`,
    );
    expect((error as RegistryError).hint).toContain('DOCKER_PASSWORD');
  });

  test('a wrong password: a RegistryError with the status', async () => {
    const client = createClient(`${registry.host}/acme/app`, {
      http,
      username: registry.username,
      token: 'wrong-password',
    });
    const error = (await client.versions().catch((caught: unknown) => caught)) as RegistryError;
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/did not accept the credentials for reading acme\/app/);
  });
});

describe('no auth', () => {
  let registry: DockerRegistry;
  beforeAll(async () => {
    registry = await startDockerRegistry({ auth: 'none' });
    await pushTags(registry);
  });
  afterAll(() => registry?.stop());

  test('anonymous, and a registry override reaches the image host elsewhere', async () => {
    const client = createClient('ghcr.io/acme/app', { http, registry: registry.url });
    expect(client.registry).toBe(registry.url);
    expect(await client.latest()).toBe('1.2.0');
  });

  test('promoting a tag of the same repository copies nothing and only adds tags', async () => {
    const result = await publish(
      { image: `${registry.host}/acme/app`, source: `${registry.host}/acme/app:sha-abc`, tags: ['auto'] },
      {
        target: 'docker',
        version: { version: '1.3.0', semver: parseSemVer('1.3.0')!, tag: 'v1.3.0', pep440: '1.3.0' },
        force: false,
        dryRun: false,
        workspace: tmpdir(),
        tempDir: tmpdir(),
        env: {},
        reporter: new MemoryReporter(),
        http,
        defer: () => undefined,
      },
    );
    expect(result.status).toBe('published');
    // No copy line: the content is already in the repository. `latest` already has this
    // digest (every fixture tag shares one manifest), so it is not written again.
    const short = result.digest!.slice(0, 19);
    expect(result.notes).toEqual([
      `tagged 1.3.0 -> ${short}`,
      `tagged 1.3 -> ${short}`,
      `tagged 1 -> ${short}`,
    ]);
    expect(await tagDigest(registry, 'acme/app', '1.3.0')).toBe(
      await tagDigest(registry, 'acme/app', 'sha-abc'),
    );
  });
});
