/**
 * What a Snap target accepts: its keys in the config file and the inputs of publish-snap (same
 * names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { BINARY_SETTINGS, COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  ...BINARY_SETTINGS,
  registry: {
    kind: 'url',
    description:
      'The store dashboard (push, release); default https://dashboard.snapcraft.io. Set alone, it also serves storage and info (a test or private store).',
  },
  snap: { kind: 'string', required: true, description: 'The registered snap name, e.g. acme.' },
  channels: {
    kind: 'list',
    description:
      'Channels to release to; default stable for a stable version, beta for a prerelease. A prerelease is never released to stable.',
  },
  summary: {
    kind: 'string',
    description: "One line (at most 78 characters); default the repository's description.",
  },
  description: { kind: 'string', description: 'Longer text; default the summary.' },
  confinement: {
    kind: ['strict', 'classic', 'devmode'],
    default: 'strict',
    description: 'The snap confinement.',
  },
  base: { kind: 'string', default: 'core22', description: 'The base snap.' },
  'storage-url': {
    kind: 'url',
    description: 'The upload storage; default https://storage.snapcraftcontent.com.',
  },
  'api-url': {
    kind: 'url',
    description: 'The store API for info (channel map); default https://api.snapcraft.io.',
  },
  'review-timeout': {
    kind: 'int',
    default: 600,
    description: 'Seconds to wait for the store to process an upload before giving up.',
  },
};

/** The environment variables that hold the credential (snapcraft export-login) by default. */
export const TOKEN_ENV: readonly string[] = ['SNAPCRAFT_STORE_CREDENTIALS'];
