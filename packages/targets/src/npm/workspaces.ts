/**
 * npm workspaces: find the packages a root package.json declares, and the order to publish
 * them in, so a package is on the registry before any package that depends on it.
 */
import { join, relative, sep } from 'node:path';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { foldersWith } from '@deploy-actions/action-kit/glob';
import { readPackageJson, type PackageJson } from './client.js';
import { findCycle, waveOrder } from '../waves.js';

export interface WorkspacePackage {
  name: string;
  /** Absolute folder of its package.json. */
  dir: string;
  manifest: PackageJson;
  /** The workspace packages it needs published first (set by publishOrder). */
  dependsOn?: string[];
}

/** The dependency kinds that must be published first (devDependencies are not installed by users). */
const RUNTIME_DEPENDENCIES = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Folders matching a workspace pattern (`packages/*`, `libs/**`, `tools/cli`) that hold a package.json. */
export function expandPattern(root: string, pattern: string): string[] {
  return foldersWith(root, pattern, 'package.json');
}

/** The workspace packages of the root package.json in `root`, in folder order. */
export function findWorkspacePackages(root: string): WorkspacePackage[] {
  const file = join(root, 'package.json');
  const manifest = readPackageJson(file);
  const patterns = Array.isArray(manifest.workspaces) ? manifest.workspaces : manifest.workspaces?.packages;
  if (!patterns?.length)
    throw new ConfigError(
      file,
      undefined,
      'workspaces',
      'declares no workspaces',
      "Add a 'workspaces' list, or set workspaces: false to publish this package alone.",
    );
  const included = new Set<string>();
  const excluded = new Set<string>();
  for (const pattern of patterns) {
    if (typeof pattern !== 'string') continue;
    const negated = pattern.startsWith('!');
    for (const dir of expandPattern(root, negated ? pattern.slice(1) : pattern))
      (negated ? excluded : included).add(dir);
  }
  const packages: WorkspacePackage[] = [];
  const byName = new Map<string, string>();
  for (const dir of [...included].filter((d) => !excluded.has(d) && d !== root).sort()) {
    const pkgFile = join(dir, 'package.json');
    const pkg = readPackageJson(pkgFile);
    if (typeof pkg.name !== 'string' || !pkg.name)
      throw new ConfigError(pkgFile, undefined, 'name', 'is missing: npm needs a package name');
    const seen = byName.get(pkg.name);
    if (seen)
      throw new ConfigError(
        pkgFile,
        undefined,
        'name',
        `${pkg.name} is also the name of ${relative(root, seen).split(sep).join('/')}`,
        'Workspace package names must be unique.',
      );
    byName.set(pkg.name, dir);
    packages.push({ name: pkg.name, dir, manifest: pkg });
  }
  if (!packages.length)
    throw new ConfigError(
      file,
      undefined,
      'workspaces',
      `matches no folder with a package.json (${patterns.join(', ')})`,
    );
  return packages;
}

/** Names of the workspace packages `pkg` needs at run time. */
export function workspaceDependencies(pkg: WorkspacePackage, names: Set<string>): string[] {
  const out = new Set<string>();
  for (const kind of RUNTIME_DEPENDENCIES)
    for (const dep of Object.keys(pkg.manifest[kind] ?? {}))
      if (names.has(dep) && dep !== pkg.name) out.add(dep);
  return [...out].sort();
}

/** The range `pkg` asks of `dep` (the first runtime dependency kind that names it). */
export function rangeOf(pkg: WorkspacePackage, dep: string): string | undefined {
  for (const kind of RUNTIME_DEPENDENCIES) {
    const range = pkg.manifest[kind]?.[dep];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

/**
 * Dependencies first (by wave, ties in folder order so the result is stable). A cycle cannot be
 * published in order: it is an error that names it, e.g. `a -> b -> a`.
 */
export function publishOrder(packages: WorkspacePackage[], where = 'package.json'): WorkspacePackage[] {
  const names = new Set(packages.map((p) => p.name));
  const nodes = packages.map((pkg) => ({ ...pkg, dependsOn: workspaceDependencies(pkg, names) }));
  const cycle = findCycle(nodes);
  if (cycle)
    throw new ConfigError(
      where,
      undefined,
      'workspaces',
      `the workspace packages depend on each other in a cycle: ${cycle.join(' -> ')}; nothing was published`,
      'npm cannot publish a cycle in dependency order: move one of these dependencies to devDependencies.',
    );
  return waveOrder(nodes);
}
