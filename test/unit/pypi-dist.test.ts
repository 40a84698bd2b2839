/**
 * Reading distributions without Python: the ZIP and tar readers against archives written by
 * Python's own zipfile and tarfile, core metadata parsing, the upload form, the dist globs.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listZipEntries, readZipEntry } from '@deploy-actions/publishers/pypi-zip';
import { findTarFile, gunzipTar, walkTar } from '@deploy-actions/publishers/pypi-tar';
import { metadataFormFields, parseCoreMetadata } from '@deploy-actions/publishers/pypi-metadata';
import { parseWheelFilename, readDistribution } from '@deploy-actions/publishers/pypi-distribution';
import { projectFromFilename } from '@deploy-actions/publishers/pypi-files';
import { normalizeProjectName } from '@deploy-actions/registries/pypi';
import { expandGlobs } from '@deploy-actions/action-kit/glob';
import { buildMultipart } from '@deploy-actions/publishers/pypi-multipart';
import { makeDistributions } from '../fixtures/pypi/dists.js';

let dir: string;
const LONG = `${'deep/'.repeat(30)}file.txt`; // longer than tar's 100-byte name field

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pypi-dist-'));
  const script = `
import io, sys, tarfile, zipfile
out = sys.argv[1]
long = sys.argv[2]
with zipfile.ZipFile(out + "/mixed.zip", "w") as z:
    z.writestr("stored.txt", "stored " * 10, zipfile.ZIP_STORED)
    z.writestr("deflated.txt", "deflated " * 1000, zipfile.ZIP_DEFLATED)
    z.comment = b"an archive comment"
with zipfile.ZipFile(out + "/zip64.zip", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("forced.txt", "w", force_zip64=True) as f:
        f.write(b"zip64 " * 100)
for fmt, name in ((tarfile.PAX_FORMAT, "pax"), (tarfile.GNU_FORMAT, "gnu"), (tarfile.USTAR_FORMAT, "ustar")):
    with tarfile.open(out + "/" + name + ".tar.gz", "w:gz", format=fmt) as t:
        for path, data in (("top/a.txt", b"a"), (long, b"long name"), ("top/PKG-INFO", b"Name: x")):
            if fmt == tarfile.USTAR_FORMAT and path == long:
                path = "p" * 120 + "/short.txt"  # ustar splits this into prefix and name
            info = tarfile.TarInfo(path)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
`;
  execFileSync('python3', ['-c', script, dir, LONG]);
});

describe('ZIP reader', () => {
  test('reads stored and deflated entries, past an archive comment', () => {
    const buf = readFileSync(join(dir, 'mixed.zip'));
    const entries = listZipEntries(buf);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['stored.txt', 0],
      ['deflated.txt', 8],
    ]);
    expect(readZipEntry(buf, entries[0]).toString()).toBe('stored '.repeat(10));
    expect(readZipEntry(buf, entries[1]).toString()).toBe('deflated '.repeat(1000));
  });

  test('reads ZIP64 entries', () => {
    const buf = readFileSync(join(dir, 'zip64.zip'));
    const [entry] = listZipEntries(buf);
    expect(readZipEntry(buf, entry).toString()).toBe('zip64 '.repeat(100));
  });

  test('refuses what is not a ZIP, and entries over the size cap', () => {
    expect(() => listZipEntries(Buffer.from('not a zip at all, just some text'))).toThrow(
      /not a ZIP archive/,
    );
    const buf = readFileSync(join(dir, 'mixed.zip'));
    expect(() => readZipEntry(buf, listZipEntries(buf)[1], 100)).toThrow(/larger than 100 bytes/);
  });
});

describe('tar reader', () => {
  test.each(['pax', 'gnu'])('%s long names come through whole', (format) => {
    const tar = gunzipTar(readFileSync(join(dir, `${format}.tar.gz`)));
    const names: string[] = [];
    walkTar(tar, (e) => void names.push(e.name));
    expect(names).toEqual(['top/a.txt', LONG, 'top/PKG-INFO']);
    expect(findTarFile(tar, (n) => n === LONG)?.data.toString()).toBe('long name');
  });

  test('ustar prefix and name are joined', () => {
    const tar = gunzipTar(readFileSync(join(dir, 'ustar.tar.gz')));
    expect(findTarFile(tar, (n) => n.endsWith('short.txt'))?.name).toBe(`${'p'.repeat(120)}/short.txt`);
  });

  test('a damaged header is refused', () => {
    const tar = gunzipTar(readFileSync(join(dir, 'pax.tar.gz')));
    tar[10] ^= 0xff;
    expect(() => walkTar(tar, () => undefined)).toThrow(/damaged header/);
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
  test('a wheel and an sdist built by Python: type, Python tag, metadata, digests', () => {
    const [wheel, sdist] = makeDistributions(join(dir, 'dists'), 'Acme.Tool', '1.2.3rc1');
    const w = readDistribution(wheel);
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
        'import hashlib,sys; d=open(sys.argv[1],"rb").read(); print(hashlib.sha256(d).hexdigest(), hashlib.md5(d).hexdigest(), hashlib.blake2b(d, digest_size=32).hexdigest())',
        wheel,
      ],
      { encoding: 'utf8' },
    );
    expect(`${w.sha256} ${w.md5} ${w.blake2_256}`).toBe(digests.trim());
    const s = readDistribution(sdist);
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

  test('the project a distribution belongs to, from its file name, matches its metadata', () => {
    // Built by Python the way the test above builds them: the file name alone names the project.
    const [wheel, sdist] = makeDistributions(join(dir, 'named'), 'Acme.Tool', '2.0.0');
    expect(normalizeProjectName(projectFromFilename(wheel)!)).toBe(
      normalizeProjectName(readDistribution(wheel).name),
    );
    expect(normalizeProjectName(projectFromFilename(sdist)!)).toBe(
      normalizeProjectName(readDistribution(sdist).name),
    );
    expect(projectFromFilename('dist/Django-4.2-py3-none-any.whl')).toBe('Django');
    expect(projectFromFilename('zope.interface-6.0.tar.gz')).toBe('zope.interface');
    expect(projectFromFilename('old-style-name-1.0.zip')).toBe('old-style-name');
    expect(projectFromFilename('notes.txt')).toBeUndefined();
    expect(projectFromFilename('pkg.whl')).toBeUndefined();
  });

  test('files that are not distributions are refused by name', () => {
    writeFileSync(join(dir, 'fake.whl'), 'not a zip');
    expect(() => readDistribution(join(dir, 'fake.whl'))).toThrow(/^fake\.whl: cannot be read/);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(() => readDistribution(join(dir, 'notes.txt'))).toThrow(/is not a wheel/);
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
