/**
 * Building with the real tools: `flatpak-builder` exports the app into a fresh OSTree repository
 * in the run's temp folder, and `flatpak build-bundle` makes a single-file bundle from it.
 * The commit body records the release version (`Version: X`), so a flat-manager repository can
 * later tell which version a ref holds.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execOk, which } from '@deploy-actions/action-kit/exec';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { LoadedManifest } from './manifest.js';
import { listRefs, VERSION_LINE } from './ostree.js';

export interface BuiltApp {
  /** The archive-z2 repository flatpak-builder exported to. */
  repo: string;
  /** The build folder (`files/`, `metadata`), for reading what was installed. */
  buildDir: string;
  /** app/<id>/<arch>/<branch> */
  ref: string;
  commit: string;
  arch: string;
  /** Every app/ and runtime/ ref of the build (the app plus Locale/Debug extensions). */
  refs: Map<string, string>;
}

export interface BuildEnv {
  tempDir: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
}

async function requireTool(name: string): Promise<void> {
  if (!(await which(name)))
    throw new Error(
      `${name} is not installed on this runner: install flatpak and flatpak-builder (e.g. apt-get install flatpak-builder) and the manifest's runtime and SDK`,
    );
}

export async function defaultArch(env: NodeJS.ProcessEnv): Promise<string> {
  await requireTool('flatpak');
  return (await execOk('flatpak', ['--default-arch'], { env })).stdout.trim();
}

export const appRef = (appId: string, arch: string, branch: string) => `app/${appId}/${arch}/${branch}`;

export async function buildApp(
  loaded: LoadedManifest,
  version: string,
  arch: string,
  ctx: BuildEnv,
): Promise<BuiltApp> {
  await requireTool('flatpak-builder');
  const work = join(ctx.tempDir, 'flatpak');
  mkdirSync(work, { recursive: true });
  const repo = join(work, 'repo');
  const buildDir = join(work, 'build');
  const args = [
    // FUSE is often missing on CI runners and in containers; it only guards the build cache.
    '--disable-rofiles-fuse',
    '--force-clean',
    `--arch=${arch}`,
    `--repo=${repo}`,
    `--state-dir=${join(work, 'state')}`,
    `--default-branch=${loaded.branch}`,
    `--subject=${loaded.appId} ${version}`,
    `--body=${VERSION_LINE}${version}`,
    buildDir,
    loaded.file,
  ];
  await ctx.reporter.group(`flatpak-builder ${loaded.appId} ${version}`, () =>
    execOk('flatpak-builder', args, {
      cwd: dirname(loaded.file),
      env: ctx.env,
      onLine: (line) => ctx.reporter.info(line),
    }),
  );
  const refs = listRefs(repo);
  const ref = appRef(loaded.appId, arch, loaded.branch);
  const commit = refs.get(ref);
  if (!commit)
    throw new Error(`flatpak-builder exported ${[...refs.keys()].join(', ') || 'no refs'}, not ${ref}`);
  return { repo, buildDir, ref, commit, arch, refs };
}

/** `flatpak build-bundle`: the app ref of `built` as a single .flatpak file. */
export async function buildBundle(
  built: BuiltApp,
  appId: string,
  branch: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  await execOk('flatpak', ['build-bundle', `--arch=${built.arch}`, built.repo, file, appId, branch], { env });
}
