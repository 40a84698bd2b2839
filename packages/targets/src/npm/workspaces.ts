/**
 * npm workspaces: find the packages a root package.json declares, and the order to publish
 * them in, so a package is on the registry before any package that depends on it.
 */
import { join, relative, sep } from 'node:path';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { foldersWith } from '@deploy-actions/action-kit/glob';
import { readPackageJson, type PackageJson } from './client.js';

export interface WorkspacePackage {
  name: string;
  /** Absolute folder of its package.json. */
  dir: string;
  manifest: PackageJson;
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
function workspaceDependencies(pkg: WorkspacePackage, names: Set<string>): string[] {
  const out = new Set<string>();
  for (const kind of RUNTIME_DEPENDENCIES)
    for (const dep of Object.keys(pkg.manifest[kind] ?? {}))
      if (names.has(dep) && dep !== pkg.name) out.add(dep);
  return [...out].sort();
}

/**
 * Dependencies first (depth-first, ties in the given order so the result is stable). A cycle
 * cannot be published in order: it is an error that names it, e.g. `a -> b -> a`.
 */
export function publishOrder(packages: WorkspacePackage[], where = 'package.json'): WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const names = new Set(byName.keys());
  const state = new Map<string, 'visiting' | 'done'>();
  const order: WorkspacePackage[] = [];
  const stack: string[] = [];
  const visit = (pkg: WorkspacePackage) => {
    const seen = state.get(pkg.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(pkg.name)), pkg.name].join(' -> ');
      throw new ConfigError(
        where,
        undefined,
        'workspaces',
        `the workspace packages depend on each other in a cycle: ${cycle}`,
        'npm cannot publish a cycle in dependency order: move one of these dependencies to devDependencies.',
      );
    }
    state.set(pkg.name, 'visiting');
    stack.push(pkg.name);
    for (const dep of workspaceDependencies(pkg, names)) visit(byName.get(dep)!);
    stack.pop();
    state.set(pkg.name, 'done');
    order.push(pkg);
  };
  for (const pkg of packages) visit(pkg);
  return order;
}
