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
  username: {
    kind: 'string',
    description:
      'Registry user name; defaults to $DOCKER_USERNAME (on ghcr.io $GITHUB_ACTOR, with GITHUB_TOKEN as the password).',
  },
};

/** The environment variables that hold the credential by default. */
export const TOKEN_ENV: readonly string[] = ['DOCKER_PASSWORD'];

/** The host of an image name as the user wrote it (docker.io when it names none). */
function imageHost(image: unknown): string {
  const first = typeof image === 'string' ? image.trim().split('/')[0].toLowerCase() : '';
  return image && typeof image === 'string' && image.includes('/') && /[.:]|^localhost$/.test(first)
    ? first
    : 'docker.io';
}

/** Whether the image is on GitHub's container registry. */
export const isGhcr = (image: unknown): boolean => imageHost(image) === 'ghcr.io';

/**
 * ghcr.io takes the workflow's GITHUB_TOKEN (with GITHUB_ACTOR as user), never the Docker Hub
 * password a job that publishes to both has in DOCKER_PASSWORD.
 */
export function tokenEnvFor(settings: Record<string, unknown>): readonly string[] {
  return isGhcr(settings.image) ? ['GITHUB_TOKEN'] : TOKEN_ENV;
}
