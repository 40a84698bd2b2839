/**
 * What a chocolatey target accepts: its keys in the config file and the inputs of
 * publish-chocolatey (same names; scripts/gen-publish-actions.mjs writes the action.yml).
 */
import { BINARY_SETTINGS, COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  ...BINARY_SETTINGS,
  registry: {
    kind: 'url',
    description:
      'The NuGet v2 feed pushed to (<registry>/api/v2/package/) and read (<registry>/api/v2/Packages(...)); default https://push.chocolatey.org/ (read at https://community.chocolatey.org/api/v2/).',
  },
  id: {
    kind: 'string',
    description: 'The package id (lower case, e.g. acme): the .nupkg is <id>.<version>.nupkg.',
    required: true,
  },
  title: { kind: 'string', description: "The package's title; default: the id." },
  authors: { kind: 'string', description: "The software's authors; default: the repository owner." },
  description: {
    kind: 'string',
    description: "The package description (Markdown); default: the repository's description.",
  },
  'project-url': {
    kind: 'url',
    description: "The software's home page; default: the repository's homepage, else its page.",
  },
  'license-url': {
    kind: 'url',
    description: "The licence's page; default: the repository's LICENSE when GitHub recognises its licence.",
  },
  'package-source-url': {
    kind: 'url',
    description: "Where the package's source lives (Chocolatey asks for it); default: the repository's page.",
  },
  tags: { kind: 'list', description: 'Space-free tags; default: the id.' },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['CHOCOLATEY_API_KEY'];
