/**
 * What a flatpak target accepts: its keys in the config file and the inputs of publish-flatpak
 * (same names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  registry: {
    kind: 'url',
    description:
      'flat-manager mode: the flat-manager base URL (required). Version checks read <registry>/api/v2/appstream/<app-id>; default https://flathub.org.',
  },
  manifest: {
    kind: 'path',
    description: 'The flatpak-builder manifest (YAML or JSON), inside the workspace.',
    required: true,
  },
  mode: {
    kind: ['bundle', 'flat-manager', 'flathub-pr'],
    description:
      "`bundle`: attach <app-id>-<version>.flatpak to the GitHub release; `flat-manager`: push the build to `registry`; `flathub-pr`: open the version's pull request on the Flathub repository.",
    default: 'bundle',
  },
  'app-id': { kind: 'string', description: 'The application id; defaults to the manifest.' },
  repository: {
    kind: 'string',
    description:
      'bundle: the GitHub repository whose release gets the .flatpak (default: this repository); flathub-pr: the Flathub repository (default: flathub/<app-id>).',
  },
  'flat-manager-repo': {
    kind: 'string',
    description: 'flat-manager: the repository name.',
    default: 'stable',
  },
  branch: {
    kind: 'string',
    description: 'The Flatpak branch, unless the manifest sets `branch`.',
    default: 'stable',
  },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['FLAT_MANAGER_TOKEN', 'GITHUB_TOKEN'];
