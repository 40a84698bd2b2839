/**
 * What a github-release target accepts: its keys in the config file and the inputs of
 * publish-github-release (same names; scripts/gen-publish-actions.mjs writes the action.yml
 * from this table).
 */
import { COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  repository: { kind: 'string', description: 'owner/name; defaults to the workflow repository.' },
  assets: { kind: 'list', description: 'Globs of files to attach.' },
  checksums: { kind: 'bool', description: 'Attach a SHA256SUMS file.', default: true },
  draft: { kind: 'bool', description: 'Create the release as a draft.', default: false },
  prerelease: {
    kind: ['auto', 'true', 'false'],
    description: '`auto`: from the version.',
    default: 'auto',
  },
  'make-latest': {
    kind: ['auto', 'true', 'false'],
    description: '`auto`: only for the highest stable.',
    default: 'auto',
  },
  body: { kind: 'string', description: 'Release notes; generated when neither body nor body-file is set.' },
  'body-file': { kind: 'path', description: 'A file with the release notes.' },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['GITHUB_TOKEN'];
