/** The PyPI project name of a config target, found without building (status, plan, check). */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identify } from '@deploy-actions/targets/pypi/client';
import { targetsFromConfig } from '@deploy-actions/release';
import { parseConfig } from '@deploy-actions/release/config';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-pypi-id-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const project = (name: string) => `[project]\nname = "${name}"\nversion = "1.0.0"\n`;

describe('pypi identify', () => {
  test('the pyproject.toml beside the dist glob, before the root one', () => {
    const dir = workspace({
      'pyproject.toml': project('tools'),
      'python/pyproject.toml': project('acme-app'),
    });
    expect(identify({ dist: ['python/dist/*'] }, dir).name).toBe('acme-app');
    expect(identify({ dist: ['dist/*'] }, dir).name).toBe('tools');
  });

  test('poetry projects, nested globs, and the distributions themselves first', () => {
    const dir = workspace({
      'py/pkg/pyproject.toml': '[tool.poetry]\nname = "poetic"\n',
      'other/dist/real_name-1.0.0-py3-none-any.whl': 'wheel',
    });
    expect(identify({ dist: ['py/pkg/dist/**/*.whl'] }, dir).name).toBe('poetic');
    expect(identify({ dist: ['other/dist/*'] }, dir).name).toBe('real-name');
    expect(identify({ package: 'given', dist: ['other/dist/*'] }, dir).name).toBe('given');
  });

  test('a pyproject.toml that links out of the workspace is not read', () => {
    const outside = workspace({ 'pyproject.toml': project('secret') });
    const dir = workspace({});
    mkdirSync(join(dir, 'python'));
    symlinkSync(join(outside, 'pyproject.toml'), join(dir, 'python', 'pyproject.toml'));
    expect(() => identify({ dist: ['python/dist/*'] }, dir)).toThrow(/package/);
  });

  test('none found: a config error naming the file, the line and <target>.package', async () => {
    const dir = workspace({});
    const config = await parseConfig(
      "targets:\n  - { name: npm, type: npm, tier: 1 }\n  - { name: py, type: pypi, tier: 1, dist: 'python/dist/*' }\n",
      '.github/deploy-actions.yml',
    );
    await expect(targetsFromConfig(config.targets.slice(1), dir, {})).rejects.toThrow(
      /^\.github\/deploy-actions\.yml:3 \(py\.package\): is not set and could not be derived/,
    );
  });
});
