/**
 * What a homebrew target accepts: its keys in the config file and the inputs of
 * publish-homebrew (scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { BINARY_SETTINGS, COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';
import { manifestRepoSettings } from '../binaries/manifest-settings.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  ...BINARY_SETTINGS,
  tap: {
    kind: 'string',
    description: 'The tap repository, owner/homebrew-name (Formula/<formula>.rb in it).',
  },
  formula: { kind: 'string', description: "The formula's name; default the build's binary." },
  ...manifestRepoSettings('tap', 'HOMEBREW_TAP_SSH_KEY'),
};

/** A token that may push to the tap; GITHUB_TOKEN only works for a tap in the workflow's own repository. */
export const TOKEN_ENV: readonly string[] = ['HOMEBREW_TAP_TOKEN', 'GITHUB_TOKEN'];
