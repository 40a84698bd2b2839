/**
 * The config's build: through the bundles: the orchestrator builds before tier 1 (a failing
 * platform fails the release before anything is published), `deploy-actions build`, the build
 * action's staged folder, and build-matrix's build matrix. Witnesses: the GitHub test server's
 * releases, and the archives as tar, unzip and sha256sum see them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction } from '../harness/run-action.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_build_test_token_41c9';
let gh: GitHubServer;
beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
});
afterAll(async () => {
  await gh?.stop();
});

const BUILD_SH = `set -e
echo "building $DEPLOY_PLATFORM $DEPLOY_VERSION"
if [ "$DEPLOY_PLATFORM" = "$FAIL_PLATFORM" ]; then
  for i in 1 2 3; do echo "compiling part $i"; done
  echo "error: undefined reference to main_$DEPLOY_ARCH" >&2
  exit 3
fi
bin=hello; [ "$DEPLOY_OS" = windows ] && bin=hello.exe
printf '#!/bin/sh\\necho hello %s %s\\n' "$DEPLOY_VERSION" "$DEPLOY_PLATFORM" > "$DEPLOY_OUT/$bin"
chmod +x "$DEPLOY_OUT/$bin"
cp README.md "$DEPLOY_OUT/README.md"
mkdir -p extra && echo "$DEPLOY_VERSION" > "extra/notes-$DEPLOY_OS-$DEPLOY_ARCH.txt"
`;

/** A project (a git repository with one commit at a fixed time) whose config builds three platforms. */
function project(repo: string, version = '1.2.0'): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-build-'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hello', private: true, version }));
  writeFileSync(join(dir, 'README.md'), '# hello\n');
  writeFileSync(join(dir, 'build.sh'), BUILD_SH);
  writeFileSync(
    join(dir, '.github', 'deploy-actions.yml'),
    `targets:
  - { name: gh, type: github-release, tier: 1, repository: ${repo}, registry: '${gh.url}', assets: build }
build:
  command: bash build.sh
  platforms: [linux/amd64, linux/arm64, windows/amd64]
  binary: hello
  archive: '{name}_{version}_{os}_{arch}'
  artifacts: ['extra/*.txt']
`,
  );
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.org',
        GIT_AUTHOR_DATE: '2024-03-05T06:07:08Z',
        GIT_COMMITTER_DATE: '2024-03-05T06:07:08Z',
      },
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'init');
  return dir;
}

function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'deploy-actions.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const NAMES = [
  'hello_1.2.0_linux_amd64.tar.gz',
  'hello_1.2.0_linux_arm64.tar.gz',
  'hello_1.2.0_windows_amd64.zip',
];

describe('build: in the orchestrator', () => {
  test('builds every platform before tier 1 and attaches the archives and SHA256SUMS (assets: build)', async () => {
    const dir = project('acme/hello');
    const run = await runAction('release', {
      workspace: dir,
      env: { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/hello' },
      inputs: { version: '1.2.0' },
    });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs.status).toBe('success');
    const [release] = gh.state.releases('acme/hello');
    expect(release.assets.map((a) => a.name).sort()).toEqual([...NAMES, 'SHA256SUMS'].sort());
    // The released SHA256SUMS is the build's, and it verifies the archives in dist/.
    const sums = gh.state.assetBytes('acme/hello', 'v1.2.0', 'SHA256SUMS')!.toString();
    expect(sums).toBe(readFileSync(join(dir, 'dist', 'SHA256SUMS'), 'utf8'));
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'dist'), encoding: 'utf8' }),
    ).toBe(
      NAMES.sort()
        .map((n) => `${n}: OK\n`)
        .join(''),
    );
    for (const name of NAMES)
      expect(
        createHash('sha256')
          .update(gh.state.assetBytes('acme/hello', 'v1.2.0', name)!)
          .digest('hex'),
      ).toBe(sha256(join(dir, 'dist', name)));
    expect(run.summary).toContain('hello_1.2.0_windows_amd64.zip');

    // A rerun: everything is published, nothing is built or sent again.
    const rerun = await runAction('release', {
      workspace: dir,
      env: { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/hello' },
      inputs: { version: '1.2.0' },
    });
    expect(rerun.outputs.status).toBe('success');
    expect(JSON.parse(rerun.outputs.results).gh.status).toBe('skipped');
    expect(rerun.stdout).not.toContain('building linux/amd64');
  }, 120_000);

  test('a failing platform fails the release before anything is published, naming it with its last lines', async () => {
    const dir = project('acme/broken');
    const run = await runAction('release', {
      workspace: dir,
      env: { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/broken', FAIL_PLATFORM: 'linux/arm64' },
      inputs: { version: '1.2.0' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failure');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('build for linux/arm64 failed: the command exited with code 3');
    expect(errors[0].message).toContain('compiling part 3');
    expect(errors[0].message).toContain('error: undefined reference to main_arm64');
    expect(JSON.parse(run.outputs.results).gh).toMatchObject({ status: 'cancelled' });
    expect(gh.state.releases('acme/broken')).toEqual([]);
  }, 120_000);
});

describe('deploy-actions build', () => {
  test('reproducible archives: two builds, the same bytes; tar and unzip keep the executable bit, no owner names', () => {
    const dir = project('acme/cli');
    const first = cli(dir, ['build', '--json', '--version', '1.2.0']);
    expect(first.stderr).toContain('[linux/arm64] building linux/arm64 1.2.0');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      archives: { name: string; sha256: string; path: string }[];
      sums: string;
      artifacts: string[];
    };
    expect(report.archives.map((a) => a.name)).toEqual(NAMES);
    expect(report.sums).toBe('dist/SHA256SUMS');
    expect(report.artifacts).toEqual([
      'extra/notes-linux-amd64.txt',
      'extra/notes-linux-arm64.txt',
      'extra/notes-windows-amd64.txt',
    ]);
    const bytes = NAMES.map((n) => sha256(join(dir, 'dist', n)));
    expect(report.archives.map((a) => a.sha256)).toEqual(bytes);

    const second = cli(dir, ['build', '--version', '1.2.0']);
    expect(second.code).toBe(0);
    expect(NAMES.map((n) => sha256(join(dir, 'dist', n)))).toEqual(bytes);
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'dist'), encoding: 'utf8' }),
    ).toContain('hello_1.2.0_windows_amd64.zip: OK');

    // tar: sorted, the commit's time, 0/0 with no names, 0755 for the binary.
    const listing = execFileSync(
      'tar',
      ['--numeric-owner', '--full-time', '-tvzf', join(dir, 'dist', 'hello_1.2.0_linux_amd64.tar.gz')],
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
    );
    const lines = listing.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^-rw-r--r-- 0\/0 +8 2024-03-05 06:07:08 README\.md$/);
    expect(lines[1]).toMatch(/^-rwxr-xr-x 0\/0 +\d+ 2024-03-05 06:07:08 hello$/);
    expect(
      execFileSync('tar', ['-tvzf', join(dir, 'dist', 'hello_1.2.0_linux_amd64.tar.gz')], {
        encoding: 'utf8',
      }),
    ).not.toMatch(/root|\bt\b/);
    const out = mkdtempSync(join(tmpdir(), 'da-build-x-'));
    execFileSync('tar', ['-xzf', join(dir, 'dist', 'hello_1.2.0_linux_arm64.tar.gz'), '-C', out]);
    expect(execFileSync(join(out, 'hello'), { encoding: 'utf8' })).toBe('hello 1.2.0 linux/arm64\n');

    // zip: the .exe keeps its mode for unzip, entries sorted.
    const zipinfo = execFileSync('unzip', ['-Z', join(dir, 'dist', 'hello_1.2.0_windows_amd64.zip')], {
      encoding: 'utf8',
    });
    expect(zipinfo).toMatch(/^-rw-r--r-- .* README\.md$/m);
    expect(zipinfo).toMatch(/^-rwxr-xr-x .* hello\.exe$/m);
    const unzipped = mkdtempSync(join(tmpdir(), 'da-build-z-'));
    execFileSync('unzip', ['-q', join(dir, 'dist', 'hello_1.2.0_windows_amd64.zip'), '-d', unzipped]);
    expect(readdirSync(unzipped).sort()).toEqual(['README.md', 'hello.exe']);
    expect(execFileSync(join(unzipped, 'hello.exe'), { encoding: 'utf8' })).toBe(
      'hello 1.2.0 windows/amd64\n',
    );

    // SOURCE_DATE_EPOCH wins over the commit time.
    expect(
      cli(dir, ['build', '--version', '1.2.0', '--platform', 'linux/amd64'], {
        SOURCE_DATE_EPOCH: '1700000000',
      }).code,
    ).toBe(0);
    expect(
      execFileSync('tar', ['--full-time', '-tvzf', join(dir, 'dist', 'hello_1.2.0_linux_amd64.tar.gz')], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      }),
    ).toContain('2023-11-14 22:13:20 hello');
  }, 120_000);

  test('a failing build: exit 1, the platform and the last lines; an unknown --platform is refused', () => {
    const dir = project('acme/cli2');
    const failed = cli(dir, ['build', '--version', '1.2.0'], { FAIL_PLATFORM: 'windows/amd64' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('error: build for windows/amd64 failed: the command exited with code 3');
    expect(failed.stderr).toContain('error: undefined reference to main_amd64');
    const bad = cli(dir, ['build', '--platform', 'darwin/arm64']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `error: Invalid input '--platform': "darwin/arm64" is not a platform of build.platforms`,
    );
    const none = mkdtempSync(join(tmpdir(), 'da-build-none-'));
    mkdirSync(join(none, '.github'));
    writeFileSync(
      join(none, '.github', 'deploy-actions.yml'),
      `targets:\n  - { name: gh, type: github-release, tier: 1, assets: a }\n`,
    );
    writeFileSync(join(none, 'VERSION'), '1.0.0\n');
    const missing = cli(none, ['build', '--version', '1.0.0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('(build): has no build: section');
  }, 120_000);
});

describe('the build action and build-matrix', () => {
  test('build@v1 for one platform stages its archive and artifacts at workspace paths, without SHA256SUMS', async () => {
    const dir = project('acme/fan');
    const run = await runAction('build', {
      workspace: dir,
      inputs: { platform: 'linux/arm64', version: '1.2.0' },
    });
    expect(run.annotations).toEqual([]);
    expect(run.code).toBe(0);
    const stage = run.outputs.path;
    expect(run.outputs.files.split('\n')).toEqual([
      'dist/hello_1.2.0_linux_arm64.tar.gz',
      'extra/notes-linux-arm64.txt',
    ]);
    for (const file of run.outputs.files.split('\n')) expect(existsSync(join(stage, file))).toBe(true);
    expect(existsSync(join(stage, 'dist', 'SHA256SUMS'))).toBe(false);
    expect(run.outputs.sums).toBe('');
    expect(JSON.parse(run.outputs.archives)).toEqual([
      expect.objectContaining({ platform: 'linux/arm64', name: 'hello_1.2.0_linux_arm64.tar.gz' }),
    ]);
    const all = await runAction('build', { workspace: dir, inputs: { version: '1.2.0' } });
    expect(all.outputs.sums).toBe('dist/SHA256SUMS');
    expect(existsSync(join(all.outputs.path, 'dist', 'SHA256SUMS'))).toBe(true);
  }, 120_000);

  test('build-matrix: the build matrix and has-build next to the unchanged outputs', async () => {
    const dir = project('acme/plan');
    const run = await runAction('build-matrix', {
      workspace: dir,
      inputs: { version: '1.2.0', check: 'false' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.build)).toEqual({
      include: [
        { platform: 'linux/amd64', os: 'linux', arch: 'amd64', 'runs-on': 'ubuntu-latest' },
        { platform: 'linux/arm64', os: 'linux', arch: 'arm64', 'runs-on': 'ubuntu-latest' },
        { platform: 'windows/amd64', os: 'windows', arch: 'amd64', 'runs-on': 'windows-latest' },
      ],
    });
    expect(run.outputs['has-build']).toBe('true');
    expect(JSON.parse(run.outputs.matrix).include).toEqual([
      expect.objectContaining({ target: 'gh', type: 'github-release', tier: 1, skip: false }),
    ]);
    expect(run.outputs['has-work']).toBe('true');

    // Without a build: section, an empty matrix and has-build false.
    writeFileSync(
      join(dir, '.github', 'deploy-actions.yml'),
      `targets:\n  - { name: gh, type: github-release, tier: 1, repository: acme/plan, assets: a }\n`,
    );
    const plain = await runAction('build-matrix', {
      workspace: dir,
      inputs: { version: '1.2.0', check: 'false' },
    });
    expect(JSON.parse(plain.outputs.build)).toEqual({ include: [] });
    expect(plain.outputs['has-build']).toBe('false');
  }, 60_000);
});
