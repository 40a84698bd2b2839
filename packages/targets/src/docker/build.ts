/**
 * Build mode: build the image and push it as the version tag with the docker CLI, then the
 * other tags are added by the registry API (same manifest, same digest, no second push).
 * `docker buildx build --push` when buildx is there (multi-platform), else `docker build`
 * and `docker push`. Credentials go into a private DOCKER_CONFIG under the run's temp
 * folder (config.json, 0600), never into argv.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { exec, execOk, ExecError } from '@deploy-actions/action-kit/exec';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { Credentials } from './oci-auth.js';
import { DOCKER_HUB, endpointHost, registryEndpoint, type ImageReference } from './oci-reference.js';
import type { BuildSettings } from './read-settings.js';

export interface BuildRequest {
  build: BuildSettings;
  /** image:X.Y.Z as the docker CLI must name it (the registry override's host, if any). */
  reference: string;
  labels: Record<string, string>;
  /** Where buildx may write its metadata file. */
  tempDir: string;
}

/** Where the docker CLI pushes: the `registry` override's host, else the image's own. */
export function cliReference(image: ImageReference, registry: string | undefined, tag: string): string {
  const host = registry ? endpointHost(registryEndpoint(image.host, registry)) : image.host;
  return `${host}/${image.repository}:${tag}`;
}

/** The OCI annotation labels every built image carries. */
export function ociLabels(version: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const labels: Record<string, string> = { 'org.opencontainers.image.version': version };
  if (env.GITHUB_SHA) labels['org.opencontainers.image.revision'] = env.GITHUB_SHA;
  if (env.GITHUB_REPOSITORY)
    labels['org.opencontainers.image.source'] =
      `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
  return labels;
}

function commonBuildArgs(request: BuildRequest): string[] {
  const args = ['--file', request.build.file, '--tag', request.reference];
  for (const [key, value] of Object.entries(request.labels)) args.push('--label', `${key}=${value}`);
  for (const arg of request.build.buildArgs) args.push('--build-arg', arg);
  return args;
}

/** `docker buildx build --push …`: multi-platform, pushed by BuildKit itself. */
export function buildxArgv(request: BuildRequest): string[] {
  const args = ['buildx', 'build', '--push', ...commonBuildArgs(request)];
  if (request.build.platforms.length) args.push('--platform', request.build.platforms.join(','));
  args.push('--metadata-file', join(request.tempDir, 'buildx-metadata.json'), request.build.context);
  return args;
}

/** `docker build …` then `docker push <ref>`: the classic builder, one platform. */
export function classicArgv(request: BuildRequest): string[][] {
  const { platforms } = request.build;
  if (platforms.length > 1)
    throw InputError.bad(
      'platforms',
      platforms.join(','),
      'needs docker buildx, which is not installed here',
      'Install buildx (docker/setup-buildx-action), or build one platform.',
    );
  const build = ['build', ...commonBuildArgs(request)];
  if (platforms.length) build.push('--platform', platforms[0]);
  build.push(request.build.context);
  return [build, ['push', request.reference]];
}

/** Whether the docker CLI has buildx (`docker buildx version` succeeds). */
export async function hasBuildx(env: Record<string, string | undefined>): Promise<boolean> {
  try {
    return (await exec('docker', ['buildx', 'version'], { env, timeoutMs: 30_000 })).code === 0;
  } catch {
    return false;
  }
}

/** The key config.json uses for a registry host; Docker Hub keeps its historical one. */
export function configKey(host: string): string {
  return host === DOCKER_HUB ? 'https://index.docker.io/v1/' : host;
}

/**
 * A private DOCKER_CONFIG with the credentials for `host`. The user's own config (other
 * registries' inline auths, buildx builders, CLI plugins) is carried over, so a builder set
 * up by docker/setup-buildx-action still works; a credential store is dropped because it
 * would take precedence over the inline auth we write.
 */
export function writeDockerConfig(
  dir: string,
  host: string,
  credentials: Credentials,
  env: NodeJS.ProcessEnv,
): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const original = env.DOCKER_CONFIG || join(homedir(), '.docker');
  let config: {
    auths?: Record<string, { auth: string }>;
    credsStore?: string;
    credHelpers?: Record<string, string>;
  } = {};
  try {
    config = JSON.parse(readFileSync(join(original, 'config.json'), 'utf8'));
  } catch {
    // no readable config of the user's: start empty
  }
  delete config.credsStore;
  if (config.credHelpers) delete config.credHelpers[configKey(host)];
  config.auths = {
    ...config.auths,
    [configKey(host)]: {
      auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
    },
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  for (const shared of ['cli-plugins', 'buildx', 'contexts']) {
    const from = join(original, shared);
    if (existsSync(from) && !existsSync(join(dir, shared))) symlinkSync(from, join(dir, shared));
  }
  return dir;
}

async function run(
  args: string[],
  env: Record<string, string | undefined>,
  reporter: Reporter,
  host: string,
): Promise<void> {
  reporter.info(`docker ${args.join(' ')}`);
  try {
    await execOk('docker', args, { env, onLine: (line) => reporter.info(line) });
  } catch (error) {
    if (
      error instanceof ExecError &&
      /unauthorized|authentication required|denied|403 Forbidden|401 Unauthorized/i.test(error.message)
    )
      throw new RegistryError(
        host,
        `refused the push of ${args[args.length - 1]}: ${error.message.split('\n').pop()}`,
        'Check username / DOCKER_USERNAME and DOCKER_PASSWORD: they need write access to this repository.',
      );
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InputError(
        'context',
        'build mode needs the docker CLI, which is not on PATH',
        'Install docker, or promote an image built elsewhere with source.',
      );
    throw error;
  }
}

/** Build and push the version tag. */
export async function buildAndPush(
  request: BuildRequest,
  env: Record<string, string | undefined>,
  reporter: Reporter,
  host: string,
): Promise<'buildx' | 'docker'> {
  if (await hasBuildx(env)) {
    await run(buildxArgv(request), env, reporter, host);
    return 'buildx';
  }
  for (const args of classicArgv(request)) await run(args, env, reporter, host);
  return 'docker';
}
