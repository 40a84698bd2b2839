/**
 * The hub's builder: the config's `build.command` once per platform (concurrently, bounded by
 * the CPU cores), each into its own DEPLOY_OUT folder, then one reproducible archive per
 * platform and a SHA256SUMS next to them in `build.dist`. A failed build names its platform
 * and shows the command's last output lines, and nothing after it starts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import {
  ConfigError,
  InputError,
  UserError,
  describeValue,
  errorMessage,
} from '@deploy-actions/action-kit/errors';
import { exec } from '@deploy-actions/action-kit/exec';
import { expandGlobs } from '@deploy-actions/action-kit/glob';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { resolveInside } from '@deploy-actions/action-kit/paths';
import { collectEntries, tarGz, zip } from './build-archive.js';
import { parsePlatform } from './build-config.js';
import type { BuildConfig, BuildPlatform, ReleaseConfig } from './config-types.js';

export const SUMS_FILE = 'SHA256SUMS';
/** How many output lines of a failed build the error shows. */
const TAIL_LINES = 20;

/** A build that failed: the user's to fix (their command), reported without a stack. */
export class BuildError extends UserError {
  readonly title: string;
  constructor(
    readonly platform: string,
    message: string,
    readonly tail: string[] = [],
  ) {
    super(
      `build for ${platform} failed: ${message}${tail.length ? `\nlast output lines:\n${tail.join('\n')}` : ''}`,
      'Fix the build (run it locally with `deploy-actions build`); nothing was published.',
    );
    this.title = `Build for ${platform} failed`;
  }
}

export interface BuiltArchive {
  platform: string;
  os: string;
  arch: string;
  /** The archive's file name and its path relative to the workspace. */
  name: string;
  path: string;
  sha256: string;
  durationMs: number;
}

export interface BuildReport {
  archives: BuiltArchive[];
  /** SHA256SUMS, relative to the workspace. */
  sums: string;
  /** The files `build.artifacts` matched after the build, relative to the workspace. */
  artifacts: string[];
  durationMs: number;
}

export interface BuildOptions {
  build: BuildConfig;
  version: string;
  /** Some of the config's platforms (`os/arch`); default all. */
  only?: string[];
  workspace: string;
  tempDir: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
  /** How many builds run at once; default the CPU cores. */
  concurrency?: number;
  /** The input or flag `only` comes from, for errors. */
  input?: string;
}

/** The archive's file name for a platform: the template's placeholders filled, .zip on windows. */
export function archiveName(build: BuildConfig, version: string, platform: BuildPlatform): string {
  const values: Record<string, string> = {
    name: build.binary ?? '',
    binary: build.binary ?? '',
    version,
    os: platform.os,
    arch: platform.arch,
  };
  const base = build.archive.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return `${base}${platform.os === 'windows' ? '.zip' : '.tar.gz'}`;
}

/** The config's build: section, for the build step or command; a ConfigError with `hint` when it has none. */
export function requireBuild(config: Pick<ReleaseConfig, 'file' | 'build'>, hint: string): BuildConfig {
  if (!config.build) throw new ConfigError(config.file, undefined, 'build', 'has no build: section', hint);
  return config.build;
}

/** Where every platform's archive is (or will be), relative to the workspace. */
export function archivePaths(build: BuildConfig, version: string): string[] {
  return build.platforms.map((p) => `${build.dist}/${archiveName(build, version, p)}`);
}

/** The platforms to build: `only` checked against the config's, else all of them. */
export function selectPlatforms(
  build: BuildConfig,
  only: string[] = [],
  input = 'platform',
): BuildPlatform[] {
  if (!only.length || only.includes('all')) return build.platforms;
  return only.map((name) => {
    const platform = parsePlatform(name);
    const known = platform && build.platforms.find((p) => p.platform === platform.platform);
    if (!known)
      throw InputError.bad(
        input,
        name,
        'is not a platform of build.platforms',
        `Use all or one of: ${build.platforms.map((p) => p.platform).join(', ')}.`,
      );
    return known;
  });
}

/**
 * The archives' timestamp: SOURCE_DATE_EPOCH (reproducible-builds.org), else the commit's time,
 * else 1980-01-01 (the earliest a ZIP can store), so a rebuild of the same files is byte-identical.
 */
export async function sourceDateEpoch(workspace: string, env: NodeJS.ProcessEnv): Promise<number> {
  const given = env.SOURCE_DATE_EPOCH?.trim();
  if (given) {
    if (!/^\d{1,12}$/.test(given))
      throw InputError.bad('SOURCE_DATE_EPOCH', given, 'is not a number of seconds since 1970');
    return Math.max(Number(given), 315532800);
  }
  try {
    const git = await exec('git', ['log', '-1', '--format=%ct'], { cwd: workspace, timeoutMs: 30_000 });
    const seconds = Number(git.stdout.trim());
    if (git.code === 0 && Number.isInteger(seconds) && seconds > 0) return Math.max(seconds, 315532800);
  } catch {
    // no git here
  }
  return 315532800;
}

function commandArgv(command: string | string[]): [string, string[]] {
  // A string is what a user wrote for a shell (pipes, &&, globs), as goreleaser's hooks and
  // GitHub's `run:` treat it; a list runs as it is, with no shell in between.
  if (typeof command === 'string') return ['bash', ['-c', command]];
  return [command[0], command.slice(1)];
}

async function buildOne(
  options: BuildOptions,
  platform: BuildPlatform,
  outRoot: string,
  distDir: string,
  epoch: number,
): Promise<BuiltArchive> {
  const started = Date.now();
  const { build, reporter } = options;
  const out = join(outRoot, `${platform.os}_${platform.arch}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tail: string[] = [];
  const [program, args] = commandArgv(build.command);
  let result;
  try {
    result = await exec(program, args, {
      cwd: options.workspace,
      env: {
        ...options.env,
        DEPLOY_VERSION: options.version,
        DEPLOY_OS: platform.os,
        DEPLOY_ARCH: platform.arch,
        DEPLOY_PLATFORM: platform.platform,
        DEPLOY_OUT: out,
        SOURCE_DATE_EPOCH: String(epoch),
      },
      replaceEnv: true,
      onLine: (line) => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        reporter.info(`[${platform.platform}] ${line}`);
      },
    });
  } catch (caught) {
    throw new BuildError(
      platform.platform,
      `could not start ${describeValue(program)}: ${errorMessage(caught)}`,
      [],
    );
  }
  if (result.code !== 0 || result.timedOut)
    throw new BuildError(
      platform.platform,
      `the command exited with ${result.signal ?? `code ${result.code}`}`,
      tail,
    );
  if (build.binary) {
    const file = platform.os === 'windows' ? `${build.binary}.exe` : build.binary;
    const path = join(out, file);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new BuildError(platform.platform, `the command did not write ${file} into DEPLOY_OUT`, tail);
    if (platform.os !== 'windows' && (statSync(path).mode & 0o111) === 0)
      throw new BuildError(platform.platform, `${file} in DEPLOY_OUT is not executable (chmod +x it)`, tail);
  }
  const entries = collectEntries(out);
  if (!entries.length)
    throw new BuildError(platform.platform, 'the command wrote nothing into DEPLOY_OUT', tail);
  const name = archiveName(build, options.version, platform);
  const bytes = platform.os === 'windows' ? await zip(entries, epoch) : await tarGz(entries, epoch);
  const archivePath = join(distDir, name);
  writeFileSync(archivePath, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  reporter.info(`[${platform.platform}] ${name} (${bytes.length} bytes, sha256 ${sha256})`);
  return {
    platform: platform.platform,
    os: platform.os,
    arch: platform.arch,
    name,
    path: relative(options.workspace, archivePath).split('\\').join('/'),
    sha256,
    durationMs: Date.now() - started,
  };
}

/** Run every selected platform's build; reject with the first failure (a BuildError). */
export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  const { build } = options;
  const platforms = selectPlatforms(build, options.only, options.input);
  const distDir = resolveInside(options.workspace, build.dist, 'build.dist', false);
  mkdirSync(distDir, { recursive: true });
  const outRoot = join(options.tempDir, 'build-out');
  const epoch = await sourceDateEpoch(options.workspace, options.env);
  const limit = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), platforms.length));

  // A small pool: `limit` workers take the next platform until none is left or one failed.
  const results: BuiltArchive[] = [];
  const failures: BuildError[] = [];
  let next = 0;
  const worker = async () => {
    while (next < platforms.length && !failures.length) {
      const platform = platforms[next++];
      try {
        results.push(await buildOne(options, platform, outRoot, distDir, epoch));
      } catch (caught) {
        failures.push(
          caught instanceof BuildError ? caught : new BuildError(platform.platform, errorMessage(caught)),
        );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: limit }, worker));
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
  if (failures.length) throw failures[0];

  results.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sumsPath = join(distDir, SUMS_FILE);
  writeFileSync(sumsPath, results.map((r) => `${r.sha256}  ${r.name}\n`).join(''));
  const artifacts = build.artifacts.length
    ? expandGlobs(options.workspace, build.artifacts, { input: 'build.artifacts' }).map((p) =>
        relative(options.workspace, p).split('\\').join('/'),
      )
    : [];
  return {
    archives: results,
    sums: relative(options.workspace, sumsPath).split('\\').join('/'),
    artifacts,
    durationMs: Date.now() - started,
  };
}
