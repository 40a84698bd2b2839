/**
 * Image references as Docker spells them (`docker.io/acme/app`, `ghcr.io/o/a:tag`,
 * `127.0.0.1:5000/acme/app@sha256:…`, `acme/app`, `app`), and where their registry's API is
 * reached. Follows the grammar of distribution's `reference` package.
 */
import { InputError } from '@deploy-actions/action-kit/errors';

export interface ImageReference {
  /** The registry host as users write it: docker.io, ghcr.io, 127.0.0.1:5000. */
  host: string;
  /** The repository path inside the registry: acme/app, library/app. */
  repository: string;
  tag?: string;
  /** sha256:… */
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API does not live at docker.io. */
const DOCKER_HUB_API = 'registry-1.docker.io';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

export const GHCR = 'ghcr.io';

/** Whether the first path part names a registry (a dot, a port, or localhost), as Docker decides. */
function isHost(part: string): boolean {
  return part.includes('.') || part.includes(':') || part === 'localhost' || part.startsWith('[');
}

/**
 * Parse a reference; throws an InputError naming `input` when it is not one. `acme/app` is
 * docker.io/acme/app and `app` is docker.io/library/app, as `docker pull` reads them.
 */
export function parseImageReference(text: string, input = 'image'): ImageReference {
  const raw = text.trim();
  const bad = (why: string, hint?: string) =>
    InputError.bad(
      input,
      text,
      why,
      hint ?? 'Use e.g. docker.io/acme/app, ghcr.io/acme/app or 127.0.0.1:5000/acme/app.',
    );
  if (!raw) throw InputError.missing(input);
  if (/^[a-z]+:\/\//i.test(raw))
    throw bad(
      'is a URL, not an image reference',
      'Drop the scheme: use e.g. ghcr.io/acme/app; set `registry` for a plain-HTTP registry.',
    );
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest))
      throw bad('has a malformed digest', 'A digest looks like sha256:<64 hex digits>.');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag))
      throw bad('has an invalid tag', 'A tag is 1-128 letters, digits, _, . or -, not starting with . or -.');
  }
  const parts = rest.split('/');
  let host = DOCKER_HUB;
  if (parts.length > 1 && isHost(parts[0])) host = parts.shift()!;
  if (host === 'index.docker.io' || host === DOCKER_HUB_API) host = DOCKER_HUB;
  if (host === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  // ghcr.io's namespace is the GitHub owner, whose name keeps its case (github.repository_owner
  // is `Acme`); the registry wants it lower-cased, as docker/metadata-action writes it.
  if (host.toLowerCase() === GHCR && parts.length > 1) {
    host = GHCR;
    parts[0] = parts[0].toLowerCase();
  }
  if (!parts.length || !parts.every((p) => COMPONENT.test(p)))
    throw bad(
      'is not a valid repository name',
      'Repository names are lower-case letters, digits and separators (. _ __ -), joined by /.',
    );
  const repository = parts.join('/');
  if (repository.length > 255) throw bad('has a repository name over 255 characters');
  return { host, repository, tag, digest };
}

/** The reference's name without tag or digest: `docker.io/acme/app`. */
export function imageName(ref: Pick<ImageReference, 'host' | 'repository'>): string {
  return `${ref.host}/${ref.repository}`;
}

export function formatReference(ref: ImageReference): string {
  return `${imageName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

function isLoopback(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/**
 * Where the registry of `host` answers: `https://<host>` (Docker Hub: registry-1.docker.io),
 * plain http for loopback hosts as Docker allows, or `override` (the `registry` setting) when
 * given, which may be http:// for a local registry. No trailing slash.
 */
export function registryEndpoint(host: string, override?: string): string {
  if (override) return override.replace(/\/+$/, '');
  if (host === DOCKER_HUB) return `https://${DOCKER_HUB_API}`;
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}

/** The host[:port] of an endpoint, as docker login and config.json key it. */
export function endpointHost(endpoint: string): string {
  return new URL(endpoint).host;
}

/** A version as a Docker tag: tags cannot hold `+`, so build metadata joins with `-` (as docker/metadata-action does). */
export function versionTag(version: string): string {
  return version.replace(/\+/g, '-');
}
