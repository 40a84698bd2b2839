/**
 * Every target type, one line each: its folder's settings and credential variables, and lazy
 * loaders of its registry client and publisher (whose module also exports `rollback` where the
 * registry allows one). Each loader is a dynamic import, so a type's code is its own chunk,
 * loaded only when a target of that type runs. Adding a target type is adding its folder
 * (client.ts, publish.ts, settings.ts) and one line here.
 */
import type { RegistryModule } from './client-types.js';
import type { PublisherModule } from './publish-types.js';
import type { SettingSpec } from './setting-spec.js';
import * as aur from './aur/settings.js';
import * as crates from './crates/settings.js';
import * as docker from './docker/settings.js';
import * as flatpak from './flatpak/settings.js';
import * as githubRelease from './github-release/settings.js';
import * as homebrew from './homebrew/settings.js';
import * as scoop from './scoop/settings.js';
import * as npm from './npm/settings.js';
import * as pypi from './pypi/settings.js';
import * as winget from './winget/settings.js';
import * as chocolatey from './chocolatey/settings.js';
import * as snap from './snap/settings.js';

export type { ClientOptions, RegistryClient, RegistryModule, TargetIdentity } from './client-types.js';
export type * from './publish-types.js';
export type * from './setting-spec.js';
export type { BinaryArchive, BinaryRelease, PlannedBinaries } from './binaries/release.js';

/** The archives a package manager of binaries points at (lazy: only those targets load it). */
export const loadBinaries = () => import('./binaries/release.js');

export interface TargetDefinition {
  /** The keys of a config target of this type, and the inputs of its publish action. */
  settings: Record<string, SettingSpec>;
  /** The environment variables that hold the credential by default. */
  tokenEnv: readonly string[];
  /** Where a target's settings change them (GitHub Packages: GITHUB_TOKEN); default tokenEnv. */
  tokenEnvFor?: (settings: Record<string, unknown>, env: NodeJS.ProcessEnv) => readonly string[];
  client: () => Promise<RegistryModule>;
  publisher: () => Promise<PublisherModule>;
}

type Declared = {
  SETTINGS: Record<string, SettingSpec>;
  TOKEN_ENV: readonly string[];
  tokenEnvFor?: TargetDefinition['tokenEnvFor'];
};
const target = (
  declared: Declared,
  client: TargetDefinition['client'],
  publisher: TargetDefinition['publisher'],
): TargetDefinition => ({
  settings: declared.SETTINGS,
  tokenEnv: declared.TOKEN_ENV,
  tokenEnvFor: declared.tokenEnvFor,
  client,
  publisher,
});

export const TARGETS = {
  npm: target(
    npm,
    () => import('./npm/client.js'),
    () => import('./npm/publish.js'),
  ),
  pypi: target(
    pypi,
    () => import('./pypi/client.js'),
    () => import('./pypi/publish.js'),
  ),
  crates: target(
    crates,
    () => import('./crates/client.js'),
    () => import('./crates/publish.js'),
  ),
  docker: target(
    docker,
    () => import('./docker/client.js'),
    () => import('./docker/publish.js'),
  ),
  'github-release': target(
    githubRelease,
    () => import('./github-release/client.js'),
    () => import('./github-release/publish.js'),
  ),
  flatpak: target(
    flatpak,
    () => import('./flatpak/client.js'),
    () => import('./flatpak/publish.js'),
  ),
  homebrew: target(
    homebrew,
    () => import('./homebrew/client.js'),
    () => import('./homebrew/publish.js'),
  ),
  scoop: target(
    scoop,
    () => import('./scoop/client.js'),
    () => import('./scoop/publish.js'),
  ),
  winget: target(
    winget,
    () => import('./winget/client.js'),
    () => import('./winget/publish.js'),
  ),
  chocolatey: target(
    chocolatey,
    () => import('./chocolatey/client.js'),
    () => import('./chocolatey/publish.js'),
  ),
  aur: target(
    aur,
    () => import('./aur/client.js'),
    () => import('./aur/publish.js'),
  ),
  snap: target(
    snap,
    () => import('./snap/client.js'),
    () => import('./snap/publish.js'),
  ),
} satisfies Record<string, TargetDefinition>;

export type TargetType = keyof typeof TARGETS;

function definition(type: string): TargetDefinition | undefined {
  return Object.hasOwn(TARGETS, type) ? TARGETS[type as TargetType] : undefined;
}

/** Lazy: a registry's code is loaded only when one of its targets is checked. */
export async function loadRegistry(type: string): Promise<RegistryModule> {
  const found = definition(type);
  if (!found) throw new Error(`no registry client for type ${type}`);
  return found.client();
}

/** Lazy: a publisher's code is loaded only when its target runs (or is rolled back). */
export async function loadPublisher(type: string): Promise<PublisherModule> {
  const found = definition(type);
  if (!found) throw new Error(`no publisher for type ${type}`);
  return found.publisher();
}
