/** The config's build: section: what it accepts, and every mistake located by file, line and key. */
import { describe, expect, test } from '@jest/globals';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import {
  archiveName,
  archivePaths,
  buildMatrix,
  currentPlatform,
  selectPlatforms,
} from '@deploy-actions/release';
import { parseConfig } from '@deploy-actions/release/config';

const TARGETS = `targets:
  - { name: gh, type: github-release, tier: 1, assets: build }
`;

const FULL = `${TARGETS}build:
  command: make dist
  platforms: [linux/amd64, linux/arm64, darwin/arm64, windows/amd64]
  runs-on: { darwin: macos-14 }
  binary: acme
  archive: '{name}_{version}_{os}_{arch}'
  artifacts: ['python/dist/*', 'npm/*.tgz']
`;

async function configError(text: string): Promise<ConfigError> {
  try {
    await parseConfig(text, 'deploy.yml');
  } catch (caught) {
    expect(caught).toBeInstanceOf(ConfigError);
    return caught as ConfigError;
  }
  throw new Error('no error');
}

describe('build: in the config', () => {
  test('a full section', async () => {
    const config = await parseConfig(FULL, 'deploy.yml');
    const build = config.build!;
    expect(build.command).toBe('make dist');
    expect(build.platforms.map((p) => p.platform)).toEqual([
      'linux/amd64',
      'linux/arm64',
      'darwin/arm64',
      'windows/amd64',
    ]);
    expect(build.binary).toBe('acme');
    expect(build.artifacts).toEqual(['python/dist/*', 'npm/*.tgz']);
    expect(build.dist).toBe('dist');
    expect(archivePaths(build, '1.2.3')).toEqual([
      'dist/acme_1.2.3_linux_amd64.tar.gz',
      'dist/acme_1.2.3_linux_arm64.tar.gz',
      'dist/acme_1.2.3_darwin_arm64.tar.gz',
      'dist/acme_1.2.3_windows_amd64.zip',
    ]);
    expect(buildMatrix(build)).toEqual([
      { platform: 'linux/amd64', os: 'linux', arch: 'amd64', 'runs-on': 'ubuntu-latest' },
      { platform: 'linux/arm64', os: 'linux', arch: 'arm64', 'runs-on': 'ubuntu-latest' },
      { platform: 'darwin/arm64', os: 'darwin', arch: 'arm64', 'runs-on': 'macos-14' },
      { platform: 'windows/amd64', os: 'windows', arch: 'amd64', 'runs-on': 'windows-latest' },
    ]);
  });

  test('defaults: one build for the current platform; a list command runs without a shell', async () => {
    const config = await parseConfig(
      `${TARGETS}build:\n  command: [python3, build.py]\n  archive: app-{version}\n`,
      'd.yml',
    );
    expect(config.build!.command).toEqual(['python3', 'build.py']);
    expect(config.build!.platforms).toEqual([currentPlatform()]);
    expect(archiveName(config.build!, '2.0.0', currentPlatform())).toMatch(/^app-2\.0\.0\.(tar\.gz|zip)$/);
  });

  test('platforms picked by name; another one is refused with the configured ones listed', async () => {
    const build = (await parseConfig(FULL, 'deploy.yml')).build!;
    expect(selectPlatforms(build, ['darwin/arm64']).map((p) => p.platform)).toEqual(['darwin/arm64']);
    expect(selectPlatforms(build, ['all'])).toHaveLength(4);
    let error: { message: string; hint?: string } | undefined;
    try {
      selectPlatforms(build, ['darwin/amd64'], '--platform');
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.message).toBe(
      `Invalid input '--platform': "darwin/amd64" is not a platform of build.platforms`,
    );
    expect(error?.hint).toBe('Use all or one of: linux/amd64, linux/arm64, darwin/arm64, windows/amd64.');
  });

  test.each([
    [
      'an unknown key',
      `${TARGETS}build:\n  command: make\n  comand: make\n`,
      5,
      'build.comand',
      /not a known key/,
    ],
    ['no command', `${TARGETS}build:\n  binary: acme\n`, 4, 'build.command', /is missing/],
    [
      'an empty command list',
      `${TARGETS}build:\n  command: []\n  archive: x\n`,
      4,
      'build.command',
      /empty list/,
    ],
    [
      'a bad platform',
      `${TARGETS}build:\n  command: make\n  binary: a\n  platforms:\n    - linux/amd64\n    - plan9/amd64\n`,
      8,
      'build.platforms[1]',
      /"plan9\/amd64" is not a platform/,
    ],
    [
      'a platform twice',
      `${TARGETS}build:\n  command: make\n  binary: a\n  platforms: [linux/amd64, linux/amd64]\n`,
      6,
      'build.platforms[1]',
      /listed twice/,
    ],
    [
      'an unknown placeholder',
      `${TARGETS}build:\n  command: make\n  binary: a\n  archive: '{name}-{ver}'\n`,
      6,
      'build.archive',
      /\{ver\} is not a placeholder/,
    ],
    [
      '{name} without binary',
      `${TARGETS}build:\n  command: make\n`,
      4,
      'build.archive',
      /build.binary is not set/,
    ],
    [
      'several platforms, one archive name',
      `${TARGETS}build:\n  command: make\n  binary: a\n  archive: a-{version}\n  platforms: [linux/amd64, linux/arm64]\n`,
      6,
      'build.archive',
      /\{os\} and \{arch\}/,
    ],
    [
      'a folder in the archive name',
      `${TARGETS}build:\n  command: make\n  archive: 'out/a-{version}'\n`,
      5,
      'build.archive',
      /not a file name/,
    ],
    [
      'a binary with a folder',
      `${TARGETS}build:\n  command: make\n  binary: bin/acme\n`,
      5,
      'build.binary',
      /not a file name/,
    ],
    [
      'runs-on for an unknown OS',
      `${TARGETS}build:\n  command: make\n  binary: a\n  runs-on: { plan9: x }\n`,
      6,
      'build.runs-on.plan9',
      /not a known key/,
    ],
    [
      'artifacts outside the workspace',
      `${TARGETS}build:\n  command: make\n  binary: a\n  artifacts: ['../secrets/*']\n`,
      6,
      'build.artifacts',
      /not a pattern inside the workspace/,
    ],
    [
      'dist outside the workspace',
      `${TARGETS}build:\n  command: make\n  binary: a\n  dist: /tmp\n`,
      6,
      'build.dist',
      /inside the workspace/,
    ],
    [
      'assets: build without a build section',
      `targets:\n  - name: gh\n    type: github-release\n    tier: 1\n    assets: build\n`,
      5,
      'gh.assets',
      /no build: section/,
    ],
    [
      'assets: build with other files',
      `targets:\n  - name: gh\n    type: github-release\n    tier: 1\n    assets: [build, README.md]\nbuild:\n  command: make\n  binary: a\n`,
      5,
      'gh.assets',
      /stands alone/,
    ],
  ])('%s: an error naming the file, the line and the key', async (_, text, line, key, message) => {
    const error = await configError(text);
    expect({ file: error.file, line: error.line, key: error.key }).toEqual({ file: 'deploy.yml', line, key });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`deploy.yml:${line} (${key}): `)).toBe(true);
  });
});
