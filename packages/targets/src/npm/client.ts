/**
 * The npm registry (registry.npmjs.org, Verdaccio, GitHub Packages...): what is published, read
 * from the abbreviated packument (`GET {registry}/{escaped-name}`), the document `npm install`
 * itself reads. Read-only; publishing goes through the npm CLI (npm/publish.ts).
 */
import { join } from 'node:path';
import { ConfigError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { readUserFile, resolveInside } from '@deploy-actions/action-kit/paths';
import { highestStable } from '@deploy-actions/version';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { checkGithubScope, expandRegistry, githubRefusalHint, isGithubPackages } from './github-packages.js';

export const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/** The Accept header of `npm install`: the small document, with the full one as a fallback. */
export const ABBREVIATED_ACCEPT = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8';

/** What the registry knows of one package. */
export interface Packument {
  name: string;
  /** Every published version (deprecated ones included). */
  versions: string[];
  /** version -> deprecation message, for the versions that carry one. */
  deprecated: Record<string, string>;
  /** version -> the tarball's `dist.integrity` (SRI) and `dist.shasum`, as the registry has them. */
  dist: Record<string, { integrity?: string; shasum?: string }>;
  distTags: Record<string, string>;
}

/** The registry URL without its trailing slash, for building paths and naming it in messages. */
export function registryBase(registry = NPM_DEFAULT_REGISTRY): string {
  return registry.replace(/\/+$/, '');
}

export function isNpmjs(registry: string): boolean {
  return new URL(registryBase(registry)).hostname === 'registry.npmjs.org';
}

/** `@scope/name` -> `@scope%2fname`, as npm writes it in registry paths; unscoped names as they are. */
export function escapePackageName(name: string): string {
  const scoped = /^@([^/]+)\/(.+)$/.exec(name);
  if (scoped) return `@${encodeURIComponent(scoped[1])}%2f${encodeURIComponent(scoped[2])}`;
  return encodeURIComponent(name);
}

export function packumentUrl(name: string, registry = NPM_DEFAULT_REGISTRY): string {
  return `${registryBase(registry)}/${escapePackageName(name)}`;
}

/**
 * The version as an npm registry stores it: npm drops SemVer build metadata when it publishes
 * (`1.2.3+build.5` is published as `1.2.3`), so that is the version to look for.
 */
export const npmVersion = (version: string): string => version.split('+')[0];

/** A page for a version: npmjs's website for the public registry, the packument elsewhere. */
export function versionPageUrl(name: string, version: string, registry = NPM_DEFAULT_REGISTRY): string {
  if (isNpmjs(registry)) return `https://www.npmjs.com/package/${name}/v/${npmVersion(version)}`;
  return packumentUrl(name, registry);
}

interface RawPackument {
  name?: string;
  versions?: Record<
    string,
    { deprecated?: string | boolean; dist?: { integrity?: string; shasum?: string } }
  >;
  'dist-tags'?: Record<string, string>;
}

/** The fields read from a packument (a version's `dist`, when present, as npm/publish.ts reads it). */
export const PACKUMENT_SHAPE = {
  'name?': 'string',
  'versions?': {
    '*': {
      'deprecated?': 'string|boolean',
      'dist?': { 'integrity?': 'string', 'shasum?': 'string', 'tarball?': 'string' },
    },
  },
  'dist-tags?': { '*': 'string' },
} as const;

export interface PackumentOptions {
  http: HttpClient;
  registry?: string;
  token?: string;
  /** The registry is GitHub Packages (its refusals have their own causes). */
  github?: boolean;
}

/** The packument, or undefined when the registry has never seen the package (404). */
export async function fetchPackument(
  name: string,
  options: PackumentOptions,
): Promise<Packument | undefined> {
  const registry = registryBase(options.registry);
  const headers: Record<string, string> = { accept: ABBREVIATED_ACCEPT };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await options.http.request({ url: packumentUrl(name, registry), headers });
  if (res.status === 404) return undefined;
  if (res.status === 401 || res.status === 403)
    throw new RegistryError(
      registry,
      `refused to show ${name} (HTTP ${res.status})`,
      options.github
        ? githubRefusalHint(res.status)
        : options.token
          ? 'Check that the token (NPM_TOKEN) is valid and may read this package.'
          : 'This registry needs a token to read: set NPM_TOKEN.',
      res.status,
    );
  if (!res.ok) throw new Error(`${registry}: GET ${name} answered HTTP ${res.status}`);
  const raw = jsonAnswer<RawPackument>(res, PACKUMENT_SHAPE, { what: 'an npm packument' });
  const versions = raw.versions ?? {};
  const deprecated: Record<string, string> = {};
  const dist: Packument['dist'] = {};
  for (const [version, meta] of Object.entries(versions)) {
    if (meta?.deprecated) deprecated[version] = String(meta.deprecated);
    if (meta?.dist) dist[version] = { integrity: meta.dist.integrity, shasum: meta.dist.shasum };
  }
  return {
    name: raw.name ?? name,
    versions: Object.keys(versions),
    deprecated,
    dist,
    distTags: { ...raw['dist-tags'] },
  };
}

/** The package's dist-tags (`latest`, `next`...), empty when it is not published. */
export async function fetchDistTags(
  name: string,
  options: PackumentOptions,
): Promise<Record<string, string>> {
  return (await fetchPackument(name, options))?.distTags ?? {};
}

export interface NpmRegistryClient extends RegistryClient {
  packument(): Promise<Packument | undefined>;
  distTags(): Promise<Record<string, string>>;
}

export function createClient(name: string, options: ClientOptions): NpmRegistryClient {
  const env = options.env ?? {};
  const registry = registryBase(expandRegistry(options.registry, env) ?? NPM_DEFAULT_REGISTRY);
  // A package GitHub Packages would refuse is the user's to rename: say so before asking it anything.
  if (isGithubPackages(registry, env)) checkGithubScope(name, env);
  const read = {
    http: options.http,
    registry,
    token: options.token,
    github: isGithubPackages(registry, env),
  };
  // Each call asks the registry afresh (the publisher asks again after a failed upload), but
  // calls made together share one request: check-published asks exists() and latest() at once.
  let inFlight: Promise<Packument | undefined> | undefined;
  const packument = () =>
    (inFlight ??= fetchPackument(name, read).finally(() => {
      inFlight = undefined;
    }));
  return {
    id: `npm:${name}`,
    registry,
    packument,
    distTags: () => fetchDistTags(name, read),
    versions: async () => (await packument())?.versions ?? [],
    exists: async (version) => (await packument())?.versions.includes(npmVersion(version)) ?? false,
    latest: async () => highestStable((await packument())?.versions ?? []),
    url: (version) => versionPageUrl(name, version, registry),
  };
}

export interface PackageJson {
  name?: string;
  version?: string;
  private?: boolean;
  workspaces?: string[] | { packages?: string[] };
  publishConfig?: { registry?: string; access?: string; tag?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Read and parse a package.json, with errors that name the file. */
export function readPackageJson(file: string): PackageJson {
  const text = readUserFile(file, {
    blame: (problem, hint) =>
      new ConfigError(
        file,
        undefined,
        undefined,
        problem,
        hint ?? "Point 'path' at the folder of the package.json to publish.",
      ),
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (caught) {
    throw new ConfigError(file, undefined, undefined, `is not valid JSON: ${(caught as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(file, undefined, undefined, 'is not a JSON object');
  return data as PackageJson;
}

/** The package name (package.json under `path`) and the registry it goes to. */
export function identify(
  settings: Record<string, unknown>,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): TargetIdentity {
  const dir = resolveInside(cwd, String(settings.path ?? '.'), 'path');
  const file = join(dir, 'package.json');
  const manifest = readPackageJson(file);
  if (typeof manifest.name !== 'string' || !manifest.name)
    throw new ConfigError(file, undefined, 'name', 'is missing: npm needs a package name');
  const registry =
    typeof settings.registry === 'string' && settings.registry
      ? settings.registry
      : manifest.publishConfig?.registry;
  // GitHub Packages would refuse a package outside the owner's scope: the plan says so first.
  if (isGithubPackages(expandRegistry(registry, env), env)) checkGithubScope(manifest.name, env);
  return { name: manifest.name, registry: registry || undefined };
}

/** The public packages of a `workspaces: true` target (package.ts reads them, loaded on demand). */
export async function members(settings: Record<string, unknown>, cwd: string): Promise<string[] | undefined> {
  if (settings.workspaces !== true && settings.workspaces !== 'true') return undefined;
  const { targetPackages } = await import('./package.js');
  return targetPackages(settings, cwd).map((pkg) => pkg.name);
}
