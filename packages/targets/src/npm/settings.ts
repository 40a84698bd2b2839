/**
 * What an npm target accepts: its keys in the config file and the inputs of publish-npm
 * (same names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';
import { GITHUB_ALIAS, isGithubPackages } from './github-packages.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  registry: {
    kind: 'url',
    aliases: [GITHUB_ALIAS],
    description:
      "The registry's base URL (default: package.json's publishConfig.registry, else registry.npmjs.org); `github`: GitHub Packages (npm.pkg.github.com, scope = the repository owner, GITHUB_TOKEN).",
  },
  path: {
    kind: 'path',
    description: 'Folder of the package.json to publish (or of the workspace root).',
    default: '.',
  },
  'dist-tag': {
    kind: 'string',
    description:
      '`auto`: latest only for the highest stable, `next` for prereleases, `vN-latest` / `vN.M-latest` for older lines; else the tag to use.',
    default: 'auto',
  },
  access: { kind: ['public', 'restricted'], description: 'Access level of a scoped package.' },
  provenance: {
    kind: ['auto', 'true', 'false'],
    description: '`auto`: on in GitHub Actions with id-token: write.',
    default: 'auto',
  },
  concurrency: {
    kind: 'int',
    description:
      'How many packages of a workspace are published at once (each as soon as the ones it needs are published); default: 2 per CPU core, 4 to 16.',
  },
  workspaces: {
    kind: 'bool',
    description: 'Publish every workspace package in dependency order.',
    default: false,
  },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['NPM_TOKEN', 'NODE_AUTH_TOKEN'];

/**
 * GitHub Packages takes the workflow's GITHUB_TOKEN, never an npmjs token: a job that publishes
 * to both has NPM_TOKEN set for the other target.
 */
export function tokenEnvFor(settings: Record<string, unknown>, env: NodeJS.ProcessEnv): readonly string[] {
  const registry = typeof settings.registry === 'string' ? settings.registry : undefined;
  return isGithubPackages(registry, env) ? ['GITHUB_TOKEN'] : TOKEN_ENV;
}
