/**
 * Which crates a target publishes, in which order, and whether their versions are the release's.
 * Read from `cargo metadata --no-deps` (cargo resolves workspace inheritance and globs for us),
 * ordered so every crate comes after the workspace crates it depends on.
 */
import { ConfigError, InputError } from '@deploy-actions/action-kit/errors';
import { withoutBuildMetadata } from './client.js';
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { findCycle, waveOrder } from '../waves.js';

/** The parts of `cargo metadata --format-version 1` we read. */
export interface CargoMetadata {
  packages: {
    name: string;
    version: string;
    id: string;
    manifest_path: string;
    /** null: any registry; []: none; else the registry names allowed ("crates-io" for crates.io). */
    publish: string[] | null;
    dependencies: { name: string; kind: string | null; path?: string; req: string }[];
  }[];
  workspace_members: string[];
  workspace_root: string;
}

export interface WorkspaceCrate {
  name: string;
  version: string;
  manifest: string;
  /** Crates of this target it needs in the registry first (normal and build dependencies). */
  dependsOn: string[];
  /**
   * Path dependencies this target does not publish (a member left out, `publish = false`, a
   * crate outside the workspace): the registry must already have a version they accept.
   */
  outside: { name: string; req: string }[];
}

/** Whether `publish` lets this crate go to the registry (crates.io is "crates-io" to cargo). */
export function publishableTo(publish: string[] | null, registryName: string | undefined): boolean {
  if (publish === null) return true;
  return publish.includes(registryName ?? 'crates-io');
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const sameFile = (a: string, b: string) => realOrSame(a) === realOrSame(b);

/**
 * The crates to publish: those `package` names; else the manifest's own crate; else (a virtual
 * workspace) every member publishable to the registry.
 */
export function selectCrates(
  metadata: CargoMetadata,
  manifest: string,
  packages: string[],
  registryName: string | undefined,
): WorkspaceCrate[] {
  const members = metadata.packages.filter((p) => metadata.workspace_members.includes(p.id));
  const memberNames = new Set(members.map((m) => m.name));
  const target = registryName ? `registry ${registryName}` : 'crates.io';
  let chosen: typeof members;
  if (packages.length) {
    chosen = packages.map((name) => {
      const found = members.find((m) => m.name === name);
      if (!found)
        throw InputError.bad(
          'package',
          name,
          'is not a crate of the workspace',
          `Use one of: ${[...memberNames].join(', ')}.`,
        );
      if (!publishableTo(found.publish, registryName))
        throw InputError.bad(
          'package',
          name,
          `may not be published to ${target} (its Cargo.toml sets publish)`,
          'Remove it from `package`, or allow the registry in its `publish` key.',
        );
      return found;
    });
  } else {
    const own = members.find((m) => sameFile(m.manifest_path, manifest));
    if (own && !publishableTo(own.publish, registryName))
      throw new ConfigError(
        own.manifest_path,
        undefined,
        'package.publish',
        `keeps ${own.name} off ${target}`,
        'Allow the registry in `publish`, or point `manifest` at the crate to publish.',
      );
    chosen = own ? [own] : members.filter((m) => publishableTo(m.publish, registryName));
    if (!chosen.length)
      throw new ConfigError(
        manifest,
        undefined,
        'workspace.members',
        `has no crate that may be published to ${target}`,
        "Check the members' `publish` keys, and `registry-name`: it must be a name they allow.",
      );
  }
  const chosenNames = new Set(chosen.map((c) => c.name));
  return chosen.map((p) => {
    const needed = p.dependencies.filter((d) => d.path && d.kind !== 'dev' && d.name !== p.name);
    return {
      name: p.name,
      version: p.version,
      manifest: p.manifest_path,
      dependsOn: [...new Set(needed.filter((d) => chosenNames.has(d.name)).map((d) => d.name))],
      outside: needed.filter((d) => !chosenNames.has(d.name)).map((d) => ({ name: d.name, req: d.req })),
    };
  });
}

/** Every crate's version must be the release's, or nothing is published (build metadata aside). */
export function checkVersions(crates: WorkspaceCrate[], version: string, workspace?: string): void {
  for (const crate of crates) {
    if (withoutBuildMetadata(crate.version) !== withoutBuildMetadata(version))
      throw new ConfigError(
        workspace ? relative(realOrSame(workspace), crate.manifest) : crate.manifest,
        undefined,
        'package.version',
        `${crate.name} is at version ${crate.version}, but the release is ${version}; nothing was published`,
        'Set the version in Cargo.toml (or [workspace.package] when members inherit it) to the release version before publishing.',
      );
  }
}

/**
 * Dependencies first, by wave (see ../waves.ts), keeping the given order where the graph leaves
 * a choice. A cycle is an error naming it, before anything is sent.
 */
export function publishOrder<T extends { name: string; dependsOn: string[] }>(crates: T[]): T[] {
  const cycle = findCycle(crates);
  if (cycle)
    throw new ConfigError(
      'Cargo.toml',
      undefined,
      'dependencies',
      `the workspace crates depend on each other in a cycle (${cycle.join(' -> ')}), so no publish order exists; nothing was published`,
      'Break the cycle: only dev-dependencies may point back.',
    );
  return waveOrder(crates);
}
