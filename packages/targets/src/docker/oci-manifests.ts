/**
 * The manifest kinds a registry serves and what each references: an image manifest names a
 * config blob and layer blobs; an index (multi-arch) names child manifests. Docker's v2
 * manifest and manifest list are the same shapes under other media types.
 */
import { notAnAnswer, parseAnswer, type AnswerSource } from '@deploy-actions/action-kit/answer';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

/**
 * Every kind we read, in the Accept header. Without the OCI types distribution answers 404
 * for an OCI manifest, and without the list types a registry may down-convert to one platform.
 */
export const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST].join(', ');

export const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_LIST]);
export const IMAGE_TYPES = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  platform?: { architecture?: string; os?: string; variant?: string };
}

export interface Manifest {
  /** The exact bytes: re-tagging PUTs these so the digest stays the same. */
  bytes: Buffer;
  mediaType: string;
  /** sha256 of the bytes. */
  digest: string;
}

/** The OCI digest of some bytes. node:crypto loads on first use: checking a tag never needs it. */
export async function sha256Digest(data: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

interface ManifestJson {
  schemaVersion?: number;
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

function parseJson(manifest: Manifest): ManifestJson {
  try {
    return JSON.parse(manifest.bytes.toString('utf8')) as ManifestJson;
  } catch {
    throw new Error(`manifest ${manifest.digest} is not JSON`);
  }
}

const DESCRIPTOR = {
  mediaType: 'string',
  digest: 'string',
  size: 'integer',
  'urls?': ['string'],
  'platform?': 'object',
} as const;

/**
 * The manifest a registry answered, checked before anything reads it: JSON with the
 * descriptors of an index (`manifests`) or of an image (`config`, `layers`), each with a string
 * digest and media type and an integer size. A login page or a proxy's error in its place is a
 * RegistryError naming the registry, not a TypeError later on.
 */
export function checkManifest(bytes: Buffer, contentType: string | null, source: AnswerSource): void {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (/html/.test(type)) throw notAnAnswer(source, `a ${type} page`);
  const json = parseAnswer<ManifestJson>(
    bytes.toString('utf8'),
    {
      'schemaVersion?': 'integer',
      'mediaType?': 'string',
      'config?': DESCRIPTOR,
      'layers?': [DESCRIPTOR],
      'manifests?': [DESCRIPTOR],
    },
    source,
  );
  if (!json.manifests && !(json.config && json.layers))
    throw notAnAnswer(source, 'JSON that has neither `manifests` nor `config` and `layers`');
}

/** The media type of a manifest: the registry's Content-Type, else the manifest's own field. */
export function manifestKind(contentType: string | null, bytes: Buffer): string {
  const declared = contentType?.split(';')[0].trim();
  if (declared && (INDEX_TYPES.has(declared) || IMAGE_TYPES.has(declared))) return declared;
  try {
    const json = JSON.parse(bytes.toString('utf8')) as ManifestJson;
    if (json.mediaType) return json.mediaType;
    // An OCI manifest may omit mediaType; its shape tells.
    if (Array.isArray(json.manifests)) return OCI_INDEX;
    if (json.config) return OCI_MANIFEST;
  } catch {
    // fall through
  }
  return declared ?? 'application/octet-stream';
}

export const isIndex = (m: Manifest) => INDEX_TYPES.has(m.mediaType);

/** The child manifests of an index, each once. */
export function childManifests(index: Manifest): Descriptor[] {
  const seen = new Set<string>();
  return (parseJson(index).manifests ?? []).filter((d) => !seen.has(d.digest) && seen.add(d.digest));
}

/**
 * The blobs an image manifest needs in the repository: its config and layers, each once.
 * Foreign (non-distributable) layers live elsewhere by design and are not copied.
 */
export function referencedBlobs(image: Manifest): Descriptor[] {
  const json = parseJson(image);
  const seen = new Set<string>();
  return [json.config, ...(json.layers ?? [])]
    .filter((d): d is Descriptor => !!d?.digest)
    .filter((d) => !/foreign|nondistributable/.test(d.mediaType ?? '') && !d.urls?.length)
    .filter((d) => !seen.has(d.digest) && seen.add(d.digest));
}
