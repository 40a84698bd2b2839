import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import type { HttpClient, HttpRequest } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import {
  appModuleIndex,
  applyBumps,
  bumpVersionIn,
  bumpVersionInUrl,
  planBumps,
  type ResolvedBump,
} from '@deploy-actions/targets/flatpak/flathub-manifest';
import { multipartObjects, uploadBatches } from '@deploy-actions/targets/flatpak/flat-manager';
import { flatManagerToken, githubToken, type FlatpakJob } from '@deploy-actions/targets/flatpak/job';
import { checkVersions, loadManifest, metainfoVersion } from '@deploy-actions/targets/flatpak/manifest';
import {
  commitVersion,
  parseCommit,
  uploadOrder,
  type LocalObject,
} from '@deploy-actions/targets/flatpak/ostree';
import type { PublishContext } from '@deploy-actions/targets';
import {
  createClient,
  identify,
  parseManifest,
  releaseVersions,
} from '@deploy-actions/targets/flatpak/client';
import { parseMultipart } from '../servers/flat-manager.js';

const temps: string[] = [];
const tempDir = (prefix: string) => {
  temps.push(mkdtempSync(join(tmpdir(), prefix)));
  return temps[temps.length - 1];
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const fixture = (name: string) => readFileSync(new URL(`../fixtures/flatpak/${name}`, import.meta.url));

describe('OSTree commit objects (GVariant)', () => {
  test('reads subject, body and timestamp whatever the offset width (1, 2 and 4 bytes)', () => {
    const small = parseCommit(fixture('small.commit'));
    expect(small).toEqual({ subject: 's', body: '', timestamp: new Date('2020-01-01T00:00:00Z') });

    const built = parseCommit(fixture('hello-1.2.3.commit'));
    expect(built.subject).toBe('org.acme.Hello 1.2.3');
    expect(commitVersion(built)).toBe('1.2.3');

    const big = parseCommit(fixture('big.commit'));
    expect(big.subject).toBe('big subject');
    expect(big.body.length).toBeGreaterThan(70_000);
    expect(commitVersion(big)).toBe('9.9.9');
    expect(big.timestamp).toEqual(new Date('2021-01-01T00:00:00Z'));
  });

  test('refuses bytes that are not a commit', () => {
    expect(() => parseCommit(Buffer.from([1, 2, 3, 250]))).toThrow(/GVariant/);
  });
});

describe('metainfo versions', () => {
  test('the newest release is the first listed', () => {
    const xml =
      '<component><releases>\n<release date="2026-01-01" version="1.2.3"/>\n<release version="1.2.2"/></releases></component>';
    expect(metainfoVersion(xml)).toBe('1.2.3');
    expect(metainfoVersion('<component><name>x</name></component>')).toBeUndefined();
  });

  test('a mismatch names the file, both versions and the fix', () => {
    expect(() => checkVersions([{ file: '/ws/app.metainfo.xml', version: '1.2.2' }], '1.2.3')).toThrow(
      ConfigError,
    );
    expect(() => checkVersions([{ file: '/ws/app.metainfo.xml', version: '1.2.2' }], '1.2.3')).toThrow(
      /app\.metainfo\.xml.*names version 1\.2\.2, but the release is 1\.2\.3/,
    );
    expect(() => checkVersions([{ file: 'x', version: 'v1.2.3' }, undefined], '1.2.3')).not.toThrow();
  });
});

describe('manifests', () => {
  const workspace = () => tempDir('da-flatpak-unit-');

  test('app id and branch come from the manifest; YAML scalars stay strings', async () => {
    const ws = workspace();
    writeFileSync(
      join(ws, 'm.yml'),
      'id: org.acme.Old\nbranch: beta\nmodules:\n  - sources:\n      - sha256: 0123\n',
    );
    const loaded = await loadManifest({ manifest: 'm.yml', branch: 'stable' }, ws);
    expect(loaded).toMatchObject({ appId: 'org.acme.Old', branch: 'beta' });
    expect(await parseManifest('a: 0123\nb: 1.10\n', 'x.yaml')).toEqual({ a: '0123', b: '1.10' });
    // The same behind a document marker.
    expect(await parseManifest('---\na: 0123\nb: 1.10\n', 'x.yaml')).toEqual({ a: '0123', b: '1.10' });
    await expect(parseManifest('a: [1\n', 'x.yaml')).rejects.toThrow(
      /x\.yaml.*not a valid flatpak-builder manifest/,
    );
    expect(await identify({ manifest: 'm.yml' }, ws)).toEqual({ name: 'org.acme.Old', registry: undefined });
    expect(await identify({ 'app-id': 'org.acme.Set', registry: 'http://x' }, ws)).toEqual({
      name: 'org.acme.Set',
      registry: 'http://x',
    });
  });

  test('bad manifests are user errors that name the input', async () => {
    const ws = workspace();
    const outside = workspace();
    writeFileSync(join(outside, 'm.yml'), 'app-id: org.acme.App\n');
    writeFileSync(join(ws, 'noid.json'), '{"modules": []}');
    writeFileSync(join(ws, 'ok.json'), '{"app-id": "org.acme.App"}');
    await expect(loadManifest({}, ws)).rejects.toThrow(InputError);
    await expect(loadManifest({ manifest: 'nope.yml' }, ws)).rejects.toThrow(/'manifest'.*not found/);
    await expect(loadManifest({ manifest: join(outside, 'm.yml') }, ws)).rejects.toThrow(
      /'manifest'.*outside the workspace/,
    );
    await expect(loadManifest({ manifest: 'noid.json' }, ws)).rejects.toThrow(/app-id.*missing/);
    await expect(loadManifest({ manifest: 'ok.json', 'app-id': 'org.acme.Other' }, ws)).rejects.toThrow(
      /'app-id'.*differs/,
    );
    await expect(loadManifest({ manifest: 'ok.json', 'app-id': 'not-an-id' }, ws)).rejects.toThrow(
      /'app-id'.*not a Flatpak application id/,
    );
    mkdirSync(join(ws, 'sub'));
    await expect(loadManifest({ manifest: 'ok.json', branch: 'a/b' }, ws)).rejects.toThrow(/'branch'/);
  });
});

describe('Flathub manifest bumps', () => {
  test('versions are found in paths and tags, never in hosts or platform suffixes', () => {
    expect(bumpVersionInUrl('http://127.0.0.1:8080/d/v3.0.0/app-3.0.0.tar.gz', '3.1.0')).toBe(
      'http://127.0.0.1:8080/d/v3.1.0/app-3.1.0.tar.gz',
    );
    expect(bumpVersionInUrl('https://x.org/app-1.2.3-linux-x86_64.tar.xz', '1.3.0')).toBe(
      'https://x.org/app-1.3.0-linux-x86_64.tar.xz',
    );
    expect(bumpVersionInUrl('https://x.org/app-1.3.0-rc.1.tar.gz', '1.3.0')).toBe(
      'https://x.org/app-1.3.0.tar.gz',
    );
    expect(bumpVersionInUrl('https://x.org/latest.tar.gz', '1.3.0')).toBeUndefined();
    expect(bumpVersionIn('v2.0.0', '2.1.0')).toBe('v2.1.0');
    expect(bumpVersionIn('release-2.0.0', '2.1.0')).toBe('release-2.1.0');
  });

  test('the app module is the one named like the app, else the last', () => {
    const modules = [{ name: 'dep' }, { name: 'hello' }, { name: 'tail' }];
    expect(appModuleIndex(modules, 'org.acme.Hello')).toBe(1);
    expect(appModuleIndex(modules, 'org.acme.Other')).toBe(2);
    expect(appModuleIndex([{ name: 'x' }, 'shared-modules/a.json'], 'org.acme.Other')).toBe(0);
  });

  const yaml = `# keep me
app-id: org.acme.Hello
modules:
  - name: dep
    sources: [{ type: archive, url: 'https://d.org/dep-1.0.0.tar.gz', sha256: 1111 }]
  - name: hello
    build-commands: [make]   # layout stays
    sources:
      - type: archive
        url: "https://x.org/v1.0.0/hello-1.0.0.tar.gz"
        sha256: 2222222222222222222222222222222222222222222222222222222222222222 # old
      - type: git
        url: https://github.com/acme/hello.git
        tag: 'v1.0.0'
        commit: 3333
      - type: patch
        path: fix.patch
`;

  const resolve = async (file: string, text: string): Promise<ResolvedBump[]> =>
    planBumps(await parseManifest(text, file), file, 'org.acme.Hello', '1.1.0').map((bump) => ({
      ...bump,
      digests: Object.fromEntries(bump.checksums.map((key) => [key, 'ab'.repeat(32)])),
      commit: bump.pinsCommit ? 'c'.repeat(40) : undefined,
    }));

  test('YAML: only the bumped values change, quoted as before', async () => {
    const out = applyBumps(yaml, 'm.yml', await resolve('m.yml', yaml));
    const changed = out.split('\n').filter((line, i) => line !== yaml.split('\n')[i]);
    expect(changed).toEqual([
      '        url: "https://x.org/v1.1.0/hello-1.1.0.tar.gz"',
      `        sha256: ${'ab'.repeat(32)} # old`,
      "        tag: 'v1.1.0'",
      `        commit: ${'c'.repeat(40)}`,
    ]);
  });

  test('JSON: the same, indentation kept', async () => {
    const json = `{\n  "app-id": "org.acme.Hello",\n  "modules": [\n    {\n      "name": "hello",\n      "sources": [\n        { "type": "archive", "url": "https://x.org/hello-1.0.0.tar.gz", "sha512": "00" }\n      ]\n    }\n  ]\n}\n`;
    const out = applyBumps(json, 'm.json', await resolve('m.json', json));
    expect(JSON.parse(out).modules[0].sources[0]).toEqual({
      type: 'archive',
      url: 'https://x.org/hello-1.1.0.tar.gz',
      sha512: 'ab'.repeat(32),
    });
    expect(out.replace('1.1.0', '1.0.0').replace('ab'.repeat(32), '00')).toBe(json);
  });

  test('a source without a checksum gets a sha256', async () => {
    const text =
      'app-id: org.acme.Hello\nmodules:\n  - name: hello\n    sources:\n      - type: file\n        url: https://x.org/hello-1.0.0.bin\n';
    const out = applyBumps(text, 'm.yml', await resolve('m.yml', text));
    expect(await parseManifest(out, 'm.yml')).toEqual({
      'app-id': 'org.acme.Hello',
      modules: [
        {
          name: 'hello',
          sources: [{ type: 'file', url: 'https://x.org/hello-1.1.0.bin', sha256: 'ab'.repeat(32) }],
        },
      ],
    });
  });

  test('a module with nothing versioned is a clear error', async () => {
    const text = 'app-id: org.acme.Hello\nmodules:\n  - name: hello\n    sources: [{ type: dir, path: . }]\n';
    const manifest = await parseManifest(text, 'm.yml');
    expect(() => planBumps(manifest, 'flathub/org.acme.Hello:m.yml', 'org.acme.Hello', '1.1.0')).toThrow(
      /flathub\/org\.acme\.Hello:m\.yml.*no source of module "hello" names a version/,
    );
  });
});

describe('flat-manager uploads', () => {
  const object = (name: string, size: number): LocalObject => ({ name, path: '', size });

  test('file objects go first and commits last; batches stay near 4 MiB', () => {
    const names = [
      'c'.repeat(64) + '.commit',
      'a'.repeat(64) + '.dirtree',
      'b'.repeat(64) + '.filez',
      'd'.repeat(64) + '.dirmeta',
    ];
    expect(uploadOrder(names.map((n) => object(n, 1))).map((o) => o.name.slice(-7))).toEqual([
      'b.filez',
      'dirtree',
      'dirmeta',
      '.commit',
    ]);
    const batches = uploadBatches([object('1', 3), object('2', 3), object('3', 10), object('4', 1)], 6);
    expect(batches.map((b) => b.map((o) => o.name))).toEqual([['1', '2'], ['3'], ['4']]);
  });

  test('the multipart body parses back into the same files', () => {
    const dir = tempDir('da-flatpak-mp-');
    const files = ['a'.repeat(64) + '.filez', 'b'.repeat(64) + '.commit'].map((name, i) => {
      writeFileSync(join(dir, name), Buffer.from(`\r\n--not-a-boundary ${i}\r\n`));
      return { name, path: join(dir, name), size: 0 };
    });
    const parts = parseMultipart(multipartObjects(files, 'XyZ'), 'multipart/form-data; boundary=XyZ');
    expect(parts.map((p) => [p.filename, p.data.toString()])).toEqual([
      [files[0].name, '\r\n--not-a-boundary 0\r\n'],
      [files[1].name, '\r\n--not-a-boundary 1\r\n'],
    ]);
  });
});

describe('which token goes where', () => {
  const job = (
    token: string | undefined,
    env: Record<string, string>,
    settings: Record<string, unknown> = {},
  ) => ({ settings, ctx: { token, env } as unknown as PublishContext, loaded: {} }) as unknown as FlatpakJob;

  test('GitHub modes use GITHUB_TOKEN when FLAT_MANAGER_TOKEN was picked by default', () => {
    const env = { FLAT_MANAGER_TOKEN: 'fm-token', GITHUB_TOKEN: 'gh-token' };
    expect(githubToken(job('fm-token', env))).toBe('gh-token');
    expect(githubToken(job('fm-token', env, { 'token-env': 'FLAT_MANAGER_TOKEN' }))).toBe('fm-token');
    expect(githubToken(job('explicit', env))).toBe('explicit');
  });

  test('flat-manager never gets a GITHUB_TOKEN picked by default', () => {
    expect(flatManagerToken(job('gh-token', { GITHUB_TOKEN: 'gh-token' }))).toBeUndefined();
    expect(
      flatManagerToken(job('gh-token', { GITHUB_TOKEN: 'gh-token' }, { 'token-env': 'GITHUB_TOKEN' })),
    ).toBe('gh-token');
    expect(flatManagerToken(job('fm-token', { FLAT_MANAGER_TOKEN: 'fm-token', GITHUB_TOKEN: 'gh' }))).toBe(
      'fm-token',
    );
  });
});

describe('registry client', () => {
  const http = (status: number, body: unknown, seen: HttpRequest[] = []) =>
    ({
      request: async (req: HttpRequest) => {
        seen.push(req);
        const bytes = Buffer.from(JSON.stringify(body));
        return {
          status,
          ok: status < 300,
          headers: new Headers(),
          url: String(req.url),
          body: bytes,
          text: () => bytes.toString(),
          json: () => body,
        };
      },
    }) as unknown as HttpClient;

  test("reads Flathub's appstream releases, newest first; development releases never latest", async () => {
    const seen: HttpRequest[] = [];
    const releases = [
      { version: '2.0.0-beta.1', type: 'development' },
      { version: '1.9.0', type: 'stable' },
      { version: '1.8.0' },
    ];
    const client = createClient('org.acme.App', {
      http: http(200, { id: 'org.acme.App', releases }, seen),
      reporter: new MemoryReporter(),
      token: 'ghs_not_for_flathub',
    });
    expect(client.id).toBe('flatpak:org.acme.App');
    expect(await client.versions()).toEqual(['2.0.0-beta.1', '1.9.0', '1.8.0']);
    expect(await client.latest()).toBe('1.9.0');
    expect(await client.exists('1.8.0')).toBe(true);
    expect(await client.exists('1.7.0')).toBe(false);
    expect(String(seen[0].url)).toBe('https://flathub.org/api/v2/appstream/org.acme.App');
    expect(seen[0].headers).toEqual({ accept: 'application/json' });
    expect(client.url('1.9.0')).toBe('https://flathub.org/apps/org.acme.App');
  });

  test('an unknown app has no versions; a refusal is a RegistryError', async () => {
    expect(await createClient('org.acme.App', { http: http(404, null) }).versions()).toEqual([]);
    await expect(
      createClient('org.acme.App', { http: http(403, {}), registry: 'http://fm/' }).versions(),
    ).rejects.toThrow(RegistryError);
    expect(releaseVersions({ releases: null })).toEqual([]);
    expect(() => createClient('nope', { http: http(200, {}) })).toThrow(InputError);
  });
});
