/**
 * publish-flatpak through its bundle, as the runner runs it, with real flatpak-builder builds
 * (bubblewrap) against the tiny runtime, a GitHub REST test server and a flat-manager test
 * server. What a user would check: the release carries a real bundle (flatpak imports it), the
 * flat-manager repo serves the version (ostree pulls it over HTTP and fscks it), the Flathub
 * pull request changes exactly the url, tag, commit and sha256.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { createClient } from '@deploy-actions/targets/flatpak/client';
import { flatpakEnv, tinyAppManifest, tinyRuntime, type TinyRuntime } from '../harness/flatpak-runtime.js';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { startFlatManager, type FlatManagerServer } from '../servers/flat-manager.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const APP = 'org.acme.Hello';
const GH_TOKEN = 'ghs_flatpakTestToken0123456789';
const MANIFEST = 'packaging/flatpak/org.acme.Hello.yml';

let runtime: TinyRuntime;
let gh: GitHubServer;
let fm: FlatManagerServer;
let scratch: string;

beforeAll(async () => {
  runtime = tinyRuntime();
  scratch = mkdtempSync(join(tmpdir(), 'da-flatpak-e2e-'));
  gh = await startGitHubServer({ token: GH_TOKEN });
  fm = await startFlatManager();
});

afterAll(async () => {
  await Promise.all([gh?.stop(), fm?.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

const metainfo = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>${APP}</id>
  <name>Hello</name>
  <summary>Says hello</summary>
  <metadata_license>CC0-1.0</metadata_license>
  <releases>
    <release version="${version}" date="2026-01-02"/>
    <release version="1.0.0" date="2025-01-01"/>
  </releases>
</component>
`;

/** A workspace with a one-script app whose metainfo names `version`. */
function workspace(version: string): string {
  const dir = mkdtempSync(join(scratch, 'ws-'));
  const packaging = join(dir, 'packaging', 'flatpak');
  mkdirSync(packaging, { recursive: true });
  writeFileSync(join(packaging, 'hello.sh'), `#!/bin/sh\necho "hello ${version}"\n`);
  writeFileSync(join(packaging, `${APP}.metainfo.xml`), metainfo(version));
  writeFileSync(
    join(dir, MANIFEST),
    tinyAppManifest(
      APP,
      `  - name: hello
    buildsystem: simple
    build-commands:
      - mkdir -p /app/bin /app/share/metainfo
      - cp hello.sh /app/bin/hello
      - chmod 755 /app/bin/hello
      - cp ${APP}.metainfo.xml /app/share/metainfo/
    sources:
      - type: file
        path: hello.sh
      - type: file
        path: ${APP}.metainfo.xml
`,
    ),
  );
  return dir;
}

function run(
  ws: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
): Promise<ActionRun> {
  return runAction('publish-flatpak', {
    workspace: ws,
    inputs: { manifest: MANIFEST, ...inputs },
    env: {
      ...flatpakEnv(runtime, scratch),
      GITHUB_API_URL: gh.url,
      DEPLOY_ACTIONS_HTTP_RETRIES: '2',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '10',
      ...env,
    },
  });
}

const sh = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...flatpakEnv(runtime, scratch) } });
const shAsync = (cmd: string, args: string[]) =>
  promisify(execFile)(cmd, args, { env: { ...process.env, ...flatpakEnv(runtime, scratch) } });
/** What the action printed, without the `::add-mask::` lines that hand secrets to the runner. */
const printed = (result: ActionRun) =>
  (result.stdout + result.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function expectPublished(result: ActionRun, status: string): void {
  if (result.outputs.status !== status) console.log(result.stdout, result.stderr);
  expect(result.outputs.status).toBe(status);
  expect(result.code).toBe(0);
}

describe('bundle mode', () => {
  const asset = `${APP}-1.2.3.flatpak`;

  test('builds a real .flatpak and attaches it to the release; a rerun is skipped, force replaces it', async () => {
    const ws = workspace('1.2.3');
    const first = await run(ws, { version: '1.2.3' }, { GITHUB_TOKEN: GH_TOKEN });
    expectPublished(first, 'published');
    expect(printed(first)).not.toContain(GH_TOKEN);

    const bytes = gh.state.assetBytes('acme/app', 'v1.2.3', asset)!;
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('flatpak\0');
    expect(first.outputs.digest).toBe(`sha256:${sha256(bytes)}`);
    expect(first.outputs.url).toBe(`${gh.url}/acme/app/releases/tag/v1.2.3`);
    // flatpak itself reads the bundle back into a repository: the app, with our script in it.
    const file = join(scratch, asset);
    writeFileSync(file, bytes);
    const repo = join(scratch, 'imported');
    sh('ostree', ['init', `--repo=${repo}`, '--mode=archive-z2']);
    sh('flatpak', ['build-import-bundle', repo, file]);
    const ref = `app/${APP}/${runtime.arch}/stable`;
    expect(sh('ostree', ['refs', `--repo=${repo}`]).split('\n')).toContain(ref);
    expect(sh('ostree', ['cat', `--repo=${repo}`, ref, '/files/bin/hello'])).toContain('hello 1.2.3');
    expect(sh('ostree', ['log', `--repo=${repo}`, ref])).toContain('Version: 1.2.3');

    const writes = gh.state.writes().length;
    const again = await run(ws, { version: '1.2.3' }, { GITHUB_TOKEN: GH_TOKEN });
    expectPublished(again, 'skipped');
    expect(gh.state.writes().length).toBe(writes);

    const forced = await run(ws, { version: '1.2.3', force: 'true' }, { GITHUB_TOKEN: GH_TOKEN });
    expectPublished(forced, 'published');
    const assets = gh.state.release('acme/app', 'v1.2.3')!.assets.filter((a) => a.name === asset);
    expect(assets).toHaveLength(1);
  });

  test('dry run reads the release and sends nothing', async () => {
    const writes = gh.state.writes().length;
    const result = await run(
      workspace('1.2.5'),
      { version: '1.2.5', 'dry-run': 'true' },
      { GITHUB_TOKEN: GH_TOKEN },
    );
    expectPublished(result, 'dry-run');
    expect(gh.state.writes().length).toBe(writes);
    expect(gh.state.release('acme/app', 'v1.2.5')).toBeUndefined();
  });

  test('a bad token is one clear error naming GITHUB_TOKEN', async () => {
    const result = await run(
      workspace('1.2.6'),
      { version: '1.2.6' },
      { GITHUB_TOKEN: 'ghs_wrongToken000000000000' },
    );
    expect(userErrorShape(result)).toEqual({ code: 1, errors: 1, stack: false });
    expect(result.annotations[0].message).toMatch(/GITHUB_TOKEN/);
    expect(printed(result)).not.toContain('ghs_wrongToken000000000000');
  });
});

describe('flat-manager mode', () => {
  test('pushes the build and publishes it; the repository serves the version; a rerun is skipped', async () => {
    const ws = workspace('2.0.0');
    const inputs = { version: '2.0.0', mode: 'flat-manager', registry: fm.url };
    const env = { FLAT_MANAGER_TOKEN: fm.token, GITHUB_TOKEN: GH_TOKEN };
    const first = await run(ws, inputs, env);
    expectPublished(first, 'published');
    expect(printed(first)).not.toContain(fm.token);

    const [build] = [...fm.builds.values()].filter((b) => b.published_state === 2);
    expect(build).toBeDefined();
    expect(first.outputs.url).toBe(`${fm.url}/api/v1/build/${build.id}`);
    const uploads = fm.requests.filter((r) => r.path.endsWith('/upload'));
    expect(uploads.every((r) => r.authorized)).toBe(true);
    expect(uploads.flatMap((r) => r.files ?? []).some((f) => f.endsWith('.commit'))).toBe(true);

    // The real tools agree: the published repo is whole, and ostree pulls the app over HTTP.
    const ref = `app/${APP}/${runtime.arch}/stable`;
    expect(sh('ostree', ['refs', `--repo=${fm.repoPath('stable')}`]).split('\n')).toContain(ref);
    sh('ostree', ['fsck', `--repo=${fm.repoPath('stable')}`]);
    const mirror = join(scratch, 'mirror');
    sh('ostree', ['init', `--repo=${mirror}`, '--mode=archive-z2']);
    sh('ostree', ['remote', 'add', `--repo=${mirror}`, '--no-gpg-verify', 'fm', `${fm.url}/repo/stable`]);
    // Async: the server runs in this process, a synchronous child would block it.
    await shAsync('ostree', ['pull', `--repo=${mirror}`, 'fm', ref]);
    sh('ostree', ['fsck', `--repo=${mirror}`]);
    expect(sh('ostree', ['cat', `--repo=${mirror}`, `fm:${ref}`, '/files/bin/hello'])).toContain(
      'hello 2.0.0',
    );
    expect(first.outputs.digest).toBe(sh('ostree', ['rev-parse', `--repo=${mirror}`, `fm:${ref}`]).trim());

    // check-published's view: the registry client reads the appstream API.
    const client = createClient(APP, { http: new HttpClient({ retries: 0 }), registry: fm.url });
    expect(await client.exists('2.0.0')).toBe(true);
    expect(await client.latest()).toBe('2.0.0');

    const builds = fm.builds.size;
    const again = await run(ws, inputs, env);
    expectPublished(again, 'skipped');
    expect(fm.builds.size).toBe(builds);
  });

  test('a lost answer to an upload is not resent; a failed commit call is retried', async () => {
    fm.faults.push({ method: 'POST', path: /\/upload$/, status: 502, after: true });
    fm.faults.push({ method: 'POST', path: /\/commit$/, status: 503 });
    const before = fm.requests.length;
    const result = await run(
      workspace('2.1.0'),
      { version: '2.1.0', mode: 'flat-manager', registry: fm.url },
      { FLAT_MANAGER_TOKEN: fm.token },
    );
    expectPublished(result, 'published');
    const sent = fm.requests.slice(before);
    expect(sent.filter((r) => r.path.endsWith('/upload'))).toHaveLength(1);
    expect(sent.filter((r) => r.method === 'POST' && r.path.endsWith('/commit'))).toHaveLength(2);
    const ref = `app/${APP}/${runtime.arch}/stable`;
    expect(sh('ostree', ['log', `--repo=${fm.repoPath('stable')}`, ref])).toContain('Version: 2.1.0');
    sh('ostree', ['fsck', `--repo=${fm.repoPath('stable')}`]);
  });

  test('a bad token fails before the build, as one error naming FLAT_MANAGER_TOKEN', async () => {
    const bad = fm.mint({ exp: Math.floor(Date.now() / 1000) - 60 });
    const result = await run(
      workspace('2.0.1'),
      { version: '2.0.1', mode: 'flat-manager', registry: fm.url },
      { FLAT_MANAGER_TOKEN: bad },
    );
    expect(userErrorShape(result)).toEqual({ code: 1, errors: 1, stack: false });
    expect(result.annotations[0].message).toMatch(/FLAT_MANAGER_TOKEN/);
    expect(result.stdout).not.toContain('flatpak-builder');
    expect(printed(result)).not.toContain(bad);
  });

  test('never sends GITHUB_TOKEN to a flat-manager', async () => {
    const before = fm.requests.length;
    const result = await run(
      workspace('2.0.2'),
      { version: '2.0.2', mode: 'flat-manager', registry: fm.url },
      { GITHUB_TOKEN: GH_TOKEN },
    );
    expect(userErrorShape(result)).toEqual({ code: 1, errors: 1, stack: false });
    expect(result.annotations[0].message).toMatch(/FLAT_MANAGER_TOKEN/);
    expect(fm.requests.slice(before).every((r) => !r.authorized && r.method === 'GET')).toBe(true);
  });
});

describe('flathub-pr mode', () => {
  const flathub = `flathub/${APP}`;
  const tarball = Buffer.from('pretend this is hello-3.1.0.tar.gz');
  const tagCommit = 'c0ffee0000000000000000000000000000000000';
  const remoteManifest = (base: string) => `# Flathub manifest for Hello
app-id: ${APP}
runtime: org.freedesktop.Platform
runtime-version: '24.08'
sdk: org.freedesktop.Sdk
command: hello
modules:
  - name: libfoo # a dependency: left alone
    sources:
      - type: archive
        url: https://example.org/libfoo-1.0.0.tar.gz
        sha256: 1111111111111111111111111111111111111111111111111111111111111111
  - name: hello
    buildsystem: simple
    build-commands: [install -D hello /app/bin/hello]
    sources:
      - type: archive
        url: ${base}/acme/app/releases/download/v3.0.0/hello-3.0.0.tar.gz
        sha256: 2222222222222222222222222222222222222222222222222222222222222222 # the old tarball
      - type: git
        url: https://github.com/acme/app.git
        tag: v3.0.0
        commit: 3333333333333333333333333333333333333333
`;

  beforeAll(() => {
    const repo = gh.state.addRepo(flathub, { defaultBranch: 'master' });
    gh.state.setFile(flathub, 'master', `${APP}.yml`, remoteManifest(gh.url));
    gh.state.seedRelease('acme/app', { tag: 'v3.1.0', assets: { 'hello-3.1.0.tar.gz': tarball } });
    const app = gh.state.repo('acme/app');
    app.commits.set(tagCommit, { sha: tagCommit, parents: [], message: 'v3.1.0', files: new Map() });
    app.refs.set('tags/v3.1.0', tagCommit);
    expect(repo.defaultBranch).toBe('master');
  });

  test('opens one pull request changing url, sha256, tag and commit; a rerun opens none', async () => {
    const ws = workspace('3.1.0');
    const first = await run(ws, { version: '3.1.0', mode: 'flathub-pr' }, { GITHUB_TOKEN: GH_TOKEN });
    expectPublished(first, 'published');
    const pulls = gh.state.repo(flathub).pulls;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ headRef: 'deploy-actions/3.1.0', baseRef: 'master', state: 'open' });
    expect(first.outputs.url).toBe(`${gh.url}/${flathub}/pull/1`);

    const before = remoteManifest(gh.url).split('\n');
    const after = gh.state.file(flathub, 'deploy-actions/3.1.0', `${APP}.yml`)!.toString('utf8').split('\n');
    expect(gh.state.file(flathub, 'master', `${APP}.yml`)!.toString('utf8')).toBe(remoteManifest(gh.url));
    const changed = after.map((line, i) => [before[i], line]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      [
        `        url: ${gh.url}/acme/app/releases/download/v3.0.0/hello-3.0.0.tar.gz`,
        `        url: ${gh.url}/acme/app/releases/download/v3.1.0/hello-3.1.0.tar.gz`,
      ],
      [
        '        sha256: 2222222222222222222222222222222222222222222222222222222222222222 # the old tarball',
        `        sha256: ${sha256(tarball)} # the old tarball`,
      ],
      ['        tag: v3.0.0', '        tag: v3.1.0'],
      ['        commit: 3333333333333333333333333333333333333333', `        commit: ${tagCommit}`],
    ]);

    const again = await run(ws, { version: '3.1.0', mode: 'flathub-pr' }, { GITHUB_TOKEN: GH_TOKEN });
    expectPublished(again, 'skipped');
    expect(again.outputs.url).toBe(first.outputs.url);
    expect(gh.state.repo(flathub).pulls).toHaveLength(1);
  });

  test('a dry run names the changes and writes nothing, even before the release exists', async () => {
    const writes = gh.state.writes().length;
    const result = await run(
      workspace('3.2.0'),
      { version: '3.2.0', mode: 'flathub-pr', 'dry-run': 'true' },
      { GITHUB_TOKEN: GH_TOKEN },
    );
    expectPublished(result, 'dry-run');
    const notes = (JSON.parse(result.outputs.result) as { notes: string[] }).notes.join('\n');
    expect(notes).toContain('v3.2.0/hello-3.2.0.tar.gz (+ sha256)');
    expect(notes).toContain('tag v3.0.0 -> v3.2.0 (+ commit)');
    expect(gh.state.writes().length).toBe(writes);
  });
});

describe('bad input', () => {
  const expectInputError = (result: ActionRun, pattern: RegExp) => {
    expect(userErrorShape(result)).toEqual({ code: 1, errors: 1, stack: false });
    expect(result.annotations[0].message).toMatch(pattern);
  };

  test('a missing manifest', async () => {
    expectInputError(
      await run(workspace('1.0.0'), { version: '1.0.0', manifest: 'nope.yml' }, { GITHUB_TOKEN: GH_TOKEN }),
      /'manifest'.*not found/,
    );
  });

  test('a manifest outside the workspace', async () => {
    const outside = join(scratch, 'outside.yml');
    writeFileSync(outside, readFileSync(join(workspace('1.0.0'), MANIFEST)));
    expectInputError(
      await run(workspace('1.0.0'), { version: '1.0.0', manifest: outside }, { GITHUB_TOKEN: GH_TOKEN }),
      /'manifest'.*outside the workspace/,
    );
  });

  test('an unknown mode', async () => {
    expectInputError(
      await run(workspace('1.0.0'), { version: '1.0.0', mode: 'ftp' }, { GITHUB_TOKEN: GH_TOKEN }),
      /'mode'.*"ftp"/,
    );
  });

  test('a metainfo that names another version', async () => {
    const writes = gh.state.writes().length;
    expectInputError(
      await run(workspace('1.0.0'), { version: '1.0.1' }, { GITHUB_TOKEN: GH_TOKEN }),
      /names version 1\.0\.0, but the release is 1\.0\.1/,
    );
    expect(gh.state.writes().length).toBe(writes);
  });

  test('flat-manager mode without a registry', async () => {
    expectInputError(
      await run(workspace('1.0.0'), { version: '1.0.0', mode: 'flat-manager' }, { FLAT_MANAGER_TOKEN: 'x' }),
      /'registry'/,
    );
  });
});
