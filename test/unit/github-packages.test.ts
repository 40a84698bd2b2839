/**
 * GitHub Packages: `registry: github` on npm targets (the URL it stands for, the owner-scope
 * check, GITHUB_TOKEN as the default credential) and ghcr.io images (owner lower-cased,
 * GITHUB_TOKEN with GITHUB_ACTOR), through the code the publishers, the plan and the config use.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { loadConfig, resolveToken, settingsFromInputs } from '@deploy-actions/release';
import { createClient } from '@deploy-actions/targets/npm/client';
import { checkGithubScope, githubNpmRegistry } from '@deploy-actions/targets/npm/github-packages';
import { targetPackages } from '@deploy-actions/targets/npm/package';
import { parseImageName } from '@deploy-actions/targets/docker/client';
import { readDockerSettings } from '@deploy-actions/targets/docker/read-settings';

const ENV = {
  GITHUB_REPOSITORY: 'Acme/tool',
  GITHUB_TOKEN: 'ghs_unit_github_token',
  NPM_TOKEN: 'npm_unit_npmjs_token',
  GITHUB_ACTOR: 'octo-dev',
  DOCKER_USERNAME: 'hub-user',
  DOCKER_PASSWORD: 'hub-password',
};
const noHttp = {
  request: () => {
    throw new Error('nothing may be sent');
  },
} as never;

function project(name: string, config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-gpr-'));
  mkdirSync(join(dir, 'npm'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'npm', 'package.json'), JSON.stringify({ name, version: '1.0.0' }));
  writeFileSync(join(dir, '.github', 'deploy-actions.yml'), config);
  return dir;
}

describe('npm registry: github', () => {
  test('the config accepts `github` and the package goes to npm.pkg.github.com (or the GHES override)', async () => {
    const dir = project(
      '@acme/tool',
      'targets:\n  - { name: gpr, type: npm, tier: 1, path: npm, registry: github }\n',
    );
    const config = await loadConfig(join(dir, '.github', 'deploy-actions.yml'));
    expect(config.targets[0].settings.registry).toBe('github');
    expect(targetPackages(config.targets[0].settings, dir, {})[0].registry).toBe(
      'https://npm.pkg.github.com',
    );
    const ghes = { DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY: 'https://npm.ghe.acme.example/' };
    expect(targetPackages(config.targets[0].settings, dir, ghes)[0].registry).toBe(
      'https://npm.ghe.acme.example',
    );
    expect(githubNpmRegistry({})).toBe('https://npm.pkg.github.com');
    // The same word through the publish-npm input.
    expect(settingsFromInputs('npm', (n) => (n === 'registry' ? 'github' : '')).registry).toBe('github');
    // Another word is still refused as a URL.
    expect(() => settingsFromInputs('npm', (n) => (n === 'registry' ? 'gitlab' : ''))).toThrow(/registry/);
  });

  test('GITHUB_TOKEN is the default credential, never NPM_TOKEN; token-env still wins; npmjs unchanged', () => {
    expect(resolveToken('npm', { registry: 'github' }, ENV)).toBe(ENV.GITHUB_TOKEN);
    expect(resolveToken('npm', { registry: 'https://npm.pkg.github.com/' }, ENV)).toBe(ENV.GITHUB_TOKEN);
    expect(resolveToken('npm', { registry: 'github' }, { ...ENV, GITHUB_TOKEN: '' })).toBeUndefined();
    expect(
      resolveToken('npm', { registry: 'github', 'token-env': 'GPR_PAT' }, { ...ENV, GPR_PAT: 'pat-1' }),
    ).toBe('pat-1');
    expect(resolveToken('npm', {}, ENV)).toBe(ENV.NPM_TOKEN);
  });

  test('the scope must be the repository owner, compared without case; InputError on registry before anything is sent', () => {
    expect(() => checkGithubScope('@acme/tool', ENV)).not.toThrow();
    expect(() => checkGithubScope('@ACME/tool', { GITHUB_REPOSITORY: 'acme/tool' })).not.toThrow();
    const other = (() => {
      try {
        checkGithubScope('@someone-else/tool', ENV);
      } catch (caught) {
        return caught;
      }
    })() as InputError;
    expect(other).toBeInstanceOf(InputError);
    expect(other.input).toBe('registry');
    expect(other.message).toContain("the scope @someone-else is not the repository's owner (Acme)");
    expect(other.hint).toContain('@acme/tool');
    expect(() => checkGithubScope('tool', ENV)).toThrow(/only scoped packages/);
    // Outside GitHub Actions only the scope's presence can be checked.
    expect(() => checkGithubScope('@anyone/tool', {})).not.toThrow();
    // The registry client (the plan, check-published) refuses before its first request.
    expect(() => createClient('@someone-else/tool', { http: noHttp, registry: 'github', env: ENV })).toThrow(
      InputError,
    );
    expect(createClient('@acme/tool', { http: noHttp, registry: 'github', env: ENV }).registry).toBe(
      'https://npm.pkg.github.com',
    );
  });
});

describe('docker on ghcr.io', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'da-ghcr-'));

  test('the owner is lower-cased (github.repository_owner keeps its case); other hosts keep their rules', () => {
    expect(parseImageName('ghcr.io/Acme/tool')).toMatchObject({ host: 'ghcr.io', repository: 'acme/tool' });
    expect(parseImageName('GHCR.IO/Acme/tool').host).toBe('ghcr.io');
    expect(() => parseImageName('ghcr.io/acme/Tool')).toThrow(/not a valid repository name/);
    expect(() => parseImageName('docker.io/Acme/tool')).toThrow(/not a valid repository name/);
  });

  test('GITHUB_TOKEN with GITHUB_ACTOR by default, never the Docker Hub account', () => {
    const settings = { image: 'ghcr.io/Acme/tool', source: 'ghcr.io/acme/ci:sha-1' };
    const token = resolveToken('docker', settings, ENV);
    expect(token).toBe(ENV.GITHUB_TOKEN);
    expect(readDockerSettings(settings, { workspace, env: ENV, token }).credentials).toEqual({
      username: 'octo-dev',
      password: ENV.GITHUB_TOKEN,
    });
    // Docker Hub keeps DOCKER_USERNAME / DOCKER_PASSWORD.
    const hub = { image: 'docker.io/acme/tool', source: 'docker.io/acme/ci:sha-1' };
    const hubToken = resolveToken('docker', hub, ENV);
    expect(hubToken).toBe('hub-password');
    expect(readDockerSettings(hub, { workspace, env: ENV, token: hubToken }).credentials?.username).toBe(
      'hub-user',
    );
    // A personal access token through token-env and username.
    expect(
      resolveToken('docker', { ...settings, 'token-env': 'GHCR_PAT' }, { ...ENV, GHCR_PAT: 'pat-2' }),
    ).toBe('pat-2');
  });
});
