/**
 * Docker / OCI registries (Docker Hub, GHCR, Quay, ECR, a local distribution...): what is
 * published, read from the tags (`/v2/<repo>/tags/list`) and manifests (`HEAD
 * /v2/<repo>/manifests/<tag>`), the way `docker pull` reads them. A target's name is the image
 * reference without tag: docker.io/acme/app, ghcr.io/o/a, 127.0.0.1:5000/acme/app, acme/app.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { highestStable, parseSemVer } from '@deploy-actions/version';
import { RegistryAuth, type Credentials } from './oci-auth.js';
import {
  DOCKER_HUB,
  GHCR,
  imageName,
  parseImageReference,
  registryEndpoint,
  versionTag,
  type ImageReference,
} from './oci-reference.js';
import { OciRepository } from './oci-repository.js';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';

export { parseImageReference, imageName, registryEndpoint, versionTag } from './oci-reference.js';
export type { ImageReference } from './oci-reference.js';

export interface OpenOptions {
  http: HttpClient;
  /** The `registry` setting: where the image's host is reached instead (e.g. http://127.0.0.1:5000). */
  registry?: string;
  credentials?: Credentials;
  /** Share a token cache between repositories of one registry. */
  auth?: RegistryAuth;
  push?: boolean;
}

/** A repository client for an image reference. */
export function openRepository(ref: ImageReference, options: OpenOptions): OciRepository {
  const endpoint = registryEndpoint(ref.host, options.registry);
  return new OciRepository({
    http: options.http,
    endpoint,
    registryName: ref.host,
    repository: ref.repository,
    auth: options.auth ?? new RegistryAuth(options.http, ref.host, options.credentials),
    push: options.push,
  });
}

/** Parse a target name: an image reference without tag or digest. */
export function parseImageName(name: string, input = 'image'): ImageReference {
  const ref = parseImageReference(name, input);
  if (ref.tag || ref.digest)
    throw InputError.bad(
      input,
      name,
      'names a tag or digest',
      `Give the image name only (e.g. ${imageName(ref)}); the tags come from the version and 'tags'.`,
    );
  return ref;
}

/**
 * The user paired with the default credential: on ghcr.io the workflow's actor (GITHUB_TOKEN is
 * the default password there), elsewhere DOCKER_USERNAME.
 */
export function defaultUsername(host: string, env: NodeJS.ProcessEnv): string | undefined {
  const pick = (value: string | undefined) => value?.trim() || undefined;
  return host === GHCR ? pick(env.GITHUB_ACTOR) : pick(env.DOCKER_USERNAME);
}

/** Credentials from a user name and a password or token; undefined unless both are there. */
export function credentialsFrom(
  username: string | undefined,
  password: string | undefined,
): Credentials | undefined {
  return username && password ? { username, password } : undefined;
}

/** A page a person can open for a tag. */
export function tagPageUrl(ref: ImageReference, tag: string, endpoint: string): string {
  const [owner, ...rest] = ref.repository.split('/');
  if (ref.host === DOCKER_HUB)
    return owner === 'library'
      ? `https://hub.docker.com/_/${rest.join('/')}/tags?name=${tag}`
      : `https://hub.docker.com/r/${ref.repository}/tags?name=${tag}`;
  // ghcr.io sends a browser on to the package's page on GitHub.
  if (ref.host === 'ghcr.io') return `https://ghcr.io/${ref.repository}`;
  if (ref.host === 'quay.io') return `https://quay.io/repository/${ref.repository}?tab=tags&tag=${tag}`;
  return `${endpoint}/v2/${ref.repository}/manifests/${tag}`;
}

export function createClient(name: string, options: ClientOptions): RegistryClient {
  const ref = parseImageName(name);
  const username = options.username || defaultUsername(ref.host, options.env ?? {});
  const repo = openRepository(ref, {
    http: options.http,
    registry: options.registry,
    credentials: credentialsFrom(username, options.token),
  });
  let tags: Promise<string[]> | undefined;
  const allTags = () => (tags ??= repo.listTags());
  return {
    id: `docker:${imageName(ref)}`,
    registry: repo.endpoint,
    exists: async (version) => (await repo.headManifest(versionTag(version))) !== undefined,
    versions: async () => (await allTags()).filter((tag) => parseSemVer(tag)),
    latest: async () => highestStable(await allTags()),
    url: (version) => tagPageUrl(ref, versionTag(version), repo.endpoint),
  };
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  const image = typeof settings.image === 'string' ? settings.image : '';
  if (!image) throw InputError.missing('image', 'Name the image, e.g. docker.io/acme/app.');
  const ref = parseImageName(image);
  return {
    name: imageName(ref),
    registry: typeof settings.registry === 'string' ? settings.registry : undefined,
  };
}
