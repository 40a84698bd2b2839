/**
 * Flatpak apps: the published versions of an app id, read from Flathub's public API
 * (`GET https://flathub.org/api/v2/appstream/<app-id>`, the app's AppStream data as JSON, 404
 * for an unknown app), whose `releases` list comes from the app's metainfo, newest first.
 * Another `registry` base URL is asked the same path (a Flathub-like frontend of a
 * flat-manager). Also reads flatpak-builder manifests (YAML or JSON) for the app id.
 */
import { ConfigError, InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { checkShape, jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { blameFile, readUserFile, resolveInside } from '@deploy-actions/action-kit/paths';
import { highestStable } from '@deploy-actions/version';
import { createClient as createGitHubClient, tagVersion } from '../github-release/client.js';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';

export const FLATHUB = 'https://flathub.org';

/** Reverse-DNS with at least three parts, as `flatpak build-init` checks it. */
const APP_ID = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*){2,}$/;

export function isAppId(id: string): boolean {
  return id.length <= 255 && APP_ID.test(id);
}

export function checkAppId(id: string, input = 'app-id'): string {
  if (!isAppId(id))
    throw InputError.bad(
      input,
      id,
      'is not a Flatpak application id',
      'Use the reverse-DNS id of the app, e.g. com.acme.App.',
    );
  return id;
}

export type FlatpakManifest = Record<string, unknown> & { modules?: unknown[] };

/** Parse a flatpak-builder manifest: JSON when the file ends in .json, else YAML. */
export async function parseManifest(text: string, file: string): Promise<FlatpakManifest> {
  let data: unknown;
  const invalid = (message: string, line?: number) =>
    new ConfigError(file, line, undefined, `is not a valid flatpak-builder manifest: ${message}`);
  if (/\.json$/i.test(file)) {
    try {
      data = JSON.parse(text);
    } catch (caught) {
      throw invalid((caught as Error).message);
    }
  } else {
    // failsafe: scalars stay strings as written (a digest of digits is not a number, 1.10 not 1.1).
    const { parseYaml } = await import('@deploy-actions/action-kit/yaml');
    const doc = parseYaml(text, 'failsafe');
    if (doc.error) throw invalid(doc.error.message, doc.error.line);
    try {
      data = doc.toJS(50);
    } catch (caught) {
      throw invalid((caught as Error).message);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(
      file,
      undefined,
      undefined,
      'is not a flatpak-builder manifest (expected a mapping at the top)',
    );
  return data as FlatpakManifest;
}

export async function readManifest(file: string): Promise<FlatpakManifest> {
  return parseManifest(readUserFile(file, { blame: blameFile(file) }), file);
}

/** The manifest's app id: `app-id`, or `id` in older manifests. */
export function manifestAppId(manifest: FlatpakManifest, file: string): string {
  const id = manifest['app-id'] ?? manifest.id;
  if (typeof id !== 'string' || !id)
    throw new ConfigError(file, undefined, 'app-id', 'is missing: the manifest must name the application id');
  if (!isAppId(id))
    throw new ConfigError(file, undefined, 'app-id', `${JSON.stringify(id)} is not a Flatpak application id`);
  return id;
}

export interface AppstreamRelease {
  version?: string;
  timestamp?: string | number;
  type?: string;
}

export interface Appstream {
  id?: string;
  name?: string;
  releases?: AppstreamRelease[] | null;
}

export function appstreamUrl(base: string, appId: string): string {
  return `${base}/api/v2/appstream/${encodeURIComponent(appId)}`;
}

/**
 * The app's AppStream document, or undefined when the registry does not know the app. A public
 * read: no credential is sent (the token a target resolves may be a GitHub or flat-manager one).
 */
export async function fetchAppstream(
  http: HttpClient,
  base: string,
  appId: string,
): Promise<Appstream | undefined> {
  const res = await http.request({ url: appstreamUrl(base, appId), headers: { accept: 'application/json' } });
  if (res.status === 404) return undefined;
  if (res.status === 401 || res.status === 403)
    throw new RegistryError(
      base,
      `refused to show ${appId} (HTTP ${res.status})`,
      'The appstream API must be public.',
      res.status,
    );
  if (!res.ok) throw new Error(`${base}: GET appstream of ${appId} answered HTTP ${res.status}`);
  const source = { what: 'an AppStream document', registry: base };
  const data = jsonAnswer<unknown>(res, 'any', source);
  // Flathub answers `null` with its 404; treat it the same way.
  if (data === null) return undefined;
  return checkShape<Appstream>(
    data,
    {
      'id?': 'string',
      'name?': 'string',
      'releases?': [{ 'version?': 'string', 'timestamp?': 'string|number', 'type?': 'string' }],
    },
    { ...source, url: res.url },
  );
}

/** Release versions, newest first as AppStream lists them; development releases flagged. */
export function releaseVersions(appstream: Appstream | undefined): { version: string; stable: boolean }[] {
  const out: { version: string; stable: boolean }[] = [];
  for (const release of appstream?.releases ?? []) {
    if (typeof release?.version !== 'string' || !release.version) continue;
    out.push({
      version: release.version,
      stable: (release.type ?? 'stable') === 'stable' && !/-/.test(release.version),
    });
  }
  return out;
}

export function registryBase(registry?: string): string {
  return (registry || FLATHUB).replace(/\/+$/, '');
}

/** Flathub's page for the app; elsewhere the API document, the one thing sure to answer. */
export function appPageUrl(base: string, appId: string): string {
  return base === FLATHUB ? `${FLATHUB}/apps/${appId}` : appstreamUrl(base, appId);
}

/**
 * Bundle mode publishes `<app-id>-<version>.flatpak` on the GitHub release of the version: that
 * asset, not Flathub, says whether the version is published.
 */
function bundleClient(appId: string, repository: string, options: ClientOptions): RegistryClient {
  const releases = createGitHubClient(repository, { ...options, registry: undefined });
  const asset = (version: string) => `${appId}-${version}.flatpak`;
  const withBundle = async () =>
    (await releases.releases()).filter((r) => {
      const version = tagVersion(r.tag_name);
      const assets = (r as { assets?: { name: string }[] }).assets ?? [];
      return !r.draft && version !== undefined && assets.some((a) => a.name === asset(version));
    });
  return {
    id: `flatpak:${appId}`,
    registry: releases.registry,
    versions: async () => (await withBundle()).map((r) => tagVersion(r.tag_name)!),
    exists: async (version) => (await withBundle()).some((r) => tagVersion(r.tag_name) === version),
    latest: async () =>
      highestStable((await withBundle()).filter((r) => !r.prerelease).map((r) => tagVersion(r.tag_name)!)),
    url: (version) => `${releases.url(version)}`,
  };
}

export function createClient(name: string, options: ClientOptions): RegistryClient {
  checkAppId(name, 'targets');
  const target = options.target ?? {};
  if (target.mode === 'bundle' && typeof target.repository === 'string')
    return bundleClient(name, target.repository, options);
  const base = registryBase(options.registry);
  const releases = async () => releaseVersions(await fetchAppstream(options.http, base, name));
  return {
    id: `flatpak:${name}`,
    registry: base,
    versions: async () => (await releases()).map((r) => r.version),
    exists: async (version) =>
      (await releases()).some((r) => r.version === version || r.version === `v${version}`),
    // AppStream orders releases newest first; flatpak versions need not be SemVer.
    latest: async () => (await releases()).find((r) => r.stable)?.version,
    url: () => appPageUrl(base, name),
  };
}

/** The app id: the `app-id` setting, else the manifest's. */
export async function identify(
  settings: Record<string, unknown>,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TargetIdentity> {
  const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  const repository =
    typeof settings.repository === 'string' && settings.repository
      ? settings.repository
      : env.GITHUB_REPOSITORY;
  const target = settings.mode === 'bundle' && repository ? { mode: 'bundle', repository } : undefined;
  if (typeof settings['app-id'] === 'string' && settings['app-id'])
    return { name: checkAppId(settings['app-id']), registry, target };
  if (typeof settings.manifest !== 'string' || !settings.manifest)
    throw InputError.missing('manifest', 'Set the flatpak-builder manifest, or the app-id.');
  const file = resolveInside(cwd, settings.manifest, 'manifest');
  return { name: manifestAppId(await readManifest(file), file), registry, target };
}
