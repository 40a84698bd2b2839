/**
 * The PyPI registry client and the trusted-publishing exchange against the PyPI test server:
 * PEP 503 names, PEP 440 versions, 404 as absent, identify().
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { ConfigError, InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import {
  canonicalPep440,
  createClient,
  defaultUploadUrl,
  identify,
  normalizeProjectName,
} from '@deploy-actions/targets/pypi/client';
import { trustedPublishingToken } from '@deploy-actions/targets/pypi/oidc';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import { startIdTokenIssuer, startPypiServer, type IdTokenIssuer, type PypiServer } from '../servers/pypi.js';

const http = new HttpClient({ retries: 1, baseDelayMs: 10 });
let server: PypiServer;
let issuer: IdTokenIssuer;
let work: string;

beforeAll(async () => {
  server = await startPypiServer({ token: 'pypi-unused-token', oidc: { audience: 'testpypi' } });
  issuer = await startIdTokenIssuer();
  work = mkdtempSync(join(tmpdir(), 'pypi-registry-'));
  for (const version of ['1.0.0', '1.2.0', '1.2.3rc1', '2.0.0', '3.0.0.dev1']) {
    for (const file of makeDistributions(join(work, version), 'Demo.Pkg', version, 'wheel'))
      server.seed(file, 'Demo.Pkg', version);
  }
  server.yank('Demo.Pkg', '2.0.0');
});

afterAll(async () => {
  await server?.stop();
  await issuer?.stop();
});

describe('names and versions', () => {
  test.each([
    ['Demo.Pkg', 'demo-pkg'],
    ['demo__pkg', 'demo-pkg'],
    ['Demo-._Pkg', 'demo-pkg'],
  ])('PEP 503: %s -> %s', (name, normal) => expect(normalizeProjectName(name)).toBe(normal));

  test.each([
    ['1.2.3-rc.1', '1.2.3rc1'],
    ['1.2.3rc1', '1.2.3rc1'],
    ['1.2.3-RC1', '1.2.3rc1'],
    ['1.2.0', '1.2'],
    ['1.0.0-alpha.2', '1a2'],
    ['1.2.3-dev.4', '1.2.3.dev4'],
    ['v1.2.3', '1.2.3'],
  ])('canonical PEP 440 of %s is %s', (version, canonical) =>
    expect(canonicalPep440(version)).toBe(canonical),
  );

  test('a SemVer prerelease with no PEP 440 form has none', () =>
    expect(canonicalPep440('1.2.3-foo.1')).toBeUndefined());

  test('upload endpoints', () => {
    expect(defaultUploadUrl()).toBe('https://upload.pypi.org/legacy/');
    expect(defaultUploadUrl('https://pypi.org')).toBe('https://upload.pypi.org/legacy/');
    expect(defaultUploadUrl('https://test.pypi.org/')).toBe('https://test.pypi.org/legacy/');
    expect(defaultUploadUrl('http://127.0.0.1:8080/pypi')).toBe('http://127.0.0.1:8080/pypi/legacy/');
  });
});

describe('registry client', () => {
  test('exists() compares in PEP 440 form and any name spelling', async () => {
    const client = createClient('demo_pkg', { http, registry: server.url });
    expect(await client.exists('1.2.3-rc.1')).toBe(true);
    expect(await client.exists('1.2.3rc1')).toBe(true);
    expect(await client.exists('1.2')).toBe(true);
    expect(await client.exists('2.0.0')).toBe(true); // yanked counts as published
    expect(await client.exists('1.2.3')).toBe(false);
    expect(await client.exists('1.2.3-foo.1')).toBe(false);
  });

  test('versions() in the registry spelling; latest() the highest stable that is not yanked', async () => {
    const client = createClient('Demo.Pkg', { http, registry: server.url });
    expect((await client.versions()).sort()).toEqual(['1.0.0', '1.2.0', '1.2.3rc1', '2.0.0', '3.0.0.dev1']);
    expect(await client.latest()).toBe('1.2.0');
  });

  test('an absent project: nothing exists, no versions, no latest', async () => {
    const client = createClient('no-such-project', { http, registry: server.url });
    expect(await client.exists('1.0.0')).toBe(false);
    expect(await client.versions()).toEqual([]);
    expect(await client.latest()).toBeUndefined();
    expect(await client.files('1.0.0')).toEqual([]);
  });

  test('files() of a version, and the page url', async () => {
    const client = createClient('Demo.Pkg', { http, registry: server.url });
    expect((await client.files('1.2.3-rc.1')).map((f) => f.filename)).toEqual([
      'demo_pkg-1.2.3rc1-py3-none-any.whl',
    ]);
    expect(client.url('1.2.3-rc.1')).toBe(`${server.url}project/demo-pkg/1.2.3rc1/`);
    expect(createClient('x', { http }).url('1.0.0')).toBe('https://pypi.org/project/x/1.0.0/');
    expect(client.id).toBe('pypi:Demo.Pkg');
  });
});

describe('registry client without the deprecated `releases` key', () => {
  test('versions and latest come from the simple index (PEP 691 JSON, PEP 700 versions)', async () => {
    const lean = await startPypiServer({ token: 'pypi-unused-token', omitReleases: true });
    try {
      for (const version of ['1.0.0', '1.1.0', '2.0.0rc1'])
        for (const file of makeDistributions(join(work, `lean-${version}`), 'Lean.Pkg', version))
          lean.seed(file, 'Lean.Pkg', version);
      lean.yank('Lean.Pkg', '1.1.0');
      const client = createClient('lean_pkg', { http, registry: lean.url });
      expect((await client.versions()).sort()).toEqual(['1.0.0', '1.1.0', '2.0.0rc1']);
      expect(await client.exists('2.0.0-rc.1')).toBe(true);
      expect(await client.latest()).toBe('1.0.0');
      expect(lean.requests.map((r) => r.path)).toEqual([
        '/pypi/lean_pkg/json',
        '/pypi/Lean.Pkg/json',
        '/simple/lean-pkg/',
      ]);
    } finally {
      await lean.stop();
    }
  });
});

describe('identify', () => {
  test('package setting first', () => {
    expect(identify({ package: 'acme', registry: 'https://test.pypi.org/' }, work)).toEqual({
      name: 'acme',
      registry: 'https://test.pypi.org/',
    });
  });

  test('then pyproject.toml [project].name or [tool.poetry].name', () => {
    const a = mkdtempSync(join(tmpdir(), 'pypi-id-'));
    writeFileSync(join(a, 'pyproject.toml'), '[project]\nname = "from-pep621"\n');
    expect(identify({}, a).name).toBe('from-pep621');
    const b = mkdtempSync(join(tmpdir(), 'pypi-id-'));
    writeFileSync(join(b, 'pyproject.toml'), '[tool.poetry]\nname = "from-poetry"\n');
    expect(identify({}, b).name).toBe('from-poetry');
    // A broken pyproject.toml is the user's to mend: the file and the line, not a parser's stack.
    const broken = mkdtempSync(join(tmpdir(), 'pypi-id-'));
    writeFileSync(join(broken, 'pyproject.toml'), '[project]\nname = "x\n');
    let error: unknown;
    try {
      identify({}, broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      line: 2,
      message: expect.stringMatching(/pyproject\.toml:2: is not valid TOML/),
    });
  });

  test("then the project the dist globs' file names name, in the PEP 503 form PyPI matches by", () => {
    const c = mkdtempSync(join(tmpdir(), 'pypi-id-'));
    mkdirSync(join(c, 'out'));
    // Built by Python: the sdist is out/from_metadata-1.0.0.tar.gz, its metadata Name From.Metadata.
    makeDistributions(join(c, 'out'), 'From.Metadata', '1.0.0', 'sdist');
    const name = identify({ dist: ['out/*'] }, c).name;
    expect(normalizeProjectName(name)).toBe(normalizeProjectName('From.Metadata'));
    expect(() => identify({}, mkdtempSync(join(tmpdir(), 'pypi-id-')))).toThrow(InputError);
  });
});

describe('trusted publishing exchange', () => {
  const env = () => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: issuer.url,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken,
  });

  test('audience from the index, ID token for it, upload token back', async () => {
    const token = await trustedPublishingToken(server.url, 'PyPI', http, env());
    expect(issuer.audiences.at(-1)).toBe('testpypi');
    expect(token).toBe(server.minted.at(-1));
  });

  test('falls back to /_/oidc/github/mint-token when the documented endpoint is 404', async () => {
    server.failNext(1, 404, { path: '/_/oidc/mint-token' });
    const token = await trustedPublishingToken(server.url, 'PyPI', http, env());
    expect(token).toBe(server.minted.at(-1));
    expect(server.requests.at(-1)).toMatchObject({ path: '/_/oidc/github/mint-token', status: 200 });
  });

  test('no OIDC in the job: no token, nothing asked', async () => {
    const before = server.requests.length;
    expect(await trustedPublishingToken(server.url, 'PyPI', http, {})).toBeUndefined();
    expect(server.requests.length).toBe(before);
  });

  test('a refused exchange is a RegistryError with a hint about trusted publishers', async () => {
    server.failNext(1, 422, { path: '/_/oidc/mint-token' });
    const error = await trustedPublishingToken(server.url, 'PyPI', http, env()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).message).toContain('refused the trusted publishing exchange (HTTP 422');
    expect((error as RegistryError).hint).toContain('trusted publisher');
  });

  test('an index without trusted publishing says so', async () => {
    const plain = await startPypiServer({ token: 'x-token' });
    try {
      await expect(trustedPublishingToken(plain.url, 'PyPI', http, env())).rejects.toThrow(
        /does not offer trusted publishing/,
      );
    } finally {
      await plain.stop();
    }
  });
});
