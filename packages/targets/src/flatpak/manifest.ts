/**
 * The flatpak-builder manifest of a target: where it is (inside the workspace), the app id and
 * branch it builds, and the version its metainfo names, which must be the release's version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, InputError } from '@deploy-actions/action-kit/errors';
import { blameFile, readUserFile, resolveInside } from '@deploy-actions/action-kit/paths';
import { checkAppId, manifestAppId, readManifest, type FlatpakManifest } from './client.js';

export interface LoadedManifest {
  file: string;
  manifest: FlatpakManifest;
  appId: string;
  /** The branch flatpak-builder will export: the manifest's `branch`, else the setting. */
  branch: string;
}

export async function loadManifest(
  settings: Record<string, unknown>,
  workspace: string,
): Promise<LoadedManifest> {
  const path = settings.manifest;
  if (typeof path !== 'string' || !path)
    throw InputError.missing('manifest', 'Set the path of the flatpak-builder manifest.');
  const file = resolveInside(workspace, path, 'manifest');
  const manifest = await readManifest(file);
  const fromManifest = manifestAppId(manifest, file);
  const setting =
    typeof settings['app-id'] === 'string' && settings['app-id'] ? checkAppId(settings['app-id']) : undefined;
  if (setting && setting !== fromManifest)
    throw InputError.bad(
      'app-id',
      setting,
      `differs from the manifest's app-id ${fromManifest}`,
      'Leave app-id empty or make them agree.',
    );
  const branch =
    typeof manifest.branch === 'string' && manifest.branch
      ? manifest.branch
      : String(settings.branch || 'stable');
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(branch))
    throw InputError.bad('branch', branch, 'is not a valid Flatpak branch name');
  return { file, manifest, appId: fromManifest, branch };
}

/** The newest release an AppStream metainfo lists (releases are written newest first). */
export function metainfoVersion(xml: string): string | undefined {
  const releases = /<releases\b[^>]*>([\s\S]*?)<\/releases>/.exec(xml)?.[1] ?? '';
  return /<release\b[^>]*\bversion\s*=\s*["']([^"']+)["']/.exec(releases)?.[1];
}

const METAINFO = /\.(metainfo|appdata)\.xml$/;

type Source = { type?: unknown; path?: unknown };
type Module = { sources?: unknown; modules?: unknown };

/** Every source of every module, nested modules included (modules given as file names are skipped). */
export function manifestSources(manifest: FlatpakManifest): Source[] {
  const out: Source[] = [];
  const visit = (modules: unknown) => {
    if (!Array.isArray(modules)) return;
    for (const module of modules as Module[]) {
      if (typeof module !== 'object' || module === null) continue;
      if (Array.isArray(module.sources))
        out.push(...(module.sources as Source[]).filter((s) => typeof s === 'object' && s !== null));
      visit(module.modules);
    }
  };
  visit(manifest.modules);
  return out;
}

export interface DeclaredVersion {
  file: string;
  version: string;
}

/** The versions named by metainfo files the manifest builds from (local `file` sources). */
export function declaredVersions(loaded: LoadedManifest, workspace: string): DeclaredVersion[] {
  const out: DeclaredVersion[] = [];
  for (const source of manifestSources(loaded.manifest)) {
    if (source.type !== 'file' || typeof source.path !== 'string' || !METAINFO.test(source.path)) continue;
    const file = resolve(dirname(loaded.file), source.path);
    // Sources stay inside the workspace too; a missing one is flatpak-builder's error to report.
    if (!existsSync(file)) continue;
    const path = resolveInside(workspace, file, 'manifest');
    const version = metainfoVersion(readUserFile(path, { blame: blameFile(path), root: workspace }));
    if (version) out.push({ file, version });
  }
  return out;
}

/** The version in the metainfo the build installed, if it installed one. */
export function builtVersion(buildDir: string, appId: string): DeclaredVersion | undefined {
  for (const rel of [`share/metainfo/${appId}.metainfo.xml`, `share/appdata/${appId}.appdata.xml`]) {
    const file = join(buildDir, 'files', rel);
    if (!existsSync(file)) continue;
    const version = metainfoVersion(readFileSync(file, 'utf8'));
    if (version) return { file: `/app/${rel}`, version };
  }
  return undefined;
}

const bare = (v: string) => v.replace(/^v(?=\d)/, '');

export function checkVersions(declared: (DeclaredVersion | undefined)[], version: string): void {
  for (const entry of declared) {
    if (!entry || bare(entry.version) === bare(version)) continue;
    throw new ConfigError(
      entry.file,
      undefined,
      'release',
      `names version ${entry.version}, but the release is ${version}`,
      `Add <release version="${version}"> first in <releases>, or release the version the metainfo names.`,
    );
  }
}
