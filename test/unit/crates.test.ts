/** crates: the pure parts (index paths, URLs, ordering, settings, failure sorting, body framing). */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, InputError } from '@deploy-actions/action-kit/errors';
import {
  identify,
  indexPath,
  latestUnyanked,
  normalizeIndexUrl,
  parseIndexFile,
} from '@deploy-actions/targets/crates/client';
import {
  crateNameFromManifest,
  indexFromCargoConfig,
  workspaceMembers,
} from '@deploy-actions/targets/crates/manifest';
import {
  cargoErrorSummary,
  classifyCargoFailure,
  publishArgs,
  yankArgs,
} from '@deploy-actions/targets/crates/cargo';
import { parseCratesSettings } from '@deploy-actions/targets/crates/read-settings';
import { standaloneMetadata } from '@deploy-actions/targets/crates/standalone';
import {
  checkVersions,
  publishOrder,
  selectCrates,
  type CargoMetadata,
} from '@deploy-actions/targets/crates/workspace';
import { framePublishBody, parsePublishBody, serverIndexPath } from '../servers/crates.js';

describe('index paths', () => {
  test.each([
    ['a', '1/a'],
    ['ab', '2/ab'],
    ['abc', '3/a/abc'],
    ['cargo', 'ca/rg/cargo'],
    ['Serde_JSON', 'se/rd/serde_json'],
    ['da-hello', 'da/-h/da-hello'],
  ])('%s lives at %s, lower-cased, as cargo computes it', (name, path) => {
    expect(indexPath(name)).toBe(path);
    expect(serverIndexPath(name)).toBe(path);
  });
});

describe('registry URLs', () => {
  test('the default is the crates.io sparse index', () => {
    expect(normalizeIndexUrl(undefined)).toBe('https://index.crates.io/');
    expect(normalizeIndexUrl('https://crates.io')).toBe('https://index.crates.io/');
  });

  test("cargo's sparse+ spelling and a plain URL name the same index, with a trailing slash", () => {
    expect(normalizeIndexUrl('sparse+http://127.0.0.1:8080/index/')).toBe('http://127.0.0.1:8080/index/');
    expect(normalizeIndexUrl('http://127.0.0.1:8080/index')).toBe('http://127.0.0.1:8080/index/');
  });

  test('a git index or a non-URL is refused, naming the input', () => {
    expect(() => normalizeIndexUrl('git://example.com/index')).toThrow(
      /Invalid input 'registry': "git:\/\/example.com\/index" is not a sparse/,
    );
    expect(() => normalizeIndexUrl('not a url')).toThrow(InputError);
  });
});

describe('index files', () => {
  const file = [
    '{"name":"foo","vers":"1.0.0","deps":[],"cksum":"aa","features":{},"yanked":false}',
    '{"name":"foo","vers":"1.1.0","deps":[],"cksum":"bb","features":{},"yanked":true}',
    '{"name":"foo","vers":"2.0.0-rc.1","deps":[],"cksum":"cc","features":{},"yanked":false}',
    'not json',
    '',
  ].join('\n');

  test('every line is a version, yanked ones included; junk lines are ignored', () => {
    expect(parseIndexFile(file).map((e) => [e.vers, e.yanked])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true],
      ['2.0.0-rc.1', false],
    ]);
  });

  test('latest is the highest stable version that is not yanked', () => {
    expect(latestUnyanked(parseIndexFile(file))).toBe('1.0.0');
  });
});

describe('publish order', () => {
  const crate = (name: string, dependsOn: string[] = []) => ({ name, dependsOn });

  test('dependencies come first; otherwise the given order is kept', () => {
    const order = publishOrder([
      crate('app', ['core', 'macros']),
      crate('cli', ['app']),
      crate('core'),
      crate('macros', ['core']),
    ]);
    expect(order.map((c) => c.name)).toEqual(['core', 'macros', 'app', 'cli']);
  });

  test('dependencies outside the set are left to the registry', () => {
    expect(publishOrder([crate('app', ['serde'])]).map((c) => c.name)).toEqual(['app']);
  });

  test('a cycle is an error naming it', () => {
    const run = () => publishOrder([crate('a', ['b']), crate('b', ['c']), crate('c', ['a'])]);
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/cycle \(a -> b -> c -> a\)/);
  });
});

function metadata(packages: Partial<CargoMetadata['packages'][number]>[]): CargoMetadata {
  const full = packages.map((p) => ({
    name: p.name!,
    version: p.version ?? '1.0.0',
    id: `path+file:///ws/${p.name}#${p.version ?? '1.0.0'}`,
    manifest_path: `/ws/${p.name}/Cargo.toml`,
    publish: p.publish ?? null,
    dependencies: p.dependencies ?? [],
  }));
  return { packages: full, workspace_members: full.map((p) => p.id), workspace_root: '/ws' };
}

describe('selecting the crates of a workspace', () => {
  const ws = metadata([
    {
      name: 'app',
      dependencies: [
        { name: 'core', kind: null, path: '/ws/core', req: '^1' },
        { name: 'testkit', kind: 'dev', path: '/ws/testkit', req: '*' },
      ],
    },
    { name: 'core', dependencies: [{ name: 'serde', kind: null, req: '^1' }] },
    { name: 'testkit', publish: [] },
    { name: 'internal', publish: ['company'] },
  ]);

  test('a virtual manifest publishes every member publishable to the registry; dev-dependencies do not order', () => {
    const chosen = selectCrates(ws, '/ws/Cargo.toml', [], undefined);
    expect(chosen.map((c) => [c.name, c.dependsOn])).toEqual([
      ['app', ['core']],
      ['core', []],
    ]);
    expect(selectCrates(ws, '/ws/Cargo.toml', [], 'company').map((c) => c.name)).toEqual([
      'app',
      'core',
      'internal',
    ]);
  });

  test('a member manifest publishes only that crate', () => {
    expect(selectCrates(ws, '/ws/core/Cargo.toml', [], undefined).map((c) => c.name)).toEqual(['core']);
  });

  test('`package` names crates; an unknown or unpublishable one is an input error', () => {
    expect(selectCrates(ws, '/ws/Cargo.toml', ['core'], undefined).map((c) => c.name)).toEqual(['core']);
    expect(() => selectCrates(ws, '/ws/Cargo.toml', ['nope'], undefined)).toThrow(
      /Invalid input 'package': "nope" is not a crate of the workspace/,
    );
    expect(() => selectCrates(ws, '/ws/Cargo.toml', ['testkit'], undefined)).toThrow(
      /may not be published to crates.io/,
    );
  });

  test('every version must be the release version', () => {
    const crates = selectCrates(ws, '/ws/Cargo.toml', [], undefined);
    expect(() => checkVersions(crates, '1.0.0')).not.toThrow();
    expect(() => checkVersions(crates, '1.0.0+build.5')).not.toThrow();
    expect(() => checkVersions(crates, '1.0.1')).toThrow(
      /app is at version 1\.0\.0, but the release is 1\.0\.1; nothing was published/,
    );
  });
});

describe('manifests read without cargo', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'da-crates-unit-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  test('a workspace: members in the listed order, globs expanded and sorted, exclude and publish = false honoured', () => {
    const dir = project({
      'Cargo.toml':
        '[workspace]\nmembers = ["tools/cli", "crates/*"]\nexclude = ["crates/old"]\n[workspace.package]\npublish = false\n',
      'tools/cli/Cargo.toml': '[package]\nname = "cli"\nversion = "1.0.0"\n',
      'crates/b/Cargo.toml': '[package]\nname = "b"\nversion = "1.0.0"\n',
      'crates/a/Cargo.toml': '[package]\nname = "a"\nversion = "1.0.0"\npublish.workspace = true\n',
      'crates/old/Cargo.toml': '[package]\nname = "old"\nversion = "1.0.0"\n',
    });
    expect(workspaceMembers(join(dir, 'Cargo.toml')).map((m) => [m.name, m.publishable])).toEqual([
      ['cli', true],
      ['a', false],
      ['b', true],
    ]);
    expect(crateNameFromManifest({}, dir)).toBe('cli');
    expect(crateNameFromManifest({ package: ['b'] }, dir)).toBe('b');
    expect(crateNameFromManifest({ manifest: 'crates/b' }, dir)).toBe('b');
  });

  test('a plain crate in no workspace is read without cargo; anything less plain is left to cargo metadata', () => {
    const dir = project({
      'solo/Cargo.toml': '[package]\nname = "solo"\nversion = "1.2.3"\npublish = ["company"]\n',
      'ws/Cargo.toml': '[workspace]\nmembers = ["member"]\n',
      'ws/member/Cargo.toml': '[package]\nname = "member"\nversion = "1.0.0"\n',
      'inherits/Cargo.toml': '[package]\nname = "inherits"\nversion.workspace = true\n',
    });
    expect(standaloneMetadata(join(dir, 'solo/Cargo.toml'))?.packages).toEqual([
      expect.objectContaining({ name: 'solo', version: '1.2.3', publish: ['company'], dependencies: [] }),
    ]);
    expect(standaloneMetadata(join(dir, 'ws/Cargo.toml'))).toBeUndefined();
    expect(standaloneMetadata(join(dir, 'ws/member/Cargo.toml'))).toBeUndefined();
    expect(standaloneMetadata(join(dir, 'inherits/Cargo.toml'))).toBeUndefined();
  });

  test('identify: the crate check-published looks up, and its index', () => {
    const dir = project({
      'rust/Cargo.toml': '[package]\nname = "acme"\nversion = "1.0.0"\n',
      '.cargo/config.toml': '[registries.company]\nindex = "sparse+https://cargo.company.example/index/"\n',
    });
    expect(identify({ manifest: 'rust/Cargo.toml' }, dir)).toEqual({ name: 'acme', registry: undefined });
    expect(
      identify({ manifest: 'rust/Cargo.toml', registry: 'sparse+http://127.0.0.1:9/index/' }, dir),
    ).toEqual({
      name: 'acme',
      registry: 'http://127.0.0.1:9/index/',
    });
    expect(identify({ manifest: 'rust/Cargo.toml', 'registry-name': 'company' }, dir).registry).toBe(
      'https://cargo.company.example/index/',
    );
  });

  test('a manifest outside the workspace is refused', () => {
    const dir = project({ 'Cargo.toml': '[package]\nname = "x"\nversion = "1.0.0"\n' });
    expect(() => crateNameFromManifest({ manifest: '../../etc' }, dir)).toThrow(/Invalid input 'manifest'/);
  });

  test("a named registry's index comes from the environment, else .cargo/config.toml", () => {
    const dir = project({
      '.cargo/config.toml': '[registries.company]\nindex = "sparse+https://cargo.company.example/index/"\n',
      'sub/x': '',
    });
    expect(indexFromCargoConfig('company', join(dir, 'sub'), { CARGO_HOME: dir })).toBe(
      'sparse+https://cargo.company.example/index/',
    );
    expect(indexFromCargoConfig('my-reg', dir, { CARGO_REGISTRIES_MY_REG_INDEX: 'https://x.example/' })).toBe(
      'https://x.example/',
    );
    expect(indexFromCargoConfig('other', dir, { CARGO_HOME: dir })).toBeUndefined();
  });
});

describe('settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'da-crates-settings-'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "x"\nversion = "1.0.0"\n');

  test('crates.io by default: no --registry, CARGO_REGISTRY_TOKEN, verify on', () => {
    const s = parseCratesSettings({}, dir, {});
    expect(s).toMatchObject({
      indexUrl: 'https://index.crates.io/',
      registryName: undefined,
      tokenEnv: 'CARGO_REGISTRY_TOKEN',
      verify: true,
      allowDirty: false,
      indexTimeoutMs: 300_000,
    });
  });

  test('an alternate registry gets a name for cargo and its token variable', () => {
    expect(parseCratesSettings({ registry: 'sparse+http://127.0.0.1:1/index/' }, dir, {})).toMatchObject({
      registryName: 'deploy-actions',
      tokenEnv: 'CARGO_REGISTRIES_DEPLOY_ACTIONS_TOKEN',
    });
    expect(
      parseCratesSettings(
        {
          registry: 'http://127.0.0.1:1/index/',
          'registry-name': 'my-reg',
          verify: false,
          'index-timeout': '30s',
        },
        dir,
        {},
      ),
    ).toMatchObject({
      registryName: 'my-reg',
      tokenEnv: 'CARGO_REGISTRIES_MY_REG_TOKEN',
      verify: false,
      indexTimeoutMs: 30_000,
    });
  });

  test('bad values name the input', () => {
    expect(() => parseCratesSettings({ 'registry-name': 'bad name' }, dir, {})).toThrow(
      /Invalid input 'registry-name'/,
    );
    expect(() => parseCratesSettings({ 'registry-name': 'unknown' }, dir, { CARGO_HOME: dir })).toThrow(
      /is not defined in any cargo config/,
    );
    expect(() => parseCratesSettings({ 'index-timeout': 'soon' }, dir, {})).toThrow(
      /Invalid input 'index-timeout'/,
    );
  });
});

describe('cargo', () => {
  test('argv never carries the token; flags follow the settings', () => {
    expect(
      publishArgs({ manifest: '/ws/Cargo.toml', registryName: 'local', verify: false, allowDirty: true }),
    ).toEqual([
      'publish',
      '--manifest-path',
      '/ws/Cargo.toml',
      '--registry',
      'local',
      '--no-verify',
      '--allow-dirty',
    ]);
    expect(publishArgs({ manifest: '/ws/Cargo.toml', verify: true, allowDirty: false })).toEqual([
      'publish',
      '--manifest-path',
      '/ws/Cargo.toml',
    ]);
    expect(yankArgs('foo', '1.0.0')).toEqual(['yank', '--version', '1.0.0', 'foo']);
  });

  const failed = (stderr: string) => ({ stdout: '', stderr, timedOut: false });
  test.each([
    ['the remote server responded with an error (status 403 Forbidden): authentication failed', 'auth'],
    ['error: no token found for `local`, please run `cargo login --registry local`', 'auth'],
    ['the remote server responded with an error (status 500 Internal Server Error): boom', 'transient'],
    ['the remote server responded with an error (status 429 Too Many Requests): slow down', 'transient'],
    ['[28] Timeout was reached (Operation timed out after 30000 milliseconds)', 'transient'],
    ['error: crate da-hello@1.0.0 already exists on `local` index', 'exists'],
    [
      'the remote server responded with an error (status 400 Bad Request): crate version `1.0.0` is already uploaded',
      'exists',
    ],
    ['error[E0425]: cannot find value `x` in this scope', 'fatal'],
  ])('%s -> %s', (stderr, kind) => {
    expect(classifyCargoFailure(failed(stderr))).toBe(kind);
  });

  test('the error summary is the error line and its causes, on one line', () => {
    const stderr =
      '    Updating `local` index\nerror: failed to publish x\n\nCaused by:\n  the remote server responded with an error (status 500)\n';
    expect(cargoErrorSummary({ stdout: '', stderr })).toBe(
      'failed to publish x the remote server responded with an error (status 500)',
    );
  });
});

describe('the publish request body (as cargo frames it)', () => {
  test('u32 LE JSON length, JSON, u32 LE crate length, crate', () => {
    const crate = Buffer.from([0x1f, 0x8b, 1, 2, 3]);
    const body = framePublishBody({ name: 'x', vers: '1.0.0', deps: [] }, crate);
    expect(body.readUInt32LE(0)).toBe(
      Buffer.byteLength(JSON.stringify({ name: 'x', vers: '1.0.0', deps: [] })),
    );
    const parsed = parsePublishBody(body);
    expect(parsed.metadata).toEqual({ name: 'x', vers: '1.0.0', deps: [] });
    expect(parsed.crate.equals(crate)).toBe(true);
  });

  test('lengths that do not add up are refused', () => {
    const body = framePublishBody({ name: 'x' }, Buffer.from('abc'));
    expect(() => parsePublishBody(body.subarray(0, body.length - 1))).toThrow(/crate length/);
    expect(() => parsePublishBody(Buffer.from([255, 0, 0, 0, 1]))).toThrow(/metadata length/);
  });
});
