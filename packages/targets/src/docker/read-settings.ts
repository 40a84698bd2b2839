/**
 * A docker target's settings, read and checked before anything is sent: the image, the mode
 * (promote an existing image with `source`, or build with `context`/`file`), the tags, and
 * the credentials (username + password or token, never from the config file).
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseList } from '@deploy-actions/action-kit/parse';
import { resolveInside } from '@deploy-actions/action-kit/paths';
import { addSecret } from '@deploy-actions/action-kit/secrets';
import type { Credentials } from './oci-auth.js';
import { defaultUsername, parseImageName } from './client.js';
import { GHCR, parseImageReference, type ImageReference } from './oci-reference.js';
import { validateTagTemplates } from './tags.js';

export interface BuildSettings {
  context: string;
  file: string;
  platforms: string[];
  buildArgs: string[];
}

export interface DockerSettings {
  image: ImageReference;
  /** The `registry` setting: where the image's host is reached instead. */
  registry?: string;
  tags: string[];
  /** Promote mode: the image to copy (has a tag or digest). */
  source?: ImageReference;
  /** Build mode. */
  build?: BuildSettings;
  credentials?: Credentials;
  /** Credentials for a source on another registry (DOCKER_SOURCE_USERNAME / DOCKER_SOURCE_PASSWORD). */
  sourceCredentials?: Credentials;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;
const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map(String)
        .map((v) => v.trim())
        .filter(Boolean)
    : typeof value === 'string'
      ? parseList(value)
      : [];

const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*=/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

function readBuild(settings: Record<string, unknown>, workspace: string): BuildSettings {
  const context = resolveInside(workspace, text(settings.context) ?? '.', 'context');
  const file = text(settings.file)
    ? resolveInside(workspace, text(settings.file)!, 'file')
    : resolveInside(context, 'Dockerfile', 'file');
  const platforms = list(settings.platforms);
  for (const platform of platforms)
    if (!PLATFORM.test(platform))
      throw InputError.bad(
        'platforms',
        platform,
        'is not a platform',
        'Use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7.',
      );
  const buildArgs = list(settings['build-args']);
  for (const arg of buildArgs)
    if (!BUILD_ARG.test(arg))
      throw InputError.bad(
        'build-args',
        arg.split('=')[0],
        'is not NAME=value',
        'Write each build argument as NAME=value.',
      );
  return { context, file, platforms, buildArgs };
}

/**
 * The user name: the setting, else DOCKER_USERNAME; on ghcr.io GITHUB_ACTOR, since GHCR takes
 * the workflow's GITHUB_TOKEN (its default credential) with the actor as user. A password
 * without a user (or the reverse) is a mistake worth stopping for.
 */
function readCredentials(
  settings: Record<string, unknown>,
  host: string,
  env: NodeJS.ProcessEnv,
  token: string | undefined,
): Credentials | undefined {
  const username = text(settings.username) ?? defaultUsername(host, env);
  if (token && !username)
    throw InputError.missing(
      'username',
      host === GHCR
        ? 'A token is set but no user name: set username (GITHUB_ACTOR, the workflow actor, is the default on ghcr.io).'
        : 'A password or token is set but no user name: set username or DOCKER_USERNAME.',
    );
  if (username && !token && text(settings.username))
    throw InputError.missing(
      'token',
      host === GHCR
        ? `username is '${username}' but no token was given: set GITHUB_TOKEN (with packages: write), token-env, or the token input.`
        : `username is '${username}' but no password was given: set DOCKER_PASSWORD or the token input.`,
    );
  addSecret(token);
  return username && token ? { username, password: token } : undefined;
}

export function readDockerSettings(
  settings: Record<string, unknown>,
  context: { workspace: string; env: NodeJS.ProcessEnv; token?: string },
  mode: 'publish' | 'rollback' = 'publish',
): DockerSettings {
  const imageText = text(settings.image);
  if (!imageText)
    throw InputError.missing(
      'image',
      'Name the image to publish, e.g. docker.io/acme/app or ghcr.io/acme/app.',
    );
  const image = parseImageName(imageText, 'image');
  const tags = list(settings.tags);
  const result: DockerSettings = {
    image,
    registry: text(settings.registry),
    tags: tags.length ? tags : ['auto'],
    credentials: readCredentials(settings, image.host, context.env, context.token),
  };
  validateTagTemplates(result.tags);
  if (mode === 'rollback') return result;
  const source = text(settings.source);
  if (source) {
    if (text(settings.context) || text(settings.file))
      throw InputError.bad(
        'source',
        source,
        'is set together with context/file',
        'Either promote an existing image (source) or build one (context, file), not both.',
      );
    result.source = parseImageReference(source, 'source');
    if (!result.source.tag && !result.source.digest)
      throw InputError.bad(
        'source',
        source,
        'names neither a tag nor a digest',
        'Name the image to promote exactly, e.g. ghcr.io/acme/app:sha-1234567 or …@sha256:….',
      );
    if (result.source.host !== image.host) {
      const user = text(context.env.DOCKER_SOURCE_USERNAME);
      const password = text(context.env.DOCKER_SOURCE_PASSWORD);
      addSecret(password);
      result.sourceCredentials = user && password ? { username: user, password } : undefined;
    }
  } else if (text(settings.context) || text(settings.file)) {
    result.build = readBuild(settings, context.workspace);
  } else {
    throw InputError.missing(
      'source',
      'Set source (an image already pushed, to promote) or context (to build one).',
    );
  }
  return result;
}
