/**
 * Promote mode: an image already built and pushed (`source: repo:tag` or `repo@digest`, on
 * this registry or another) becomes the release, without a daemon and without a rebuild.
 * Its content (blobs, and every child manifest of a multi-arch index) is made present in the
 * target repository, then the exact manifest bytes are PUT under each tag, so every tag has
 * the source's digest.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { copyImageContent, type CopyStats } from './oci-copy.js';
import type { Manifest } from './oci-manifests.js';
import type { ManifestHead, OciRepository } from './oci-repository.js';
import { formatReference, type ImageReference } from './oci-reference.js';
import type { PlannedTag } from './tags.js';

export const shortDigest = (digest: string) => digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1');

/** The source's manifest, or a clear error when it is not there. */
export async function readSource(source: OciRepository, ref: ImageReference): Promise<Manifest> {
  const manifest = await source.getManifest(ref.digest ?? ref.tag!);
  if (!manifest)
    throw new RegistryError(
      ref.host,
      `the source image ${formatReference(ref)} was not found`,
      'Push the image first (e.g. tagged with the commit SHA), or fix source.',
      404,
    );
  return manifest;
}

export function describeCopy(stats: CopyStats): string | undefined {
  const moved = stats.blobsMounted + stats.blobsUploaded;
  if (!moved && !stats.manifests) return undefined;
  return (
    `copied ${stats.manifests ? `${stats.manifests} platform manifest${stats.manifests === 1 ? '' : 's'} and ` : ''}` +
    `${moved} blob${moved === 1 ? '' : 's'} (${stats.blobsMounted} mounted, ${stats.blobsUploaded} uploaded, ${stats.blobsPresent} already there)`
  );
}

export async function copyToTarget(
  manifest: Manifest,
  source: OciRepository,
  target: OciRepository,
  sameRegistry: boolean,
  reporter: Reporter,
): Promise<string | undefined> {
  const stats = await copyImageContent(manifest, { source, target, sameRegistry, reporter });
  return describeCopy(stats);
}

export interface TagChange {
  tag: string;
  from?: string;
}

/**
 * PUT `manifest` under every tag of the plan this version gets, unless the tag already has
 * its digest. `known` holds digests already looked up (the version tag's). The version tag
 * goes first: the floating tags follow only once it is in place. Returns what moved.
 */
export async function applyTags(
  target: OciRepository,
  manifest: Manifest,
  plan: PlannedTag[],
  known: Map<string, ManifestHead | undefined>,
  dryRun: boolean,
): Promise<TagChange[]> {
  const point = async (tag: string): Promise<TagChange | undefined> => {
    const head = known.has(tag) ? known.get(tag) : await target.headManifest(tag);
    if (head?.digest === manifest.digest) return undefined;
    if (!dryRun) await target.putManifest(tag, manifest);
    return { tag, from: head?.digest };
  };
  // One at a time: a manifest PUT rewrites the registry's link file for that digest, and
  // distribution's filesystem storage answers a concurrent read of it with a 500.
  const changes: TagChange[] = [];
  for (const planned of plan.filter((p) => p.apply)) {
    const change = await point(planned.tag);
    if (change) changes.push(change);
  }
  return changes;
}

export function describeChanges(changes: TagChange[], digest: string, dryRun: boolean): string[] {
  return changes.map(
    (c) =>
      `${dryRun ? 'would tag' : 'tagged'} ${c.tag} -> ${shortDigest(digest)}${c.from ? ` (was ${shortDigest(c.from)})` : ''}`,
  );
}

export function describeHeldBack(plan: PlannedTag[]): string[] {
  return plan.filter((p) => !p.apply).map((p) => `kept ${p.tag} where it is: ${p.reason}`);
}
