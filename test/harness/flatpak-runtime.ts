/**
 * A tiny Flatpak runtime so `flatpak-builder` really builds (inside bubblewrap) with no network:
 * static busybox as /usr/bin with its applets, a no-op `ldconfig` (flatpak runs it to make the
 * ld cache) and `appstream-compose` (flatpak-builder runs it for apps with metainfo), exported with `flatpak build-export --runtime` into a local OSTree repo and
 * installed from that `file://` remote into a private FLATPAK_USER_DIR, never the real home.
 *
 * Building it takes about a second; it is cached in the OS temp folder under a name derived
 * from the recipe, the busybox binary and the flatpak version, so every test file of a run (and
 * the next run) reuses it. Concurrent Jest workers build into their own folders and the first
 * rename wins. The installation is only read by flatpak-builder, so tests may share it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUNTIME_ID = 'org.deployactions.Platform';
export const RUNTIME_BRANCH = '1';
const BUSYBOX = '/bin/busybox';
/** Bump when the recipe below changes, so an old cache is not reused. */
const RECIPE_VERSION = 2;

export interface TinyRuntime {
  /** The FLATPAK_USER_DIR holding the installed runtime (also usable as the SDK). */
  userDir: string;
  id: string;
  branch: string;
  arch: string;
}

let cached: TinyRuntime | undefined;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function cacheKey(): string {
  const busybox = statSync(BUSYBOX);
  const flatpak = run('flatpak', ['--version'], process.env).trim();
  return createHash('sha256')
    .update(`${RECIPE_VERSION}\n${busybox.size}\n${busybox.mtimeMs}\n${flatpak}`)
    .digest('hex')
    .slice(0, 16);
}

/** The runtime's files: busybox and a symlink per applet, plus the ldconfig stand-in. */
function writeRuntimeTree(dir: string, arch: string): void {
  const bin = join(dir, 'usr', 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(dir, 'usr', 'lib'), { recursive: true });
  mkdirSync(join(dir, 'files'));
  writeFileSync(
    join(dir, 'metadata'),
    `[Runtime]\nname=${RUNTIME_ID}\nruntime=${RUNTIME_ID}/${arch}/${RUNTIME_BRANCH}\nsdk=${RUNTIME_ID}/${arch}/${RUNTIME_BRANCH}\n`,
  );
  copyFileSync(BUSYBOX, join(bin, 'busybox'));
  chmodSync(join(bin, 'busybox'), 0o755);
  const applets = run(BUSYBOX, ['--list'], process.env).split('\n').filter(Boolean);
  for (const applet of applets)
    if (applet !== 'busybox' && applet !== 'ldconfig') symlinkSync('busybox', join(bin, applet));
  writeFileSync(join(bin, 'ldconfig'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  // flatpak-builder 1.2 runs the SDK's appstream-compose when an app ships metainfo.
  writeFileSync(join(bin, 'appstream-compose'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}

function build(target: string): void {
  const work = mkdtempSync(`${target}.build-`);
  try {
    const env = { ...process.env, FLATPAK_USER_DIR: join(work, 'user'), XDG_RUNTIME_DIR: join(work, 'run') };
    mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true });
    const arch = run('flatpak', ['--default-arch'], env).trim();
    const tree = join(work, 'tree');
    const repo = join(work, 'repo');
    writeRuntimeTree(tree, arch);
    run('ostree', ['init', `--repo=${repo}`, '--mode=archive-z2'], env);
    run(
      'flatpak',
      ['build-export', '--runtime', '--disable-sandbox', '--no-update-summary', repo, tree, RUNTIME_BRANCH],
      env,
    );
    run('flatpak', ['build-update-repo', repo], env);
    run('flatpak', ['--user', 'remote-add', '--no-gpg-verify', 'tiny', `file://${repo}`], env);
    run(
      'flatpak',
      ['--user', 'install', '-y', '--noninteractive', 'tiny', `${RUNTIME_ID}//${RUNTIME_BRANCH}`],
      env,
    );
    rmSync(tree, { recursive: true, force: true });
    writeFileSync(join(work, 'arch'), arch);
    writeFileSync(join(work, 'ready'), '');
    try {
      renameSync(work, target);
    } catch (error) {
      // Another worker finished first: use theirs.
      if (!existsSync(join(target, 'ready'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The installed tiny runtime, built on first use (about a second) and cached. */
export function tinyRuntime(): TinyRuntime {
  if (cached) return cached;
  const root =
    process.env.DEPLOY_ACTIONS_FLATPAK_RUNTIME_CACHE ||
    join(tmpdir(), `deploy-actions-flatpak-runtime-${cacheKey()}`);
  // The folder appears whole (a rename) or not at all, so a folder that exists is ready.
  if (!existsSync(join(root, 'ready'))) build(root);
  const arch = readFileSync(join(root, 'arch'), 'utf8').trim();
  cached = { userDir: join(root, 'user'), id: RUNTIME_ID, branch: RUNTIME_BRANCH, arch };
  return cached;
}

/**
 * Environment for a process that runs flatpak or flatpak-builder against the tiny runtime:
 * the shared installation, plus private XDG folders under `scratch` (flatpak records running
 * instances under XDG_RUNTIME_DIR, else in ~/.cache).
 */
export function flatpakEnv(runtime: TinyRuntime, scratch: string): Record<string, string> {
  const dirs = { XDG_RUNTIME_DIR: join(scratch, 'xdg-run'), XDG_CACHE_HOME: join(scratch, 'xdg-cache') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { FLATPAK_USER_DIR: runtime.userDir, ...dirs };
}

/** A flatpak-builder manifest (YAML) of a one-script app on the tiny runtime. */
export function tinyAppManifest(appId: string, modules: string): string {
  return `app-id: ${appId}
runtime: ${RUNTIME_ID}
runtime-version: '${RUNTIME_BRANCH}'
sdk: ${RUNTIME_ID}
command: hello
modules:
${modules}`;
}
