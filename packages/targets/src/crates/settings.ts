/**
 * What a crates target accepts: its keys in the config file and the inputs of publish-crates
 * (same names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  // A string, not a url: cargo spells sparse indexes `sparse+https://...`; read-settings.ts validates it.
  registry: {
    kind: 'string',
    description:
      'The sparse index (sparse+https://host/index/ or https://host/index/); defaults to crates.io.',
  },
  manifest: {
    kind: 'path',
    description: 'Path to the Cargo.toml of the crate or workspace.',
    default: 'Cargo.toml',
  },
  package: {
    kind: 'list',
    description: 'Crates of a workspace to publish; defaults to every publishable one.',
  },
  'registry-name': { kind: 'string', description: 'Name of an alternate registry (cargo --registry).' },
  'index-timeout': {
    kind: 'string',
    description: 'How long to wait for a crate to appear in the index.',
    default: '5m',
  },
  concurrency: {
    kind: 'int',
    description:
      'How many packages of a workspace are published at once (each as soon as the ones it needs are published); default: 2 per CPU core, 4 to 16.',
  },
  verify: {
    kind: 'bool',
    description: 'Build the packaged crate before uploading, as cargo publish does (false: --no-verify).',
    default: true,
  },
  'allow-dirty': {
    kind: 'bool',
    description: 'Publish even when the git working tree has uncommitted changes (cargo --allow-dirty).',
    default: false,
  },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['CARGO_REGISTRY_TOKEN'];
