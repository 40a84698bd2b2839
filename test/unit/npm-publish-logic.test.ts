/** The pure parts of the npm publisher: dist-tags, publish order, npm's error output, its config. */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, ConfigError, RegistryError } from '@deploy-actions/action-kit/errors';
import type { ExecResult } from '@deploy-actions/action-kit/exec';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import type { PublishContext } from '@deploy-actions/targets';
import { publish } from '@deploy-actions/targets/npm/publish';
import { parseSemVer } from '@deploy-actions/version';
import { chooseDistTag } from '@deploy-actions/targets/npm/dist-tag';
import {
  findWorkspacePackages,
  publishOrder,
  type WorkspacePackage,
} from '@deploy-actions/targets/npm/workspaces';
import {
  isTransient,
  nerfDart,
  readNpmFailure,
  registryFlags,
  registryRefusal,
  userconfigText,
} from '@deploy-actions/targets/npm/cli';
import { provenanceEnabled, oidcAudience } from '@deploy-actions/targets/npm/auth';
import { previousStable } from '@deploy-actions/targets/npm/rollback';

const tagFor = (version: string, published: string[], requested?: string) =>
  chooseDistTag(parseSemVer(version)!, published, requested).tag;

describe('dist-tag auto', () => {
  test('latest only for the highest stable version', () => {
    expect(tagFor('1.0.0', [])).toBe('latest');
    expect(tagFor('1.3.0', ['1.2.3', '2.0.0-rc.1'])).toBe('latest');
    expect(tagFor('1.2.3', ['1.2.3'])).toBe('latest');
  });
  test('a prerelease gets next, even above every stable version', () => {
    expect(tagFor('2.0.0-rc.1', ['1.2.3'])).toBe('next');
    expect(tagFor('1.0.0-beta.1', [])).toBe('next');
  });
  test('a hotfix on an older major gets that major line', () => {
    expect(tagFor('1.4.1', ['1.4.0', '2.0.0'])).toBe('v1-latest');
  });
  test('a hotfix on an older minor of the current major gets the minor line', () => {
    expect(tagFor('1.1.5', ['1.2.3', '1.1.4'])).toBe('v1.1-latest');
    expect(tagFor('0.3.2', ['0.4.0'])).toBe('v0.3-latest');
  });
  test('older than a version of its own minor line: a tag that floats nowhere', () => {
    expect(tagFor('1.1.3', ['1.1.5', '1.2.0'])).toBe('backport');
  });
  test('never latest when anything stable is higher', () => {
    for (const published of [['1.2.4'], ['2.0.0'], ['1.3.0']])
      expect(tagFor('1.2.3', published)).not.toBe('latest');
  });
});

describe('dist-tag as configured', () => {
  test('is used as given', () => {
    expect(tagFor('1.0.0', ['2.0.0'], 'stable')).toBe('stable');
    expect(tagFor('2.0.0-beta.1', [], 'beta')).toBe('beta');
  });
  test('latest on a prerelease is refused with a clear error', () => {
    const run = () => tagFor('2.0.0-rc.1', [], 'latest');
    expect(run).toThrow(InputError);
    expect(run).toThrow(/'dist-tag'.*"latest" cannot be given to the prerelease 2\.0\.0-rc\.1/);
  });
  test.each(['1', 'v1', '1.x', '^2.0.0', '>=1', '1.2.3', 'has space', '', '-x'])(
    'refuses %j, which npm would refuse',
    (tag) => {
      expect(() => tagFor('1.0.0', [], tag)).toThrow(InputError);
    },
  );
  test.each(['v1-latest', 'v1.1-latest', 'next', 'canary_2', 'latest-1'])('accepts %j', (tag) => {
    expect(tagFor('1.0.0', [], tag)).toBe(tag);
  });
});

const ws = (
  name: string,
  deps: Partial<
    Record<'dependencies' | 'peerDependencies' | 'optionalDependencies' | 'devDependencies', string[]>
  > = {},
): WorkspacePackage => ({
  name,
  dir: `/repo/packages/${name}`,
  manifest: Object.fromEntries(
    Object.entries(deps).map(([kind, names]) => [kind, Object.fromEntries(names.map((n) => [n, '*']))]),
  ),
});

describe('workspace publish order', () => {
  test('dependencies first, whatever the folder order', () => {
    const order = publishOrder([
      ws('app', { dependencies: ['lib'] }),
      ws('core'),
      ws('lib', { peerDependencies: ['core'] }),
      ws('plugin', { optionalDependencies: ['app'] }),
    ]);
    expect(order.map((p) => p.name)).toEqual(['core', 'lib', 'app', 'plugin']);
  });
  test('devDependencies and outside packages do not order anything', () => {
    const order = publishOrder([
      ws('a', { devDependencies: ['b'], dependencies: ['left-pad'] }),
      ws('b', { dependencies: ['a'] }),
    ]);
    expect(order.map((p) => p.name)).toEqual(['a', 'b']);
  });
  test('a cycle is an error that names it', () => {
    const run = () =>
      publishOrder(
        [
          ws('a', { dependencies: ['b'] }),
          ws('b', { dependencies: ['c'] }),
          ws('c', { peerDependencies: ['a'] }),
        ],
        '/repo/package.json',
      );
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(
      '/repo/package.json (workspaces): the workspace packages depend on each other in a cycle: a -> b -> c -> a',
    );
  });
  test('reads the workspaces globs of a root package.json, skipping negated folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'da-npm-unit-ws-'));
    const write = (path: string, data: unknown) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), JSON.stringify(data));
    };
    write('package.json', {
      name: 'root',
      private: true,
      workspaces: ['packages/*', 'tools/cli', '!packages/skip'],
    });
    write('packages/b/package.json', { name: '@acme/b', version: '1.0.0' });
    write('packages/a/package.json', { name: '@acme/a', version: '1.0.0' });
    write('packages/skip/package.json', { name: 'skip', version: '1.0.0' });
    write('packages/notapackage/README.md', 'no package.json');
    write('tools/cli/package.json', { name: 'cli', version: '1.0.0' });
    expect(findWorkspacePackages(root).map((p) => p.name)).toEqual(['@acme/a', '@acme/b', 'cli']);
  });
});

const result = (stdout: string, stderr: string, code = 1): ExecResult => ({
  command: 'npm',
  args: [],
  code,
  signal: null,
  stdout,
  stderr,
  timedOut: false,
});

describe("npm's failures", () => {
  test('E401 from npm 11 output is a RegistryError naming the registry, with a hint about NPM_TOKEN', () => {
    const failure = readNpmFailure(
      result(
        '{\n  "error": {\n    "code": "E401",\n    "summary": "Unable to authenticate"\n  }\n}',
        'npm error code E401\nnpm error Unable to authenticate, your authentication token seems to be invalid.\nnpm error A complete log of this run can be found in: /x.log',
      ),
    );
    expect(failure).toEqual({
      code: 'E401',
      summary: 'Unable to authenticate, your authentication token seems to be invalid.',
    });
    const error = registryRefusal('https://registry.example', 'npm publish of a@1.0.0', failure)!;
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.message).toMatch(/^https:\/\/registry\.example: refused the credential/);
    expect(error.hint).toContain('NPM_TOKEN');
  });
  test('npm 10 "npm ERR!" lines are read too', () => {
    expect(
      readNpmFailure(result('', 'npm ERR! code E403\nnpm ERR! 403 Forbidden - PUT https://r/a - no rights')),
    ).toEqual({
      code: 'E403',
      summary: '403 Forbidden - PUT https://r/a - no rights',
    });
  });
  test('server errors and resets are transient; refusals are not', () => {
    expect(isTransient({ code: 'E502', summary: '' })).toBe(true);
    expect(isTransient({ code: 'ECONNRESET', summary: '' })).toBe(true);
    expect(isTransient({ summary: 'request to http://x failed, reason: socket hang up' })).toBe(true);
    expect(isTransient({ code: 'E401', summary: '' })).toBe(false);
    expect(registryRefusal('r', 'x', { code: 'E502', summary: '' })).toBeUndefined();
  });
});

describe("npm's configuration", () => {
  test('the auth line names the variable, never the token', () => {
    expect(userconfigText('https://npm.pkg.github.com/acme/', true)).toBe(
      'registry=https://npm.pkg.github.com/acme/\n//npm.pkg.github.com/acme/:_authToken=${NPM_TOKEN}\n',
    );
    expect(userconfigText('http://127.0.0.1:4873', false)).toBe('registry=http://127.0.0.1:4873/\n');
    expect(nerfDart('https://registry.npmjs.org')).toBe('//registry.npmjs.org/');
  });
  test('a scope is pinned to the target registry too', () => {
    expect(registryFlags('http://127.0.0.1:4873/', '@acme/widget')).toEqual([
      '--registry=http://127.0.0.1:4873/',
      '--workspaces=false',
      '--@acme:registry=http://127.0.0.1:4873/',
    ]);
  });
  test('provenance auto: in GitHub Actions with an ID token, for packages npmjs knows are public', () => {
    const gha = { GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token' };
    const npmjs = 'https://registry.npmjs.org/';
    const facts = { registry: npmjs, packageName: 'widget', exists: true };
    expect(provenanceEnabled('auto', facts, gha)).toBe(true);
    expect(provenanceEnabled('auto', facts, { GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(provenanceEnabled('auto', { ...facts, registry: 'http://127.0.0.1:4873/' }, gha)).toBe(false);
    // npm refuses provenance for a new or private package unless access is public.
    expect(provenanceEnabled('auto', { ...facts, exists: false }, gha)).toBe(false);
    expect(provenanceEnabled('auto', { ...facts, exists: false, access: 'public' }, gha)).toBe(true);
    expect(provenanceEnabled('auto', { ...facts, packageName: '@acme/widget' }, gha)).toBe(false);
    expect(provenanceEnabled('auto', { ...facts, packageName: '@acme/widget', access: 'public' }, gha)).toBe(
      true,
    );
    expect(provenanceEnabled('auto', { ...facts, access: 'restricted' }, gha)).toBe(false);
    expect(provenanceEnabled('true', { ...facts, registry: 'http://127.0.0.1:4873/' }, {})).toBe(true);
    expect(provenanceEnabled('false', facts, gha)).toBe(false);
  });
  test('the OIDC audience is npm:<registry host>', () => {
    expect(oidcAudience('https://registry.npmjs.org/')).toBe('npm:registry.npmjs.org');
    expect(oidcAudience('http://127.0.0.1:4873')).toBe('npm:127.0.0.1');
  });
});

describe('rollback target', () => {
  test('the highest stable, not deprecated version below the bad one', () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0-rc.1', '1.2.0', '1.3.0', '2.0.0'];
    expect(previousStable({ versions, deprecated: {} }, '1.3.0')).toBe('1.2.0');
    expect(previousStable({ versions, deprecated: { '1.2.0': 'bad' } }, '1.3.0')).toBe('1.1.0');
    expect(previousStable({ versions, deprecated: {} }, '1.0.0')).toBeUndefined();
  });
});

describe('refused before anything is sent', () => {
  // Port 9 (discard) on loopback: any request would fail with a network error, not these.
  const context = (workspace: string, version: string): PublishContext => ({
    target: 'npm',
    version: { version, semver: parseSemVer(version)!, tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace,
    tempDir: mkdtempSync(join(tmpdir(), 'da-npm-unit-tmp-')),
    env: {},
    reporter: new MemoryReporter(),
    http: new HttpClient({ retries: 0 }),
    token: 'unit-token',
    defer: () => undefined,
  });
  const project = (files: Record<string, unknown>) => {
    const root = mkdtempSync(join(tmpdir(), 'da-npm-unit-pub-'));
    for (const [path, data] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), JSON.stringify(data));
    }
    return root;
  };
  const settings = { path: '.', registry: 'http://127.0.0.1:9/', 'dist-tag': 'auto' };

  test('access restricted on an unscoped package', async () => {
    const root = project({ 'package.json': { name: 'plain', version: '1.0.0' } });
    await expect(publish({ ...settings, access: 'restricted' }, context(root, '1.0.0'))).rejects.toThrow(
      /Invalid input 'access': "restricted" cannot apply to plain: npm restricts only scoped packages/,
    );
  });
  test('a workspace package whose version is not the release version', async () => {
    const root = project({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      'packages/a/package.json': { name: 'a', version: '2.0.0' },
      'packages/b/package.json': { name: 'b', version: '1.9.0' },
    });
    const run = publish({ ...settings, workspaces: true }, context(root, '2.0.0'));
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(publish({ ...settings, workspaces: true }, context(root, '2.0.0'))).rejects.toThrow(
      /packages\/b\/package\.json \(version\): is "1\.9\.0" but the release version is 2\.0\.0/,
    );
  });
  test('a private package, and an explicit latest on a prerelease', async () => {
    const root = project({ 'package.json': { name: 'secret', version: '1.0.0', private: true } });
    await expect(publish(settings, context(root, '1.0.0'))).rejects.toThrow(
      /\(private\): is true: npm will not publish secret/,
    );
    const rc = project({ 'package.json': { name: 'rc', version: '2.0.0-rc.1' } });
    await expect(
      publish({ ...settings, 'dist-tag': 'latest' }, context(rc, '2.0.0-rc.1')),
    ).rejects.toBeInstanceOf(InputError);
  });
});
