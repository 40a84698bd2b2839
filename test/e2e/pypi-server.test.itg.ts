/**
 * The PyPI test server checked by the real clients: Debian's twine uploads a wheel and an sdist
 * through the legacy API, pip reads them back through the simple index (PEP 691 JSON and PEP 503
 * HTML), and the JSON API reports them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import { startPypiServer, type PypiServer } from '../servers/pypi.js';

const run = promisify(execFile);
const TOKEN = 'pypi-test-token-0123456789';

let server: PypiServer;
let work: string;
let dists: string[];

function twine(files: string[], password = TOKEN) {
  return run(
    'twine',
    ['upload', '--non-interactive', '--disable-progress-bar', '--repository-url', server.uploadUrl, ...files],
    {
      env: {
        PATH: process.env.PATH,
        HOME: work,
        TWINE_USERNAME: '__token__',
        TWINE_PASSWORD: password,
        PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
      },
    },
  );
}

function pip(args: string[]) {
  return run('python3', ['-m', 'pip', ...args, '--index-url', server.simpleUrl], {
    env: {
      PATH: process.env.PATH,
      HOME: work,
      PIP_CONFIG_FILE: '/dev/null',
      PIP_NO_CACHE_DIR: '1',
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
      PIP_NO_INPUT: '1',
    },
  });
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  server = await startPypiServer({ token: TOKEN });
  work = mkdtempSync(join(tmpdir(), 'pypi-server-'));
  dists = makeDistributions(join(work, 'dist'), 'Demo.Pkg', '1.2.3rc1');
});

afterAll(async () => {
  await server?.stop();
});

describe('PyPI test server with the real clients', () => {
  test('twine uploads a wheel and an sdist with the fields PyPI documents', async () => {
    await twine(dists);
    expect(server.uploads.map((u) => u.filename).sort()).toEqual(dists.map((d) => basename(d)).sort());
    const wheel = server.uploads.find((u) => u.filename.endsWith('.whl'))!;
    expect(wheel.fields[':action']).toEqual(['file_upload']);
    expect(wheel.fields.protocol_version).toEqual(['1']);
    expect(wheel.fields.filetype).toEqual(['bdist_wheel']);
    expect(wheel.fields.pyversion).toEqual(['py3']);
    expect(wheel.fields.name).toEqual(['Demo.Pkg']);
    expect(wheel.fields.version).toEqual(['1.2.3rc1']);
    expect(wheel.fields.requires_dist).toHaveLength(2);
    // twine's hashlib digests agree with the server's own (our BLAKE2b included).
    expect(wheel.fields.sha256_digest).toEqual([sha256(dists[0])]);
    expect(wheel.fields.blake2_256_digest?.[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(server.files('demo-pkg').find((f) => f.filename.endsWith('.tar.gz'))!.pythonVersion).toBe(
      'source',
    );
  });

  test('the same files again are accepted and store nothing, as on PyPI', async () => {
    await twine(dists);
    expect(server.uploads).toHaveLength(2);
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([
      200, 200, 200, 200,
    ]);
  });

  test('a wrong token is refused with 403, and twine says so', async () => {
    await expect(twine(dists, 'pypi-wrong')).rejects.toMatchObject({
      stdout: expect.stringContaining('403 Forbidden'),
    });
  });

  test('pip downloads the wheel and the sdist back, hashes checked; the index speaks PEP 691 JSON and PEP 503 HTML', async () => {
    const dest = join(work, 'wheel-download');
    await pip(['download', '--no-deps', '--only-binary', ':all:', '--dest', dest, 'demo-pkg==1.2.3rc1']);
    expect(readdirSync(dest)).toEqual([basename(dists[0])]);
    expect(sha256(join(dest, basename(dists[0])))).toBe(sha256(dists[0]));
    const sdistDest = join(work, 'sdist-download');
    await pip([
      'download',
      '--no-deps',
      '--no-binary',
      ':all:',
      '--no-build-isolation',
      '--dest',
      sdistDest,
      'demo-pkg==1.2.3rc1',
    ]);
    expect(readdirSync(sdistDest)).toEqual([basename(dists[1])]);
    expect(sha256(join(sdistDest, basename(dists[1])))).toBe(sha256(dists[1]));

    const html = await fetch(`${server.simpleUrl}demo-pkg/`, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain(`${basename(dists[1])}#sha256=${sha256(dists[1])}`);
    const json = await fetch(`${server.simpleUrl}demo-pkg/`, {
      headers: { accept: 'application/vnd.pypi.simple.v1+json' },
    });
    expect(json.headers.get('content-type')).toBe('application/vnd.pypi.simple.v1+json');
    expect(((await json.json()) as { files: unknown[] }).files).toHaveLength(2);
  });

  test('pip installs the wheel from the index and Python imports it', async () => {
    const target = join(work, 'site');
    await pip(['install', '--no-deps', '--target', target, '--pre', 'Demo_Pkg==1.2.3-rc.1']);
    const { stdout } = await run('python3', ['-c', 'import demo_pkg; print(demo_pkg.__version__)'], {
      env: { PATH: process.env.PATH, PYTHONPATH: target },
    });
    expect(stdout.trim()).toBe('1.2.3rc1');
  });

  test('the JSON API finds the release by any spelling and 404s what is absent', async () => {
    const project = await fetch(`${server.url}pypi/demo_pkg/json`);
    expect(project.status).toBe(200);
    expect(project.url).toBe(`${server.url}pypi/Demo.Pkg/json`);
    const body = (await project.json()) as { releases: Record<string, { filename: string }[]> };
    expect(Object.keys(body.releases)).toEqual(['1.2.3rc1']);
    const release = await fetch(`${server.url}pypi/Demo.Pkg/1.2.3-rc1/json`);
    expect(((await release.json()) as { urls: unknown[] }).urls).toHaveLength(2);
    expect((await fetch(`${server.url}pypi/Demo.Pkg/9.9.9/json`)).status).toBe(404);
    expect((await fetch(`${server.url}pypi/nope/json`)).status).toBe(404);
  });

  test('injected faults: twine sees the 503, retries, and the file is stored once', async () => {
    const [wheel] = makeDistributions(join(work, 'dist2'), 'Demo.Pkg', '1.2.4', 'wheel');
    server.failNext(1, 503, { path: '/legacy/' });
    const { stdout } = await twine([wheel]);
    expect(stdout).toContain('503');
    expect(server.requests.filter((r) => r.filename === basename(wheel)).map((r) => r.status)).toEqual([200]);
    expect(server.requests.filter((r) => r.path === '/legacy/' && r.status === 503)).toHaveLength(1);
    expect(server.files('demo-pkg').filter((f) => f.filename === basename(wheel))).toHaveLength(1);
  });
});
