/**
 * The settings of a crates target, checked and typed before anything runs: which manifest,
 * which crates, which registry (and how cargo must name it), how long to wait for the index.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseBool, parseDuration } from '@deploy-actions/action-kit/parse';
import { cargoEnvName, indexFromCargoConfig, manifestFile, packageSetting } from './manifest.js';
import { cargoIndexUrl, isCratesIoIndex, normalizeIndexUrl } from './client.js';
import { dirname } from 'node:path';

/** The name cargo gives a registry set only by URL: cargo needs a name for `--registry`. */
export const DEFAULT_REGISTRY_NAME = 'deploy-actions';

export interface CratesSettings {
  /** The Cargo.toml (absolute, inside the workspace). */
  manifest: string;
  /** Crates named by `package`; empty: the manifest's own crate, or every publishable member. */
  packages: string[];
  /** The sparse index root, plain http(s), ending in `/`. */
  indexUrl: string;
  /** cargo's `--registry` name; undefined for crates.io. */
  registryName?: string;
  /** What to call the registry in messages. */
  label: string;
  /** The variable cargo reads the token from. */
  tokenEnv: string;
  indexTimeoutMs: number;
  verify: boolean;
  allowDirty: boolean;
}

function flag(settings: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = settings[name];
  if (value === undefined || value === '') return fallback;
  return typeof value === 'boolean' ? value : parseBool(name, String(value));
}

function registryNameSetting(settings: Record<string, unknown>): string | undefined {
  const raw = settings['registry-name'];
  if (raw === undefined || raw === '') return undefined;
  const name = String(raw).trim();
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw InputError.bad(
      'registry-name',
      raw,
      'is not a cargo registry name',
      'Use letters, digits, - and _ only, as in [registries.NAME].',
    );
  return name;
}

export function parseCratesSettings(
  settings: Record<string, unknown>,
  workspace: string,
  env: NodeJS.ProcessEnv,
): CratesSettings {
  const manifest = manifestFile(settings, workspace);
  let registryName = registryNameSetting(settings);
  const explicit =
    typeof settings.registry === 'string' && settings.registry.trim() ? settings.registry : undefined;
  let indexSource = explicit;
  if (!indexSource && registryName && registryName !== 'crates-io') {
    indexSource = indexFromCargoConfig(registryName, dirname(manifest), env);
    if (!indexSource)
      throw InputError.bad(
        'registry-name',
        registryName,
        'is not defined in any cargo config (no registries.<name>.index)',
        'Set `registry` to its sparse index URL as well, e.g. sparse+https://my-registry.example/index/.',
      );
  }
  const indexUrl = normalizeIndexUrl(indexSource, explicit ? 'registry' : 'registry-name');
  if (isCratesIoIndex(indexUrl)) registryName = undefined;
  else registryName ??= DEFAULT_REGISTRY_NAME;
  const timeoutRaw = settings['index-timeout'];
  return {
    manifest,
    packages: packageSetting(settings),
    indexUrl,
    registryName,
    label: registryName ? `registry ${registryName} (${cargoIndexUrl(indexUrl)})` : 'crates.io',
    tokenEnv: registryName ? `CARGO_REGISTRIES_${cargoEnvName(registryName)}_TOKEN` : 'CARGO_REGISTRY_TOKEN',
    indexTimeoutMs:
      timeoutRaw === undefined || timeoutRaw === ''
        ? 300_000
        : parseDuration('index-timeout', String(timeoutRaw)),
    verify: flag(settings, 'verify', true),
    allowDirty: flag(settings, 'allow-dirty', false),
  };
}
