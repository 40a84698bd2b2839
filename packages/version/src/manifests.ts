/** Reading the version a project's manifests declare. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '@deploy-actions/action-kit/errors';

export const MANIFEST_SOURCES = ['package.json', 'Cargo.toml', 'pyproject.toml', 'VERSION'] as const;
export type ManifestSource = (typeof MANIFEST_SOURCES)[number];

export interface ManifestVersion {
  source: ManifestSource;
  file: string;
  version: string;
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

let toml: typeof import('./toml.js') | undefined;

/** The TOML reader loads only when a TOML manifest is read (most actions never read one). */
async function loadToml(): Promise<void> {
  toml ??= await import('./toml.js');
}

const readToml = (file: string): Table => toml!.readToml(file);

function stringVersion(file: string, key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ConfigError(file, undefined, key, 'must be a string');
  return value.trim();
}

function packageJson(file: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (caught) {
    throw new ConfigError(file, undefined, undefined, `is not valid JSON: ${(caught as Error).message}`);
  }
  return isTable(data) ? stringVersion(file, 'version', data.version) : undefined;
}

/** The workspace root above `start` (a Cargo.toml with [workspace]), for `version.workspace = true`. */
function cargoWorkspaceVersion(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'Cargo.toml');
    if (existsSync(file)) {
      const toml = readToml(file);
      const ws = toml.workspace;
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
    if (dirname(dir) === dir) return undefined;
  }
}

function cargoToml(file: string): string | undefined {
  const toml = readToml(file);
  const pkg = toml.package;
  if (isTable(pkg)) {
    const v = pkg.version;
    if (isTable(v) && v.workspace === true) {
      const inherited = cargoWorkspaceVersion(dirname(resolve(file)));
      if (!inherited)
        throw new ConfigError(
          file,
          undefined,
          'package.version',
          'inherits from a workspace that was not found',
        );
      return inherited;
    }
    return stringVersion(file, 'package.version', v);
  }
  const ws = toml.workspace;
  if (isTable(ws) && isTable(ws.package))
    return stringVersion(file, 'workspace.package.version', ws.package.version);
  return undefined;
}

function pyprojectToml(file: string): string | undefined {
  const toml = readToml(file);
  const project = toml.project;
  if (isTable(project) && project.version !== undefined)
    return stringVersion(file, 'project.version', project.version);
  const tool = toml.tool;
  const poetry = isTable(tool) ? tool.poetry : undefined;
  if (isTable(poetry)) return stringVersion(file, 'tool.poetry.version', poetry.version);
  return undefined;
}

const READERS: Record<ManifestSource, (file: string) => string | undefined> = {
  'package.json': packageJson,
  'Cargo.toml': cargoToml,
  'pyproject.toml': pyprojectToml,
  VERSION: (file) => readFileSync(file, 'utf8').trim() || undefined,
};

/** The version a manifest in `dir` declares; undefined when the file is absent or names none. */
export async function readManifestVersion(
  dir: string,
  source: ManifestSource,
): Promise<ManifestVersion | undefined> {
  const file = join(dir, source);
  if (!existsSync(file)) return undefined;
  if (source.endsWith('.toml')) await loadToml();
  const version = READERS[source](file);
  return version ? { source, file, version } : undefined;
}
