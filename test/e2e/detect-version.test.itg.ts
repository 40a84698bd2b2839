import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape } from '../harness/run-action.js';

/** A workspace with the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-detect-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const DEFAULTS = {
  sources: 'input, tag, package.json, Cargo.toml, pyproject.toml, VERSION',
  'tag-prefix': 'v',
  'require-match': 'true',
  'working-directory': '.',
};

const detect = (workspace: string, inputs: Record<string, string> = {}, ref?: string) =>
  runAction('detect-version', { workspace, inputs: { ...DEFAULTS, ...inputs }, ref });

describe('detect-version (bundle)', () => {
  test('a tag push: every output from refs/tags/v1.2.3-rc.1+build.5', async () => {
    const run = await detect(project({}), {}, 'refs/tags/v1.2.3-rc.1+build.5');
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      version: '1.2.3-rc.1+build.5',
      tag: 'v1.2.3-rc.1+build.5',
      major: '1',
      minor: '2',
      patch: '3',
      prerelease: 'rc.1',
      build: 'build.5',
      'is-prerelease': 'true',
      pep440: '1.2.3rc1+build.5',
      source: 'tag',
    });
    expect(run.summary).toContain('1.2.3-rc.1+build.5');
  });

  test('the version input wins, with its tag prefix stripped', async () => {
    const run = await detect(project({ VERSION: '2.0.0\n' }), { version: 'v2.0.0', 'require-match': 'true' });
    expect(run.outputs.version).toBe('2.0.0');
    expect(run.outputs.source).toBe('input');
    expect(run.outputs['is-prerelease']).toBe('false');
  });

  test.each([
    ['package.json', { 'package.json': '{"name":"x","version":"3.1.4"}' }],
    ['Cargo.toml', { 'Cargo.toml': '[package]\nname = "x"\nversion = "3.1.4"\n' }],
    ['pyproject.toml', { 'pyproject.toml': '[project]\nname = "x"\nversion = "3.1.4"\n' }],
    ['pyproject.toml', { 'pyproject.toml': '[tool.poetry]\nname = "x"\nversion = "3.1.4"\n' }],
    ['VERSION', { VERSION: '3.1.4\n' }],
  ])('reads %s', async (source, files) => {
    const run = await detect(project(files));
    expect(run.code).toBe(0);
    expect(run.outputs.version).toBe('3.1.4');
    expect(run.outputs.source).toBe(source);
  });

  test('reads a Cargo workspace member that inherits version.workspace = true', async () => {
    const dir = project({
      'Cargo.toml': '[workspace]\nmembers = ["crates/core"]\n[workspace.package]\nversion = "0.9.1"\n',
      'crates/core/Cargo.toml': '[package]\nname = "core"\nversion.workspace = true\n',
    });
    const run = await detect(dir, { 'working-directory': 'crates/core' });
    expect(run.outputs.version).toBe('0.9.1');
    expect(run.outputs.source).toBe('Cargo.toml');
  });

  test('a pyproject version in PEP 440 form agrees with the SemVer tag', async () => {
    const run = await detect(
      project({ 'pyproject.toml': '[project]\nname = "x"\nversion = "1.0.0rc2"\n' }),
      {},
      'refs/tags/v1.0.0-rc.2',
    );
    expect(run.code).toBe(0);
    expect(run.outputs.pep440).toBe('1.0.0rc2');
  });

  test('refuses a tag/manifest mismatch naming both values', async () => {
    const run = await detect(project({ 'package.json': '{"version":"1.1.17"}' }), {}, 'refs/tags/v1.1.19');
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const message = run.annotations[0].message;
    expect(message).toContain('tag=1.1.19');
    expect(message).toContain('package.json=1.1.17');
    expect(run.outputs.version).toBeUndefined();
  });

  test('require-match: false lets the first source win', async () => {
    const run = await detect(
      project({ 'package.json': '{"version":"1.1.17"}' }),
      { 'require-match': 'false' },
      'refs/tags/v1.1.19',
    );
    expect(run.code).toBe(0);
    expect(run.outputs.version).toBe('1.1.19');
  });

  test.each(['1.2', '01.2.3', 'latest', 'v1.2.3; rm -rf /', '1.2.3\n::set-output name=version::9.9.9'])(
    'refuses the version %j with one error',
    async (bad) => {
      const run = await detect(project({}), { version: bad });
      expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
      expect(run.annotations[0].message).toMatch(/Invalid input 'version'.*not a SemVer 2.0 version/);
      expect(run.outputs).toEqual({});
      // A hostile value is echoed escaped, never as a workflow command of its own.
      expect(run.stdout).not.toMatch(/^::set-output/m);
    },
  );

  test('refuses a bad version in a manifest, naming the file', async () => {
    const run = await detect(project({ 'package.json': '{"version":"1.2"}' }));
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(/package\.json.*"1\.2" is not a SemVer/);
  });

  test('says what to do when no source has a version', async () => {
    const run = await detect(project({}));
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toContain('push a tag like v1.2.3');
  });

  test('refuses unknown sources and a working-directory outside the workspace', async () => {
    const bad = await detect(project({}), { sources: 'input, setup.py' });
    expect(userErrorShape(bad)).toEqual({ code: 1, errors: 1, stack: false });
    expect(bad.annotations[0].message).toContain("'sources'");
    const outside = await detect(project({}), { 'working-directory': '../..' });
    expect(userErrorShape(outside)).toEqual({ code: 1, errors: 1, stack: false });
    expect(outside.annotations[0].message).toContain("'working-directory'");
  });
});
