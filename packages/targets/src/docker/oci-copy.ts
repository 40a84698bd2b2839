/**
 * Copy an image between repositories without a daemon: every blob it needs, then every
 * child manifest (for a multi-arch index) by digest. The top manifest itself is left to the
 * caller, which PUTs its exact bytes under each tag, so the digest never changes.
 *
 * On the same registry a blob is mounted from the source repository (no bytes move; a blob
 * the target has already is simply confirmed). Otherwise blobs the target has are skipped
 * (HEAD), and the others are read from the source and uploaded.
 */
import type { Reporter } from '@deploy-actions/action-kit/log';
import { childManifests, isIndex, referencedBlobs, type Descriptor, type Manifest } from './oci-manifests.js';
import type { OciRepository } from './oci-repository.js';

export interface CopyStats {
  manifests: number;
  blobsMounted: number;
  blobsUploaded: number;
  blobsPresent: number;
  bytesUploaded: number;
}

export interface CopyOptions {
  source: OciRepository;
  target: OciRepository;
  /** Whether both live on the same registry, so blobs can be mounted. */
  sameRegistry: boolean;
  reporter?: Reporter;
  /** Blobs moved at once. */
  concurrency?: number;
}

/** Run `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

export function sameRepository(a: OciRepository, b: OciRepository): boolean {
  return a.endpoint === b.endpoint && a.repository === b.repository;
}

/** Make `manifest` (from `source`) complete in `target`, except for its own tag. */
export async function copyImageContent(manifest: Manifest, options: CopyOptions): Promise<CopyStats> {
  const stats: CopyStats = {
    manifests: 0,
    blobsMounted: 0,
    blobsUploaded: 0,
    blobsPresent: 0,
    bytesUploaded: 0,
  };
  if (sameRepository(options.source, options.target)) return stats;
  await copyTree(manifest, options, stats, true);
  return stats;
}

async function copyTree(
  manifest: Manifest,
  options: CopyOptions,
  stats: CopyStats,
  top: boolean,
): Promise<void> {
  const { source, target } = options;
  if (!top && (await target.headManifest(manifest.digest))) return;
  if (isIndex(manifest)) {
    for (const child of childManifests(manifest)) {
      const childManifest = await source.getManifest(child.digest);
      if (!childManifest)
        throw new Error(
          `${source.registryName}: ${source.repository} lists ${child.digest} in its index but does not have it`,
        );
      await copyTree(childManifest, options, stats, false);
    }
  } else {
    await eachLimited(referencedBlobs(manifest), options.concurrency ?? 4, (blob) =>
      copyBlob(blob, options, stats),
    );
  }
  // Children go in by digest, before the index that names them (registries check that).
  if (!top) {
    await target.putManifest(manifest.digest, manifest);
    stats.manifests++;
  }
}

async function copyBlob(blob: Descriptor, options: CopyOptions, stats: CopyStats): Promise<void> {
  const { source, target } = options;
  // A mount of a blob the target already has just answers 201: no need to ask first.
  if (options.sameRegistry && (await target.mountBlob(blob.digest, source.repository))) {
    stats.blobsMounted++;
    return;
  }
  if (await target.hasBlob(blob.digest)) {
    stats.blobsPresent++;
    return;
  }
  const data = await source.getBlob(blob.digest, blob.size);
  await target.uploadBlob(blob.digest, data);
  stats.blobsUploaded++;
  stats.bytesUploaded += data.length;
  options.reporter?.debug(`copied ${blob.digest} (${data.length} bytes) to ${target.repository}`);
}
