import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import {
  classicArgv,
  cliReference,
  configKey,
  ociLabels,
  writeDockerConfig,
} from '@deploy-actions/targets/docker/build';
import { readDockerSettings } from '@deploy-actions/targets/docker/read-settings';
import { parseImageName } from '@deploy-actions/targets/docker/client';

const workspace = mkdtempSync(join(tmpdir(), 'da-docker-unit-'));
mkdirSync(join(workspace, 'app'));
writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');
const read = (settings: Record<string, unknown>, env: NodeJS.ProcessEnv = {}, token?: string) =>
  readDockerSettings(settings, { workspace, env, token });

describe('docker settings', () => {
  test('promote mode', () => {
    const s = read(
      { image: 'ghcr.io/acme/app', source: 'ghcr.io/acme/builds:sha-1', username: 'bot' },
      {},
      'pw-123456',
    );
    expect(s.source).toEqual({ host: 'ghcr.io', repository: 'acme/builds', tag: 'sha-1', digest: undefined });
    expect(s.credentials).toEqual({ username: 'bot', password: 'pw-123456' });
    expect(s.tags).toEqual(['auto']);
    expect(s.build).toBeUndefined();
  });

  test('a source on another registry reads DOCKER_SOURCE_* credentials, never the target ones', () => {
    const s = read(
      { image: 'docker.io/acme/app', source: 'ghcr.io/acme/app:sha-1' },
      { DOCKER_USERNAME: 'u', DOCKER_SOURCE_USERNAME: 'su', DOCKER_SOURCE_PASSWORD: 'spw-1234' },
      'pw-123456',
    );
    expect(s.sourceCredentials).toEqual({ username: 'su', password: 'spw-1234' });
    expect(
      read(
        { image: 'docker.io/acme/app', source: 'ghcr.io/acme/app:sha-1' },
        { DOCKER_USERNAME: 'u' },
        'pw-123456',
      ).sourceCredentials,
    ).toBeUndefined();
  });

  test('build mode: context and Dockerfile resolved inside the workspace', () => {
    const s = read({
      image: 'acme/app',
      context: 'app',
      platforms: ['linux/amd64', 'linux/arm/v7'],
      'build-args': ['A=1', 'B_2=x=y'],
    });
    expect(s.build).toEqual({
      context: join(workspace, 'app'),
      file: join(workspace, 'app', 'Dockerfile'),
      platforms: ['linux/amd64', 'linux/arm/v7'],
      buildArgs: ['A=1', 'B_2=x=y'],
    });
  });

  test('ghcr.io takes GITHUB_ACTOR as the user for a token', () => {
    expect(
      read({ image: 'ghcr.io/o/a', source: 'ghcr.io/o/a:x' }, { GITHUB_ACTOR: 'octocat' }, 'ghp_secret1')
        .credentials?.username,
    ).toBe('octocat');
  });

  test.each([
    [{}, /'image'.*required/],
    [{ image: 'acme/app' }, /'source'.*required/],
    [{ image: 'acme/app:1.0', source: 'acme/x:1' }, /'image'.*names a tag/],
    [{ image: 'acme/app', source: 'acme/builds' }, /'source'.*neither a tag nor a digest/],
    [{ image: 'acme/app', source: 'acme/b:1', context: 'app' }, /'source'.*together with context/],
    [{ image: 'acme/app', context: 'nowhere' }, /'context'.*not found/],
    [{ image: 'acme/app', context: '../..' }, /'context'.*outside the workspace/],
    [{ image: 'acme/app', context: 'app', platforms: ['amd64'] }, /'platforms'.*not a platform/],
    [{ image: 'acme/app', context: 'app', 'build-args': ['1X=2'] }, /'build-args'.*not NAME=value/],
    [{ image: 'acme/app', source: 'acme/b:1', tags: ['{{nope}}'] }, /'tags'.*unknown placeholder/],
    [{ image: 'acme/app', source: 'acme/b:1', username: 'bot' }, /'token'.*required/],
  ])('%j is refused: %s', (settings, message) => {
    expect(() => read(settings)).toThrow(InputError);
    expect(() => read(settings)).toThrow(message);
  });

  test('a password without a user name is refused', () => {
    expect(() => read({ image: 'acme/app', source: 'acme/b:1' }, {}, 'pw-123456')).toThrow(
      /'username'.*required/,
    );
  });
});

describe('build helpers', () => {
  const request = (platforms: string[]) => ({
    build: { context: '/ws/app', file: '/ws/app/Dockerfile', platforms, buildArgs: ['A=1'] },
    reference: '127.0.0.1:5000/acme/app:1.0.0',
    labels: { 'org.opencontainers.image.version': '1.0.0' },
    tempDir: '/tmp/x',
  });

  test('docker build then docker push, one platform at most', () => {
    expect(classicArgv(request(['linux/arm64']))).toEqual([
      [
        'build',
        '--file',
        '/ws/app/Dockerfile',
        '--tag',
        '127.0.0.1:5000/acme/app:1.0.0',
        '--label',
        'org.opencontainers.image.version=1.0.0',
        '--build-arg',
        'A=1',
        '--platform',
        'linux/arm64',
        '/ws/app',
      ],
      ['push', '127.0.0.1:5000/acme/app:1.0.0'],
    ]);
    expect(() => classicArgv(request(['linux/amd64', 'linux/arm64']))).toThrow(
      /'platforms'.*needs docker buildx/,
    );
  });

  test('the CLI pushes where the registry override points', () => {
    expect(cliReference(parseImageName('ghcr.io/o/a'), 'http://127.0.0.1:5000', '1.0.0')).toBe(
      '127.0.0.1:5000/o/a:1.0.0',
    );
    expect(cliReference(parseImageName('acme/app'), undefined, '1.0.0')).toBe('docker.io/acme/app:1.0.0');
    expect(configKey('docker.io')).toBe('https://index.docker.io/v1/');
    expect(configKey('ghcr.io')).toBe('ghcr.io');
  });

  test('OCI labels from the workflow', () => {
    expect(
      ociLabels('1.0.0', {
        GITHUB_SHA: 'abc',
        GITHUB_SERVER_URL: 'https://ghe.example/',
        GITHUB_REPOSITORY: 'o/r',
      }),
    ).toEqual({
      'org.opencontainers.image.version': '1.0.0',
      'org.opencontainers.image.revision': 'abc',
      'org.opencontainers.image.source': 'https://ghe.example/o/r',
    });
    expect(ociLabels('1.0.0', {})).toEqual({ 'org.opencontainers.image.version': '1.0.0' });
  });

  test('the private DOCKER_CONFIG is 0600, keeps the user config but not its credential store', () => {
    const original = mkdtempSync(join(tmpdir(), 'da-docker-home-'));
    mkdirSync(join(original, 'buildx'));
    writeFileSync(
      join(original, 'config.json'),
      JSON.stringify({
        auths: { 'other.io': { auth: 'eA==' } },
        credsStore: 'desktop',
        credHelpers: { 'ghcr.io': 'gh' },
      }),
    );
    const dir = writeDockerConfig(
      join(mkdtempSync(join(tmpdir(), 'da-run-')), 'docker-config'),
      'ghcr.io',
      { username: 'u', password: 'p@ss' },
      { DOCKER_CONFIG: original },
    );
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auths: { 'other.io': { auth: 'eA==' }, 'ghcr.io': { auth: Buffer.from('u:p@ss').toString('base64') } },
      credHelpers: {},
    });
    expect(readlinkSync(join(dir, 'buildx'))).toBe(join(original, 'buildx'));
  });
});
