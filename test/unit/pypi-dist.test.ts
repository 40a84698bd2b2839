/**
 * Reading distributions without Python: wheels and sdists written by Python's own zipfile and
 * tarfile, core metadata parsing, the upload form, the dist globs.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { metadataFormFields, parseCoreMetadata } from '@deploy-actions/targets/pypi/metadata';
import { parseWheelFilename, readDistribution } from '@deploy-actions/targets/pypi/distribution';
import { projectFromFilename } from '@deploy-actions/targets/pypi/files';
import { normalizeProjectName } from '@deploy-actions/targets/pypi/client';
import { expandGlobs } from '@deploy-actions/action-kit/glob';
import { buildMultipart } from '@deploy-actions/targets/pypi/multipart';
import { makeDistributions } from '../fixtures/pypi/dists.js';

let dir: string;
// A top-level folder longer than tar's 100-byte name field: each format stores it its own way.
const TOP = `long_${'x'.repeat(110)}-1.0`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pypi-dist-'));
  const script = `
import io, sys, tarfile, zipfile
out, top = sys.argv[1], sys.argv[2]
def meta(name):
    return ("Metadata-Version: 2.1\\nName: %s\\nVersion: 1.0\\n" % name).encode()
for fmt, name in ((tarfile.PAX_FORMAT, "pax"), (tarfile.GNU_FORMAT, "gnu"), (tarfile.USTAR_FORMAT, "ustar")):
    with tarfile.open("%s/%s-1.0.tar.gz" % (out, name), "w:gz", format=fmt) as t:
        for path, data in ((top + "/a.txt", b"a"), (top + "/src/x.egg-info/PKG-INFO", meta("egg")), (top + "/PKG-INFO", meta(name))):
            info = tarfile.TarInfo(path)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
for method, name in ((zipfile.ZIP_STORED, "stored"), (zipfile.ZIP_DEFLATED, "deflated")):
    with zipfile.ZipFile("%s/%s-1.0-py3-none-any.whl" % (out, name), "w", method) as z:
        z.writestr(name + "/__init__.py", "")
        z.writestr(name + "-1.0.dist-info/METADATA", meta(name))
        z.comment = b"an archive comment"
with zipfile.ZipFile(out + "/forced-1.0-py3-none-any.whl", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("forced-1.0.dist-info/METADATA", "w", force_zip64=True) as f:
        f.write(meta("forced"))
with zipfile.ZipFile(out + "/zipped-1.0.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("zipped-1.0/PKG-INFO", meta("zipped"))
with zipfile.ZipFile(out + "/huge-1.0-py3-none-any.whl", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("huge-1.0.dist-info/METADATA", meta("huge") + b"x" * (65 * 1024 * 1024))
`;
  execFileSync('python3', ['-c', script, dir, TOP]);
});

describe('archives written by Python (fflate reads ZIP, tar-stream reads tar)', () => {
  test.each(['pax', 'gnu', 'ustar'])(
    'an sdist in %s format: the top-level PKG-INFO under a long folder name',
    async (format) => {
      const sdist = await readDistribution(join(dir, `${format}-1.0.tar.gz`));
      expect([sdist.name, sdist.filetype, sdist.pyversion]).toEqual([format, 'sdist', 'source']);
    },
  );

  test.each(['stored', 'deflated', 'forced'])('a wheel, METADATA %s (forced: ZIP64)', async (name) => {
    const wheel = await readDistribution(join(dir, `${name}-1.0-py3-none-any.whl`));
    expect([wheel.name, wheel.version, wheel.pyversion]).toEqual([name, '1.0', 'py3']);
  });

  test('an sdist as a .zip', async () => {
    expect((await readDistribution(join(dir, 'zipped-1.0.zip'))).name).toBe('zipped');
  });

  test('a metadata entry over the size cap, a damaged tar header: refused by file name', async () => {
    await expect(readDistribution(join(dir, 'huge-1.0-py3-none-any.whl'))).rejects.toThrow(
      /^huge-1\.0-py3-none-any\.whl: cannot be read \(.*larger than 67108864 bytes\)/,
    );
    const damaged = join(dir, 'damaged-1.0.tar.gz');
    const tar = gunzipSync(readFileSync(join(dir, 'gnu-1.0.tar.gz')));
    tar[10] ^= 0xff;
    writeFileSync(damaged, gzipSync(tar));
    await expect(readDistribution(damaged)).rejects.toThrow(
      /^damaged-1\.0\.tar\.gz: cannot be read \(Invalid tar header/,
    );
  });
});

describe('core metadata', () => {
  const text = [
    'Metadata-Version: 2.1',
    'Name: Acme.Tool',
    'Version: 1.2.3rc1',
    'Summary: A tool',
    'Classifier: A :: B',
    'Classifier: C :: D',
    'Requires-Dist: requests>=2',
    'Project-URL: Source, https://example.org/src',
    'Keywords: one two',
    '  three',
    'Description-Content-Type: text/markdown',
    '',
    '# Title',
    '',
    'Body text.',
  ].join('\r\n');

  test('headers, repeated fields, folded lines and the body as description', () => {
    const meta = parseCoreMetadata(text);
    expect(meta.headers.get('name')).toEqual(['Acme.Tool']);
    expect(meta.headers.get('classifier')).toEqual(['A :: B', 'C :: D']);
    expect(meta.headers.get('keywords')).toEqual(['one two three']);
    expect(meta.description).toBe('# Title\n\nBody text.');
  });

  test('a folded Description header (metadata 1.x) keeps its lines without the fold marks', () => {
    const meta = parseCoreMetadata(
      'Metadata-Version: 1.1\nName: x\nVersion: 1\nDescription: first\n        |second\n        third\n',
    );
    expect(meta.description).toBe('first\nsecond\nthird');
  });

  test('upload form fields are named and repeated as twine sends them', () => {
    expect(metadataFormFields(parseCoreMetadata(text))).toEqual([
      ['metadata_version', '2.1'],
      ['name', 'Acme.Tool'],
      ['version', '1.2.3rc1'],
      ['summary', 'A tool'],
      ['classifiers', 'A :: B'],
      ['classifiers', 'C :: D'],
      ['requires_dist', 'requests>=2'],
      ['project_urls', 'Source, https://example.org/src'],
      ['keywords', 'one two three'],
      ['description_content_type', 'text/markdown'],
      ['description', '# Title\n\nBody text.'],
    ]);
  });
});

describe('distributions', () => {
  test('a wheel and an sdist built by Python: type, Python tag, metadata, digests', async () => {
    const [wheel, sdist] = makeDistributions(join(dir, 'dists'), 'Acme.Tool', '1.2.3rc1');
    const w = await readDistribution(wheel);
    expect([w.filename, w.filetype, w.pyversion, w.name, w.version, w.metadataVersion]).toEqual([
      'acme_tool-1.2.3rc1-py3-none-any.whl',
      'bdist_wheel',
      'py3',
      'Acme.Tool',
      '1.2.3rc1',
      '2.1',
    ]);
    const digests = execFileSync(
      'python3',
      [
        '-c',
        'import hashlib,sys; d=open(sys.argv[1],"rb").read(); print(hashlib.sha256(d).hexdigest(), hashlib.md5(d).hexdigest())',
        wheel,
      ],
      { encoding: 'utf8' },
    );
    expect(`${w.sha256} ${w.md5}`).toBe(digests.trim());
    // PyPI's upload API takes BLAKE2b-256 as optional: only md5 and sha256 are made and sent.
    expect(Object.keys(w).filter((k) => /blake/i.test(k))).toEqual([]);
    const s = await readDistribution(sdist);
    expect([s.filetype, s.pyversion, s.version]).toEqual(['sdist', 'source', '1.2.3rc1']);
  });

  test('wheel file names per PEP 427, with and without a build tag', () => {
    expect(parseWheelFilename('pkg-1.0-py3-none-any.whl')).toMatchObject({
      name: 'pkg',
      version: '1.0',
      python: 'py3',
    });
    expect(parseWheelFilename('pkg-1.0-2-cp311-cp311-manylinux_2_17_x86_64.whl')).toMatchObject({
      python: 'cp311',
      platform: 'manylinux_2_17_x86_64',
    });
    expect(parseWheelFilename('pkg-1.0.whl')).toBeUndefined();
  });

  test('the project a distribution belongs to, from its file name, matches its metadata', async () => {
    // Built by Python the way the test above builds them: the file name alone names the project.
    const [wheel, sdist] = makeDistributions(join(dir, 'named'), 'Acme.Tool', '2.0.0');
    expect(normalizeProjectName(projectFromFilename(wheel)!)).toBe(
      normalizeProjectName((await readDistribution(wheel)).name),
    );
    expect(normalizeProjectName(projectFromFilename(sdist)!)).toBe(
      normalizeProjectName((await readDistribution(sdist)).name),
    );
    expect(projectFromFilename('dist/Django-4.2-py3-none-any.whl')).toBe('Django');
    expect(projectFromFilename('zope.interface-6.0.tar.gz')).toBe('zope.interface');
    expect(projectFromFilename('old-style-name-1.0.zip')).toBe('old-style-name');
    expect(projectFromFilename('notes.txt')).toBeUndefined();
    expect(projectFromFilename('pkg.whl')).toBeUndefined();
  });

  test('files that are not distributions are refused by name', async () => {
    writeFileSync(join(dir, 'fake.whl'), 'not a zip');
    await expect(readDistribution(join(dir, 'fake.whl'))).rejects.toThrow(/^fake\.whl: cannot be read/);
    writeFileSync(join(dir, 'fake-1.0.tar.gz'), 'not a gzip');
    await expect(readDistribution(join(dir, 'fake-1.0.tar.gz'))).rejects.toThrow(
      /^fake-1\.0\.tar\.gz: cannot be read/,
    );
    writeFileSync(join(dir, 'notes.txt'), 'x');
    await expect(readDistribution(join(dir, 'notes.txt'))).rejects.toThrow(/is not a wheel/);
  });
});

describe('dist globs', () => {
  test('* ? [..] and ** match like Python glob; a wildcard skips dotfiles', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pypi-glob-'));
    mkdirSync(join(ws, 'dist'));
    mkdirSync(join(ws, 'py', 'sub', 'dist'), { recursive: true });
    for (const f of ['dist/a-1.whl', 'dist/a-1.tar.gz', 'dist/.gitignore', 'py/sub/dist/b-1.whl'])
      writeFileSync(join(ws, f), 'x');
    const rel = (files: string[]) => files.map((f) => f.slice(ws.length + 1));
    const dist = (patterns: string[]) => rel(expandGlobs(ws, patterns, { input: 'dist', allowEmpty: true }));
    expect(dist(['dist/*'])).toEqual(['dist/a-1.tar.gz', 'dist/a-1.whl']);
    expect(dist(['dist/*.whl', 'dist/a-?.whl'])).toEqual(['dist/a-1.whl']);
    expect(dist(['**/*.whl'])).toEqual(['dist/a-1.whl', 'py/sub/dist/b-1.whl']);
    expect(dist(['dist/a-1.[wt]*'])).toEqual(['dist/a-1.tar.gz', 'dist/a-1.whl']);
    // Nothing built yet: no files, for the publisher to say so in its own words.
    expect(dist(['build/*.whl'])).toEqual([]);
  });

  test('a path outside the workspace, also through a symlink, is refused', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pypi-glob-'));
    const outside = mkdtempSync(join(tmpdir(), 'pypi-outside-'));
    writeFileSync(join(outside, 'x.whl'), 'x');
    symlinkSync(outside, join(ws, 'dist'));
    expect(() => expandGlobs(ws, ['dist/*'], { input: 'dist' })).toThrow(/outside the workspace/);
    expect(() => expandGlobs(ws, ['../x.whl'], { input: 'dist' })).toThrow(/'dist'/);
  });
});

describe('multipart body', () => {
  test('fields and the file, as RFC 7578 lays them out', () => {
    const { body, contentType } = buildMultipart(
      [
        ['name', 'Acme "Tool"'],
        ['classifiers', 'ü'],
      ],
      { field: 'content', filename: 'a.whl', data: Buffer.from([0, 1, 2]) },
    );
    const boundary = /boundary=(.+)$/.exec(contentType)![1];
    const text = body.toString('latin1');
    expect(
      text.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nAcme "Tool"\r\n`),
    ).toBe(true);
    expect(body.includes(Buffer.from('ü'))).toBe(true);
    expect(text).toContain(
      'name="content"; filename="a.whl"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\x02\r\n',
    );
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });
});
