/**
 * What an AUR target accepts: its keys in the config file and the inputs of publish-aur (same
 * names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { BINARY_SETTINGS, COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  ...BINARY_SETTINGS,
  registry: {
    kind: 'string',
    description:
      "The package's git repository; default ssh://aur@aur.archlinux.org/<package>.git (an ssh URL: the key is AUR_SSH_PRIVATE_KEY).",
  },
  package: {
    kind: 'string',
    required: true,
    description: 'The AUR package (pkgname = pkgbase), e.g. acme-bin.',
  },
  'known-hosts': {
    kind: 'string',
    description:
      "The git host's public key line(s) for known_hosts (what `ssh-keyscan aur.archlinux.org` prints, checked out of band). Required: host keys are never accepted unseen.",
  },
  description: { kind: 'string', description: "pkgdesc; default the repository's description." },
  license: {
    kind: 'string',
    description: "license (an SPDX id); default the repository's licence, else 'custom'.",
  },
  homepage: { kind: 'url', description: "url; default the repository's homepage, else its GitHub page." },
  rpc: {
    kind: 'url',
    description:
      'The AUR web/RPC base for the fast look-up (/rpc/v5/info); default https://aur.archlinux.org.',
  },
};

/** The environment variables that hold the credential (the ssh private key) by default. */
export const TOKEN_ENV: readonly string[] = ['AUR_SSH_PRIVATE_KEY'];
