/**
 * publish-pypi through its bundle (node actions/publish-pypi/dist/index.js, as the runner runs
 * it) against the PyPI test server; pip, the real consumer, installs what it published.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { startIdTokenIssuer, startPypiServer, type IdTokenIssuer, type PypiServer } from '../servers/pypi.js';

const exec = promisify(execFile);
const TOKEN = 'pypi-AgEIcHlwaS5vcmcCJGE4ZmYtdGVzdC10b2tlbg';
const PROJECT = 'Acme.Tool';

let server: PypiServer;
let issuer: IdTokenIssuer;

beforeAll(async () => {
  server = await startPypiServer({ token: TOKEN, oidc: { audience: 'pypi-test-audience' } });
  issuer = await startIdTokenIssuer();
});

afterAll(async () => {
  await server?.stop();
  await issuer?.stop();
});

/** A workspace with a wheel and an sdist of `version` (PEP 440) in dist/. */
function workspaceWith(version: string, only?: 'wheel' | 'sdist'): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'publish-pypi-'));
  return { dir, files: makeDistributions(join(dir, 'dist'), PROJECT, version, only) };
}

function publish(
  workspace: string,
  version: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  /** Run the post step too, as the runner does (it only cleans up; kept to where secrets are checked). */
  post = false,
): Promise<ActionRun> {
  return runAction('publish-pypi', {
    workspace,
    inputs: { version, registry: server.url, ...inputs },
    env: { PYPI_TOKEN: TOKEN, DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20', ...env },
    post,
  });
}

const uploadsOf = (version: string) =>
  server.uploads
    .filter((u) => u.version === version)
    .map((u) => u.filename)
    .sort();
const postsOf = (files: string[]) =>
  server.requests.filter(
    (r) => r.method === 'POST' && files.map((f) => basename(f)).includes(r.filename ?? ''),
  );
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Everything the action wrote where a person or a later step could read it. `::add-mask::`
 * lines are the runner protocol that hides a secret; the runner never shows them.
 */
function everythingWritten(run: ActionRun): string {
  const shown = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
  return shown(
    [
      run.stdout,
      run.stderr,
      run.post?.stdout ?? '',
      run.post?.stderr ?? '',
      run.summary,
      JSON.stringify(run.outputs),
      ...run.files.map((f) => readFileSync(f, 'utf8')),
    ].join('\n'),
  );
}

describe('publish-pypi', () => {
  test('publishes a wheel and an sdist that pip then installs; outputs, summary, no token anywhere', async () => {
    const { dir, files } = workspaceWith('1.0.0');
    const run = await publish(dir, '1.0.0', {}, {}, true);
    expect(run.code).toBe(0);
    expect(run.post?.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(run.outputs.url).toBe(`${server.url}project/acme-tool/1.0.0/`);
    expect(run.outputs.digest.split('\n').sort()).toEqual(
      files.map((f) => `${sha256(f)}  ${basename(f)}`).sort(),
    );
    expect(run.summary).toContain('| pypi | pypi | 1.0.0 | published |');
    expect(uploadsOf('1.0.0')).toEqual(files.map((f) => basename(f)).sort());
    // The form carries the metadata as twine sends it.
    const wheel = server.uploads.find((u) => u.filename.endsWith('1.0.0-py3-none-any.whl'))!;
    expect(wheel.fields).toMatchObject({
      ':action': ['file_upload'],
      protocol_version: ['1'],
      name: [PROJECT],
      version: ['1.0.0'],
      filetype: ['bdist_wheel'],
      pyversion: ['py3'],
      metadata_version: ['2.1'],
      summary: ['A tiny package for deploy-actions tests'],
      requires_python: ['>=3.7'],
      requires_dist: ['requests>=2', 'tomli; python_version < "3.11"'],
      classifiers: ['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License'],
      description_content_type: ['text/markdown'],
    });
    expect(wheel.fields.description?.[0]).toContain('Long description, *markdown*');
    // The digests PyPI checks: md5 and sha256 of the file sent; BLAKE2b-256 is optional, not sent.
    const wheelFile = files.find((f) => f.endsWith('1.0.0-py3-none-any.whl'))!;
    expect(wheel.fields.md5_digest).toEqual([
      createHash('md5').update(readFileSync(wheelFile)).digest('hex'),
    ]);
    expect(wheel.fields.sha256_digest).toEqual([sha256(wheelFile)]);
    expect(wheel.fields.blake2_256_digest).toBeUndefined();
    expect(everythingWritten(run)).not.toContain(TOKEN);

    // The real consumer: pip resolves it from the simple index, checks the hash, installs it.
    const target = join(dir, 'site');
    await exec(
      'python3',
      [
        '-m',
        'pip',
        'install',
        '--no-deps',
        '--target',
        target,
        '--index-url',
        server.simpleUrl,
        'acme-tool==1.0.0',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          PIP_CONFIG_FILE: '/dev/null',
          PIP_NO_CACHE_DIR: '1',
          PIP_DISABLE_PIP_VERSION_CHECK: '1',
        },
      },
    );
    const { stdout } = await exec('python3', ['-c', 'import acme_tool; print(acme_tool.__version__)'], {
      env: { PATH: process.env.PATH, PYTHONPATH: target },
    });
    expect(stdout.trim()).toBe('1.0.0');
  });

  test('a rerun finds every file there and is skipped without uploading', async () => {
    const { dir, files } = workspaceWith('1.0.1');
    expect((await publish(dir, '1.0.1')).outputs.status).toBe('published');
    const posts = postsOf(files).length;
    const rerun = await publish(dir, '1.0.1');
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('skipped');
    expect(postsOf(files)).toHaveLength(posts);
  });

  test('a SemVer prerelease is published as its PEP 440 form', async () => {
    const { dir } = workspaceWith('1.1.0rc1');
    const run = await publish(dir, '1.1.0-rc.1');
    expect(run.outputs.status).toBe('published');
    expect(run.outputs.url).toBe(`${server.url}project/acme-tool/1.1.0rc1/`);
  });

  test.each([
    ['3!1.0.0', '3!1.0.0'],
    ['1.4.5.post1', '1.4.5.post1'],
    ['1.4.6.dev4', '1.4.6.dev4'],
    ['1.4.7rc1', '1.4.7rc1'],
    ['1.4.8-1', '1.4.8.post1'],
  ])(
    'the PEP 440 version %s is published (as %s), and the rerun of the finished release is skipped',
    async (version, normal) => {
      const { dir, files } = workspaceWith(normal);
      const run = await publish(dir, version);
      expect(run.stderr).toBe('');
      expect({ code: run.code, status: run.outputs.status }).toEqual({ code: 0, status: 'published' });
      expect(uploadsOf(normal)).toEqual(files.map((f) => basename(f)).sort());
      const posts = postsOf(files).length;
      const rerun = await publish(dir, version);
      expect({ code: rerun.code, status: rerun.outputs.status }).toEqual({ code: 0, status: 'skipped' });
      expect(postsOf(files)).toHaveLength(posts);
    },
  );

  test('after a half-finished upload, a rerun sends only the missing file', async () => {
    const { dir, files } = workspaceWith('1.0.2');
    const [wheel, sdist] = files;
    server.seed(wheel, PROJECT, '1.0.2');
    const run = await publish(dir, '1.0.2');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(postsOf([wheel])).toHaveLength(0);
    expect(uploadsOf('1.0.2')).toEqual([basename(sdist)]);
    expect(
      server
        .files(PROJECT)
        .filter((f) => f.version === '1.0.2')
        .map((f) => f.filename)
        .sort(),
    ).toEqual(files.map((f) => basename(f)).sort());
  });

  test('force with a file already published fails with one error saying PyPI forbids it', async () => {
    const { dir, files } = workspaceWith('1.0.3');
    server.seed(files[0], PROJECT, '1.0.3');
    const run = await publish(dir, '1.0.3', { force: 'true' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain('PyPI forbids re-uploading a file');
    expect(run.outputs.status).toBe('failed');
    expect(postsOf(files)).toHaveLength(0);
  });

  test('distributions of another version are refused before anything is sent', async () => {
    const { dir, files } = workspaceWith('2.0.0');
    const before = server.requests.length;
    const run = await publish(dir, '2.0.1');
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain(
      `${basename(files[0])}" is version 2.0.0, but the release is 2.0.1`,
    );
    expect(server.requests.length).toBe(before);
  });

  test('a version with no PEP 440 form is a clear error', async () => {
    const { dir } = workspaceWith('2.1.0');
    const run = await publish(dir, '2.1.0-foo.1');
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain('has no PEP 440 form');
  });

  test('a bad token: one clear 403 error naming the registry, no stack, no token', async () => {
    const { dir, files } = workspaceWith('2.2.0');
    const bad = 'pypi-wrong-token-0000000000';
    const run = await publish(dir, '2.2.0', {}, { PYPI_TOKEN: bad });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain(
      `PyPI index ${server.url}: refused the upload of ${basename(files[0])} (HTTP 403`,
    );
    expect(run.annotations[0].message).toContain('__token__');
    expect(everythingWritten(run)).not.toContain(bad);
    expect(uploadsOf('2.2.0')).toEqual([]);
  });

  test('500 and 429 with Retry-After are retried, and each file is stored once', async () => {
    const { dir, files } = workspaceWith('2.3.0');
    server.failNext(1, 500, { path: '/legacy/' });
    server.failNext(1, 429, { path: '/legacy/', retryAfter: 1 });
    const started = Date.now();
    const run = await publish(dir, '2.3.0');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After was honoured
    expect(
      server.requests.filter((r) => r.path === '/legacy/' && (r.status === 500 || r.status === 429)),
    ).toHaveLength(2);
    expect(uploadsOf('2.3.0')).toEqual(files.map((f) => basename(f)).sort());
  });

  test('an upload that landed but lost its answer is not sent again', async () => {
    const { dir, files } = workspaceWith('2.4.0', 'wheel');
    server.dropAfterAccept(1);
    const run = await publish(dir, '2.4.0');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(postsOf(files)).toHaveLength(1);
    expect(uploadsOf('2.4.0')).toEqual([basename(files[0])]);
    expect(JSON.parse(run.outputs.result).notes.join('\n')).toContain('landed despite');
  });

  test('dry run sends nothing', async () => {
    const { dir, files } = workspaceWith('2.5.0');
    const run = await publish(dir, '2.5.0', { 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(postsOf(files)).toHaveLength(0);
    expect(server.files(PROJECT).some((f) => f.version === '2.5.0')).toBe(false);
  });

  test('no token: trusted publishing mints one from the OIDC ID token and uploads with it', async () => {
    const { dir, files } = workspaceWith('2.6.0', 'wheel');
    const run = await publish(
      dir,
      '2.6.0',
      {},
      {
        PYPI_TOKEN: '',
        ACTIONS_ID_TOKEN_REQUEST_URL: issuer.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken,
      },
      true,
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect(issuer.audiences.at(-1)).toBe('pypi-test-audience');
    expect(server.requests.some((r) => r.path === '/_/oidc/mint-token' && r.status === 200)).toBe(true);
    expect(uploadsOf('2.6.0')).toEqual([basename(files[0])]);
    const written = everythingWritten(run);
    for (const secret of [server.minted.at(-1)!, issuer.issued.at(-1)!, issuer.requestToken])
      expect(written).not.toContain(secret);
  });

  test('no token and no OIDC: one error saying how to give a credential', async () => {
    const { dir } = workspaceWith('2.7.0', 'wheel');
    const run = await publish(dir, '2.7.0', {}, { PYPI_TOKEN: '' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(/'token'.*PYPI_TOKEN/);
  });

  test('a dist glob that matches a non-distribution file is refused by name', async () => {
    const { dir } = workspaceWith('2.8.0', 'wheel');
    writeFileSync(join(dir, 'dist', 'notes.txt'), 'not a distribution');
    const run = await publish(dir, '2.8.0');
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain(`Invalid input 'dist': "notes.txt" is not a wheel`);
  });

  test('dist with braces: `dist/*.{whl,tar.gz}` is one glob, not split at its comma; what it leaves out stays out', async () => {
    const { dir, files } = workspaceWith('2.9.0');
    // A .zip the braces exclude: were it matched, it would be refused as not an sdist.
    writeFileSync(join(dir, 'dist', 'acme_tool-docs-2.9.0.zip'), 'not a distribution');
    const run = await publish(dir, '2.9.0', { dist: 'dist/*.{whl,tar.gz}' });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs.status).toBe('published');
    expect(uploadsOf('2.9.0')).toEqual(files.map((f) => basename(f)).sort());
    // A bracket class with a comma, then a second item after the separating comma.
    const other = workspaceWith('2.9.1');
    const wheel = basename(other.files.find((f) => f.endsWith('.whl'))!);
    const sdist = basename(other.files.find((f) => f.endsWith('.tar.gz'))!);
    const both = await publish(other.dir, '2.9.1', { dist: `dist/[a,A]*.whl, dist/${sdist}` });
    expect(both.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(uploadsOf('2.9.1')).toEqual([sdist, wheel].sort());
  });
});
