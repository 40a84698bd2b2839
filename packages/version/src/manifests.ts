/**
 * Reading the version a project's manifests declare. Every manifest is read as a user file
 * (readUserFile): a regular file inside the workspace, so a FIFO, a folder or a symlink out of
 * the checkout is one clear error naming the file, never a hang or a raw EISDIR.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { blameFile, readUserFile } from '@deploy-actions/action-kit/paths';

export const MANIFEST_SOURCES = ['package.json', 'Cargo.toml', 'pyproject.toml', 'VERSION'] as const;
export type ManifestSource = (typeof MANIFEST_SOURCES)[number];

export interface ManifestVersion {
  source: ManifestSource;
  file: string;
  version: string;
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A manifest holds a version in its first few hundred bytes; 4 MiB is generous. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

let toml: typeof import('./toml.js') | undefined;

/** The TOML reader loads only when a TOML manifest is read (most actions never read one). */
async function loadToml(): Promise<void> {
  toml ??= await import('./toml.js');
}

/** The text of a manifest, or undefined when there is none. */
function readManifest(file: string, root: string): string | undefined {
  return readUserFile(file, { blame: blameFile(file), root, optional: true, maxBytes: MAX_MANIFEST_BYTES });
}

function stringVersion(file: string, key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ConfigError(file, undefined, key, 'must be a string');
  return value.trim();
}

function packageJson(file: string, text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (caught) {
    throw new ConfigError(file, undefined, undefined, `is not valid JSON: ${(caught as Error).message}`);
  }
  return isTable(data) ? stringVersion(file, 'version', data.version) : undefined;
}

/**
 * The workspace root above `start` (a Cargo.toml with [workspace]), for `version.workspace =
 * true`; the search stops at `root`: a Cargo.toml outside the checkout is never read.
 */
function cargoWorkspaceVersion(start: string, root: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'Cargo.toml');
    const text = readManifest(file, root);
    if (text !== undefined) {
      const ws = toml!.parseTomlText(text, file).workspace;
      if (isTable(ws)) {
        const pkg = ws.package;
        const version = isTable(pkg)
          ? stringVersion(file, 'workspace.package.version', pkg.version)
          : undefined;
        if (!version)
          throw new ConfigError(
            file,
            undefined,
            'workspace.package.version',
            'is missing, but a member inherits it',
          );
        return version;
      }
    }
    const rel = relative(root, dir);
    if (!rel || rel.startsWith('..') || dirname(dir) === dir) return undefined;
  }
}

function cargoToml(file: string, text: string, root: string): string | undefined {
  const data = toml!.parseTomlText(text, file);
  const pkg = data.package;
  if (isTable(pkg)) {
    const v = pkg.version;
    if (isTable(v) && v.workspace === true) {
      const inherited = cargoWorkspaceVersion(dirname(resolve(file)), root);
      if (!inherited)
        throw new ConfigError(
          file,
          undefined,
          'package.version',
          'inherits from a workspace that was not found in the checkout',
          'Set version in [workspace.package] of the workspace root, inside the repository.',
        );
      return inherited;
    }
    return stringVersion(file, 'package.version', v);
  }
  const ws = data.workspace;
  if (isTable(ws) && isTable(ws.package))
    return stringVersion(file, 'workspace.package.version', ws.package.version);
  return undefined;
}

function pyprojectToml(file: string, text: string): string | undefined {
  const data = toml!.parseTomlText(text, file);
  const project = data.project;
  if (isTable(project) && project.version !== undefined)
    return stringVersion(file, 'project.version', project.version);
  const tool = data.tool;
  const poetry = isTable(tool) ? tool.poetry : undefined;
  if (isTable(poetry)) return stringVersion(file, 'tool.poetry.version', poetry.version);
  return undefined;
}

const READERS: Record<ManifestSource, (file: string, text: string, root: string) => string | undefined> = {
  'package.json': packageJson,
  'Cargo.toml': cargoToml,
  'pyproject.toml': pyprojectToml,
  VERSION: (_file, text) => text.trim() || undefined,
};

/**
 * The version a manifest in `dir` declares; undefined when the file is absent or names none.
 * `root` (default `dir`) is the workspace: no file outside it is read.
 */
export async function readManifestVersion(
  dir: string,
  source: ManifestSource,
  root: string = dir,
): Promise<ManifestVersion | undefined> {
  const file = join(dir, source);
  const text = readManifest(file, root);
  if (text === undefined) return undefined;
  if (source.endsWith('.toml')) await loadToml();
  const version = READERS[source](file, text, resolve(root));
  return version ? { source, file, version } : undefined;
}
