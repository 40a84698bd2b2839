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

const hash = (algorithm: string, path: string) =>
  createHash(algorithm).update(readFileSync(path)).digest('hex');
const sha256 = (path: string) => hash('sha256', path);
/** Python's own BLAKE2b-256, as twine and Warehouse compute it. */
const blake2b256 = async (path: string) =>
  (
    await run('python3', [
      '-c',
      'import hashlib,sys; print(hashlib.blake2b(open(sys.argv[1],"rb").read(), digest_size=32).hexdigest())',
      path,
    ])
  ).stdout.trim();

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
    // twine's hashlib digests, BLAKE2b-256 included, are the ones the server checked and stores.
    expect(wheel.fields.sha256_digest).toEqual([sha256(dists[0])]);
    expect(wheel.fields.md5_digest).toEqual([hash('md5', dists[0])]);
    expect(wheel.fields.blake2_256_digest).toEqual([await blake2b256(dists[0])]);
    const release = (await (await fetch(`${server.url}pypi/demo-pkg/1.2.3rc1/json`)).json()) as {
      urls: { filename: string; digests: Record<string, string> }[];
    };
    expect(release.urls.find((u) => u.filename === basename(dists[0]))?.digests).toEqual({
      md5: hash('md5', dists[0]),
      sha256: sha256(dists[0]),
      blake2b_256: await blake2b256(dists[0]),
    });
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

  test('every digest sent is checked against the file, as Warehouse does; one is required; md5 + sha256 alone suffice', async () => {
    const [wheel] = makeDistributions(join(work, 'dist-digests'), 'Demo.Pkg', '1.2.5', 'wheel');
    const upload = (digests: Record<string, string>) => {
      const form = new FormData();
      const fields: Record<string, string> = {
        ':action': 'file_upload',
        protocol_version: '1',
        metadata_version: '2.1',
        name: 'Demo.Pkg',
        version: '1.2.5',
        filetype: 'bdist_wheel',
        pyversion: 'py3',
        ...digests,
      };
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('content', new Blob([readFileSync(wheel)]), basename(wheel));
      const auth = Buffer.from(`__token__:${TOKEN}`).toString('base64');
      return fetch(server.uploadUrl, {
        method: 'POST',
        body: form,
        headers: { authorization: `Basic ${auth}` },
      });
    };
    const md5 = hash('md5', wheel);
    const sha = sha256(wheel);
    const blake = await blake2b256(wheel);
    const mismatch = 'The digest supplied does not match a digest calculated from the uploaded file.';
    const wrongs: Record<string, string>[] = [
      { md5_digest: '0'.repeat(32), sha256_digest: sha },
      { md5_digest: md5, sha256_digest: 'f'.repeat(64) },
      { md5_digest: md5, sha256_digest: sha, blake2_256_digest: 'a'.repeat(64) },
      { blake2_256_digest: sha },
    ];
    for (const wrong of wrongs) {
      const res = await upload(wrong);
      expect([res.status, await res.text()]).toEqual([400, expect.stringContaining(mismatch)]);
    }
    const none = await upload({});
    expect([none.status, await none.text()]).toEqual([
      400,
      expect.stringContaining('Include at least one message digest.'),
    ]);
    expect(server.files('demo-pkg').some((f) => f.filename === basename(wheel))).toBe(false);
    // What our publisher sends (hex in any case, as Warehouse compares them).
    expect((await upload({ md5_digest: md5.toUpperCase(), sha256_digest: sha })).status).toBe(200);
    expect(server.files('demo-pkg').find((f) => f.filename === basename(wheel))?.blake2b256).toBe(blake);
    expect((await upload({ blake2_256_digest: blake })).status).toBe(200);
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
