/**
 * What a winget target accepts: its keys in the config file and the inputs of publish-winget
 * (same names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { BINARY_SETTINGS, COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  ...BINARY_SETTINGS,
  registry: {
    kind: 'url',
    description: 'The GitHub API base; default GITHUB_API_URL, else https://api.github.com.',
  },
  id: {
    kind: 'string',
    description:
      'The PackageIdentifier, Publisher.Name (e.g. Acme.App): the manifests live in manifests/<a>/<Acme>/<App>/.',
    required: true,
  },
  fork: {
    kind: 'string',
    description:
      "Your fork of the winget repository (owner/winget-pkgs): the version's branch is pushed there; it is synced with upstream first.",
    required: true,
  },
  repository: {
    kind: 'string',
    description: 'The winget manifests repository the pull request goes to.',
    default: 'microsoft/winget-pkgs',
  },
  publisher: { kind: 'string', description: "The Publisher shown by winget; default: the id's first part." },
  'package-name': { kind: 'string', description: "The PackageName; default: the id's last part." },
  license: { kind: 'string', description: "The License (e.g. MIT); default: the repository's SPDX licence." },
  'short-description': {
    kind: 'string',
    description: "The ShortDescription; default: the repository's description.",
  },
  moniker: { kind: 'string', description: 'The Moniker (the short name users type); default: the binary.' },
  tags: { kind: 'list', description: 'Tags (search terms), at most 16.' },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['WINGET_TOKEN'];
