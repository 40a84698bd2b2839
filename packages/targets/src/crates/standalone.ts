/**
 * The common case without spawning cargo: a Cargo.toml that is one crate, in no workspace, with
 * its own name and version. cargo metadata costs a process start; for such a crate it would
 * tell us nothing the file does not. Anything less plain returns undefined: cargo decides.
 */
import { dirname, join } from 'node:path';
import { readToml } from '@deploy-actions/version/toml';
import type { CargoMetadata } from './workspace.js';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file's table; undefined when it is missing or unusable (cargo then reads it and says why). */
function readTable(file: string): Table | undefined {
  try {
    return readToml(file, { optional: true });
  } catch {
    return undefined;
  }
}

/** Whether a Cargo.toml above `dir` declares a workspace (this crate may be a member of it). */
function workspaceAbove(dir: string): boolean {
  for (let parent = dirname(dir); parent !== dir; dir = parent, parent = dirname(dir)) {
    const file = join(parent, 'Cargo.toml');
    if (isTable(readTable(file)?.workspace)) return true;
  }
  return false;
}

/** `publish` as cargo metadata reports it: null (anywhere), [] (nowhere) or registry names. */
function publishField(value: unknown): string[] | null | undefined {
  if (value === undefined || value === true) return null;
  if (value === false) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

export function standaloneMetadata(manifest: string): CargoMetadata | undefined {
  const toml = readTable(manifest);
  if (!toml || toml.workspace !== undefined || !isTable(toml.package)) return undefined;
  const { name, version, publish } = toml.package;
  const publishList = publishField(publish);
  if (typeof name !== 'string' || typeof version !== 'string' || publishList === undefined) return undefined;
  if (workspaceAbove(dirname(manifest))) return undefined;
  const id = `path+file://${dirname(manifest)}#${name}@${version}`;
  return {
    packages: [{ name, version, id, manifest_path: manifest, publish: publishList, dependencies: [] }],
    workspace_members: [id],
    workspace_root: dirname(manifest),
  };
}
