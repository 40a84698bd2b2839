/**
 * Reading a cargo project without running cargo (identify() must be synchronous and cheap):
 * the crate a Cargo.toml publishes, a workspace's members, and the index URL cargo's config
 * files give a named registry.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { foldersWith } from '@deploy-actions/action-kit/glob';
import { resolveInside } from '@deploy-actions/action-kit/paths';
import { isTable, readToml, type Table } from '@deploy-actions/version/toml';

/** The Cargo.toml a `manifest` setting names (a file, or a folder holding one), inside the workspace. */
export function manifestFile(settings: Record<string, unknown>, cwd: string): string {
  const setting =
    typeof settings.manifest === 'string' && settings.manifest ? settings.manifest : 'Cargo.toml';
  const path = resolveInside(cwd, setting, 'manifest');
  return statSync(path).isDirectory() ? resolveInside(cwd, join(path, 'Cargo.toml'), 'manifest') : path;
}

/** `package` as a list (config: a list; an input: parsed to one). */
export function packageSetting(settings: Record<string, unknown>): string[] {
  const value = settings.package;
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  return typeof value === 'string' && value ? [value] : [];
}

/** `publish = false` or `publish = []` keeps a crate off every registry. */
function isPublishable(pkg: Table, workspacePackage: Table | undefined): boolean {
  let publish = pkg.publish;
  if (isTable(publish) && publish.workspace === true) publish = workspacePackage?.publish;
  return !(publish === false || (Array.isArray(publish) && publish.length === 0));
}

export interface ManifestMember {
  name: string;
  manifest: string;
  publishable: boolean;
}

/** A workspace's members in the order `members` lists them (globs sorted), `exclude` honoured. */
export function workspaceMembers(rootManifest: string): ManifestMember[] {
  const toml = readToml(rootManifest);
  const root = dirname(rootManifest);
  const workspace = isTable(toml.workspace) ? toml.workspace : undefined;
  const workspacePackage = workspace && isTable(workspace.package) ? workspace.package : undefined;
  const members: ManifestMember[] = [];
  const seen = new Set<string>();
  const add = (manifest: string, pkg: Table) => {
    if (seen.has(manifest) || typeof pkg.name !== 'string') return;
    seen.add(manifest);
    members.push({ name: pkg.name, manifest, publishable: isPublishable(pkg, workspacePackage) });
  };
  if (isTable(toml.package)) add(rootManifest, toml.package);
  if (!workspace) return members;
  const excluded = new Set(
    (Array.isArray(workspace.exclude) ? workspace.exclude : []).map((e) => resolve(root, String(e))),
  );
  for (const pattern of Array.isArray(workspace.members) ? workspace.members : []) {
    for (const dir of foldersWith(root, String(pattern), 'Cargo.toml', { dot: true })) {
      const manifest = join(dir, 'Cargo.toml');
      if (excluded.has(resolve(dir))) continue;
      const member = readToml(manifest);
      if (isTable(member.package)) add(manifest, member.package);
    }
  }
  return members;
}

/**
 * The crate a target stands for (its registry identity): the first of `package`, else the
 * manifest's own package when publishable, else the first publishable workspace member.
 */
export function crateNameFromManifest(settings: Record<string, unknown>, cwd: string): string {
  const named = packageSetting(settings);
  if (named.length) return named[0];
  const file = manifestFile(settings, cwd);
  const first = workspaceMembers(file).find((m) => m.publishable);
  if (!first)
    throw new ConfigError(
      file,
      undefined,
      'package',
      'names no publishable crate',
      'Point `manifest` at a crate, or a workspace with a member that is not `publish = false`.',
    );
  return first.name;
}

const envName = (registryName: string) => registryName.toUpperCase().replace(/-/g, '_');

/**
 * The index URL of a named registry, as cargo finds it: CARGO_REGISTRIES_<NAME>_INDEX, else
 * `registries.<name>.index` in .cargo/config.toml from `cwd` up, else in CARGO_HOME.
 */
export function indexFromCargoConfig(
  registryName: string,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const fromEnv = env[`CARGO_REGISTRIES_${envName(registryName)}_INDEX`];
  if (fromEnv) return fromEnv;
  const files: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    files.push(join(dir, '.cargo', 'config.toml'), join(dir, '.cargo', 'config'));
    if (dirname(dir) === dir) break;
  }
  const cargoHome = env.CARGO_HOME || join(homedir(), '.cargo');
  files.push(join(cargoHome, 'config.toml'), join(cargoHome, 'config'));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const registries = readToml(file).registries;
    const entry = isTable(registries) ? registries[registryName] : undefined;
    if (isTable(entry) && typeof entry.index === 'string') return entry.index;
  }
  return undefined;
}

export { envName as cargoEnvName };
