/**
 * Files a user gives us (manifests, the config, notes): a FIFO, a folder, a device, a symlink
 * out of the workspace or a deeply nested document is one clear error, never a hang, a raw
 * EISDIR or a stack overflow. Real files, FIFOs (mkfifo) and symlinks in a temp folder.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { blameInput, readUserFile, resolveDirectoryInside } from '@deploy-actions/action-kit/paths';
import { ConfigError, InputError } from '@deploy-actions/action-kit/errors';
import { detectVersion, readManifestVersion } from '@deploy-actions/version';
import { parseConfig, readConfigFile } from '../../packages/release/src/config.js';
import { readPackageJson } from '@deploy-actions/targets/npm/client';

function tree(files: Record<string, string | 'FIFO' | 'DIR'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-files-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (content === 'FIFO') execFileSync('mkfifo', [full]);
    else if (content === 'DIR') mkdirSync(full);
    else writeFileSync(full, content);
  }
  return dir;
}

const blame = blameInput('thing', 'x');

describe('readUserFile', () => {
  test('reads a regular file', () => {
    const dir = tree({ a: 'hello' });
    expect(readUserFile(join(dir, 'a'), { blame })).toBe('hello');
  });
  test('a FIFO is refused at once (no writer needed), never waited on', () => {
    const dir = tree({ pipe: 'FIFO' });
    const started = Date.now();
    expect(() => readUserFile(join(dir, 'pipe'), { blame })).toThrow(
      /Invalid input 'thing': "x" is a FIFO \(named pipe\), not a regular file/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
  test('a folder, a device and a path under a file are refused with what they are', () => {
    const dir = tree({ d: 'DIR', f: 'text' });
    expect(() => readUserFile(join(dir, 'd'), { blame })).toThrow(/is a folder, not a regular file/);
    expect(() => readUserFile('/dev/null', { blame })).toThrow(/is a device, not a regular file/);
    expect(() => readUserFile(join(dir, 'f', 'g'), { blame })).toThrow(/is under a file, not a folder/);
    // Optional means "may be absent", not "may be under a file": that is still the input's mistake.
    expect(() => readUserFile(join(dir, 'f', 'g'), { blame, optional: true })).toThrow(/under a file/);
  });
  test('missing: an error, or undefined when optional', () => {
    const dir = tree({});
    expect(() => readUserFile(join(dir, 'no'), { blame })).toThrow(InputError);
    expect(readUserFile(join(dir, 'no'), { blame, optional: true })).toBeUndefined();
  });
  test('a symlink out of the root is refused; one inside is followed', () => {
    const dir = tree({ 'in/a': 'inside' });
    symlinkSync('/etc/hostname', join(dir, 'in', 'out'));
    symlinkSync(join(dir, 'in', 'a'), join(dir, 'in', 'ok'));
    const root = join(dir, 'in');
    expect(() => readUserFile(join(root, 'out'), { blame, root })).toThrow(/points outside the workspace/);
    expect(readUserFile(join(root, 'ok'), { blame, root })).toBe('inside');
  });
  test('a file over the limit is refused', () => {
    const dir = tree({ big: 'x'.repeat(2000) });
    expect(() => readUserFile(join(dir, 'big'), { blame, maxBytes: 1000 })).toThrow(/larger than the limit/);
  });
});

describe('manifests', () => {
  test.each(['VERSION', 'package.json', 'Cargo.toml', 'pyproject.toml'] as const)(
    'a FIFO named %s is a ConfigError naming it',
    async (source) => {
      const dir = tree({ [source]: 'FIFO' });
      await expect(readManifestVersion(dir, source)).rejects.toThrow(
        new RegExp(`${source.replace('.', '\\.')}: is a FIFO`),
      );
    },
  );
  test('VERSION as a folder is a ConfigError, not EISDIR', async () => {
    const dir = tree({ VERSION: 'DIR' });
    await expect(detectVersion({ cwd: dir, sources: ['VERSION'] })).rejects.toThrow(ConfigError);
    await expect(detectVersion({ cwd: dir, sources: ['VERSION'] })).rejects.toThrow(/VERSION: is a folder/);
  });
  test('version.workspace = true never reads a Cargo.toml outside the workspace', async () => {
    const outer = tree({
      'Cargo.toml': '[workspace]\nmembers = ["ws/crate"]\n[workspace.package]\nversion = "6.6.6"\n',
      'ws/crate/Cargo.toml': '[package]\nname = "c"\nversion.workspace = true\n',
    });
    const root = join(outer, 'ws');
    await expect(detectVersion({ cwd: join(root, 'crate'), root, sources: ['Cargo.toml'] })).rejects.toThrow(
      /inherits from a workspace that was not found in the checkout/,
    );
    // Inside the workspace it is found.
    writeFileSync(join(root, 'Cargo.toml'), '[workspace]\n[workspace.package]\nversion = "1.2.3"\n');
    const found = await detectVersion({ cwd: join(root, 'crate'), root, sources: ['Cargo.toml'] });
    expect(found.version).toBe('1.2.3');
  });
  test('a manifest symlinked out of the workspace is refused', async () => {
    const dir = tree({});
    symlinkSync('/etc/hostname', join(dir, 'VERSION'));
    await expect(detectVersion({ cwd: dir, sources: ['VERSION'] })).rejects.toThrow(
      /VERSION: points outside the workspace/,
    );
  });
  test('deeply nested TOML is a ConfigError, not a stack overflow', async () => {
    const deep = `[package]\nname = "a"\nversion = "1.2.3"\nx = ${'['.repeat(100000)}${']'.repeat(100000)}\n`;
    const dir = tree({ 'Cargo.toml': deep });
    await expect(readManifestVersion(dir, 'Cargo.toml')).rejects.toThrow(
      /Cargo\.toml:\d+: nests deeper than 100/,
    );
  });
  test('deeply nested package.json JSON still gives its version (JSON.parse does not recurse)', async () => {
    const deep = `{"version":"1.2.3","x":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    const dir = tree({ 'package.json': deep });
    expect((await readManifestVersion(dir, 'package.json'))?.version).toBe('1.2.3');
  });
  test("npm's package.json reader refuses a FIFO with the file's name", () => {
    const dir = tree({ 'package.json': 'FIFO' });
    expect(() => readPackageJson(join(dir, 'package.json'))).toThrow(/package\.json: is a FIFO/);
  });
});

describe('folders', () => {
  test('a working-directory that is a file is the input at fault', () => {
    const dir = tree({ 'file.txt': 'x' });
    expect(() => resolveDirectoryInside(dir, 'file.txt', 'working-directory')).toThrow(
      /Invalid input 'working-directory': "file.txt" is a file, not a folder/,
    );
    expect(resolveDirectoryInside(dir, '.', 'working-directory')).toBeTruthy();
  });
});

describe('the config file', () => {
  test('a FIFO is refused at once, naming the input', async () => {
    const dir = tree({ 'deploy.yml': 'FIFO' });
    await expect(readConfigFile(join(dir, 'deploy.yml'))).rejects.toThrow(
      /Invalid input 'config': .*is a FIFO \(named pipe\), not a regular file/,
    );
  });
  test('a folder is refused, naming the input', async () => {
    const dir = tree({ 'deploy.yml': 'DIR' });
    await expect(readConfigFile(join(dir, 'deploy.yml'), '--config')).rejects.toThrow(
      /Invalid input '--config': .*is a folder/,
    );
  });
  test.each([
    ['flow sequences', `targets: ${'['.repeat(100000)}${']'.repeat(100000)}\n`],
    ['flow mappings', `targets: ${'{a: '.repeat(100000)}1${'}'.repeat(100000)}\n`],
    ['block sequences', `targets:\n${'- '.repeat(100000)}x\n`],
    ['100 levels (under the library limit)', `targets: ${'['.repeat(100)}${']'.repeat(100)}\n`],
    [
      'block mappings',
      `targets:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
    ],
  ])('%s nested deep: a ConfigError naming the file', async (_, text) => {
    await expect(parseConfig(text, 'deploy.yml')).rejects.toThrow(
      /^deploy\.yml:\d+: nests deeper than 64 levels$/,
    );
  });
  test('nesting within the limit still reads', async () => {
    await expect(
      parseConfig(`targets:\n  - { name: a, type: npm, tier: 1 }\n`, 'deploy.yml'),
    ).resolves.toMatchObject({ targets: [{ name: 'a' }] });
  });
});
