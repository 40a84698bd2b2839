/**
 * What a docker target accepts: its keys in the config file and the inputs of publish-docker
 * (same names; scripts/gen-publish-actions.mjs writes the action.yml from this table).
 */
import { COMMON_SETTINGS, type SettingSpec } from '../setting-spec.js';

export const SETTINGS: Record<string, SettingSpec> = {
  ...COMMON_SETTINGS,
  registry: {
    kind: 'url',
    description:
      "Where the image's registry is reached instead of the host in `image`, e.g. http://127.0.0.1:5000 (loopback hosts use http by themselves).",
  },
  image: {
    kind: 'string',
    description: 'The image name, e.g. docker.io/acme/app or ghcr.io/acme/app.',
    required: true,
  },
  source: {
    kind: 'string',
    description: 'Promote this already-pushed image (repo:tag or repo@digest) instead of building.',
  },
  context: { kind: 'path', description: 'Build context (build mode).' },
  file: { kind: 'path', description: 'Dockerfile (build mode).' },
  platforms: { kind: 'list', description: 'Target platforms for a multi-arch build (buildx).' },
  'build-args': { kind: 'list', description: 'NAME=value build arguments.' },
  tags: {
    kind: 'list',
    description:
      '`auto` (X.Y.Z; X.Y, X and latest while highest in their line) and/or templates: {{version}}, {{major}}.{{minor}}, {{major}}, latest, literal tags.',
    default: ['auto'],
  },
  username: { kind: 'string', description: 'Registry user name; defaults to $DOCKER_USERNAME.' },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['DOCKER_PASSWORD'];
