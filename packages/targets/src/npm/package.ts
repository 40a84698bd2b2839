/**
 * What an npm target publishes: the package under `path`, or with `workspaces: true` every
 * public workspace package in dependency order; each checked against the release version
 * before anything is sent.
 */
import { join } from 'node:path';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { resolveInside } from '@deploy-actions/action-kit/paths';
import { NPM_DEFAULT_REGISTRY, readPackageJson, type PackageJson } from './client.js';
import semver from 'semver';
import { expandRegistry } from './github-packages.js';
import { findWorkspacePackages, publishOrder, rangeOf, type WorkspacePackage } from './workspaces.js';

export interface NpmPackage extends WorkspacePackage {
  /** Where it goes: the `registry` setting, else its publishConfig.registry, else npmjs. */
  registry: string;
  file: string;
  /** Workspace packages it needs that this target publishes: they go first. */
  dependsOn: string[];
  /**
   * Workspace packages it needs that this target does not publish (private ones, or a range the
   * workspace's version does not satisfy): the registry must have them before anything is sent.
   */
  outside: { name: string; range: string }[];
}

function registryFor(
  settings: Record<string, unknown>,
  manifest: PackageJson,
  env: NodeJS.ProcessEnv,
): string {
  const configured = typeof settings.registry === 'string' ? settings.registry.trim() : '';
  return expandRegistry(configured, env) || manifest.publishConfig?.registry || NPM_DEFAULT_REGISTRY;
}

/** The packages of a target, in publish order; refuses a private package. */
export function targetPackages(
  settings: Record<string, unknown>,
  workspace: string,
  env: NodeJS.ProcessEnv = {},
): NpmPackage[] {
  const root = resolveInside(workspace, String(settings.path ?? '.'), 'path');
  const rootFile = join(root, 'package.json');
  let packages: NpmPackage[];
  if (settings.workspaces === true || settings.workspaces === 'true') {
    const all = publishOrder(findWorkspacePackages(root), rootFile);
    const versions = new Map(all.map((pkg) => [pkg.name, pkg.manifest.version]));
    const published = new Set(all.filter((pkg) => pkg.manifest.private !== true).map((pkg) => pkg.name));
    packages = all
      .filter((pkg) => published.has(pkg.name))
      .map((pkg) => {
        const inside: string[] = [];
        const outside: NpmPackage['outside'] = [];
        for (const dep of pkg.dependsOn ?? []) {
          const range = rangeOf(pkg, dep) ?? '*';
          const version = versions.get(dep);
          const satisfied =
            !semver.validRange(range) ||
            (typeof version === 'string' && semver.satisfies(version, range, { includePrerelease: true }));
          if (published.has(dep) && satisfied) inside.push(dep);
          else outside.push({ name: dep, range });
        }
        return {
          ...pkg,
          file: join(pkg.dir, 'package.json'),
          registry: registryFor(settings, pkg.manifest, env),
          dependsOn: inside,
          outside,
        };
      });
    if (!packages.length)
      throw new ConfigError(
        rootFile,
        undefined,
        'workspaces',
        'has only private packages: there is nothing to publish',
      );
  } else {
    const manifest = readPackageJson(rootFile);
    if (typeof manifest.name !== 'string' || !manifest.name)
      throw new ConfigError(rootFile, undefined, 'name', 'is missing: npm needs a package name');
    if (manifest.private === true)
      throw new ConfigError(
        rootFile,
        undefined,
        'private',
        `is true: npm will not publish ${manifest.name}`,
        manifest.workspaces
          ? 'This is a workspace root: set workspaces: true to publish its packages.'
          : 'Remove "private": true to publish it.',
      );
    packages = [
      {
        name: manifest.name,
        dir: root,
        manifest,
        file: rootFile,
        registry: registryFor(settings, manifest, env),
        dependsOn: [],
        outside: [],
      },
    ];
  }
  return packages;
}

/** The packages to publish; every package.json must name the release version. */
export function packagesToPublish(
  settings: Record<string, unknown>,
  workspace: string,
  releaseVersion: string,
  env: NodeJS.ProcessEnv = {},
): NpmPackage[] {
  const packages = targetPackages(settings, workspace, env);
  for (const pkg of packages) {
    if (pkg.manifest.version !== releaseVersion)
      throw new ConfigError(
        pkg.file,
        undefined,
        'version',
        `is ${JSON.stringify(pkg.manifest.version ?? null)} but the release version is ${releaseVersion}: npm publishes what package.json says`,
        `Set "version": "${releaseVersion}" (npm version ${releaseVersion} --no-git-tag-version) before publishing, or release the version package.json names.`,
      );
  }
  return packages;
}
