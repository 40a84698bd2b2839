/**
 * What a scoop target accepts: its keys in the config file and the inputs of publish-scoop
 * (scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { BINARY_SETTINGS, COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';
import { manifestRepoSettings } from '../binaries/manifest-settings.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  ...BINARY_SETTINGS,
  bucket: {
    kind: 'string',
    description:
      'The bucket repository, owner/name (bucket/<app>.json, or <app>.json when the bucket has no bucket/ folder).',
  },
  app: {
    kind: 'string',
    description: "The app's name (bucket/<app>.json, what users install); default the build's binary.",
  },
  ...manifestRepoSettings('bucket', 'SCOOP_BUCKET_SSH_KEY'),
};

/** A token that may push to the bucket; GITHUB_TOKEN only works for a bucket in the workflow's own repository. */
export const TOKEN_ENV: readonly string[] = ['SCOOP_BUCKET_TOKEN', 'GITHUB_TOKEN'];
