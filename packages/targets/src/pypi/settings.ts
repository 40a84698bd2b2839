/**
 * What a PyPI target accepts: its keys in the config file and the inputs of publish-pypi
 * (same names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  dist: { kind: 'list', description: 'Globs of the wheels and sdists to upload.', default: ['dist/*'] },
  package: { kind: 'string', description: "The project name; defaults to the distributions' metadata." },
  'repository-url': {
    kind: 'url',
    description:
      'The upload endpoint; defaults to https://upload.pypi.org/legacy/ for pypi.org, else <registry>/legacy/.',
  },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['PYPI_TOKEN', 'PYPI_API_TOKEN'];
