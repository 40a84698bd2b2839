/**
 * The settings a manifest repository (Homebrew tap, Scoop bucket) shares: where it is, which
 * branch, and the ssh path's key and pinned host key. Each type adds its own keys.
 */
import type { SettingSpec } from '../setting-spec.js';

export const manifestRepoSettings = (noun: string, sshKeyEnv: string) =>
  ({
    registry: {
      kind: 'url',
      description: `A git URL of the ${noun} (https://host/path.git or ssh), pushed with git; else a GitHub API base (GitHub Enterprise), written through the Contents API. Default: api.github.com.`,
    },
    branch: { kind: 'string', description: `The ${noun}'s branch; default its default branch.` },
    'ssh-key-env': {
      kind: 'string',
      description: `ssh git URLs: the environment variable that holds the private key (default ${sshKeyEnv}).`,
    },
    'known-hosts': {
      kind: 'string',
      description:
        'ssh git URLs: the host key line(s) of the git host (`ssh-keyscan HOST`, checked out of band).',
    },
    description: { kind: 'string', description: "The manifest's description; default the repository's." },
    homepage: {
      kind: 'url',
      description: "The manifest's homepage; default the repository's, else its GitHub page.",
    },
    license: { kind: 'string', description: "An SPDX licence id; default the repository's." },
  }) satisfies Record<string, SettingSpec>;
