/** Homebrew taps as manifest repositories: Formula/<name>.rb, versioned by its `version` line. */
import { githubFileUrl, type ManifestFormat, type ManifestKind } from '../binaries/manifest-repo.js';
import { formulaVersion } from './formula.js';

export const HOMEBREW: ManifestKind = {
  type: 'homebrew',
  repoInput: 'tap',
  repoNoun: 'tap',
  tokenEnv: 'HOMEBREW_TAP_TOKEN',
  sshKeyEnv: 'HOMEBREW_TAP_SSH_KEY',
};

export const formulaFormat = (name: string): ManifestFormat => ({
  path: async () => `Formula/${name}.rb`,
  versionOf: formulaVersion,
  webUrl: (location, branch) => githubFileUrl(location, branch, `Formula/${name}.rb`),
});
