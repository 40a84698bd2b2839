/**
 * Docker / OCI publisher. Promote mode copies an already-pushed image (`source`) to the
 * version's tags through the registry API, daemonless; build mode builds and pushes with the
 * docker CLI, then adds the other tags through the API. Either way every tag of a release
 * carries the same manifest digest.
 *
 * Idempotent: when X.Y.Z already has the digest being published the version is `skipped`,
 * and only the floating tags this version should own (X.Y, X, latest) are re-pointed if
 * they are behind. X.Y.Z with another digest is an error unless `force`, which retags it.
 */
import { join } from 'node:path';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { RegistryAuth } from './oci-auth.js';
import { openRepository, tagPageUrl } from './client.js';
import type { Manifest } from './oci-manifests.js';
import { formatReference, imageName } from './oci-reference.js';
import type { ManifestHead, OciRepository } from './oci-repository.js';
import { buildAndPush, cliReference, ociLabels, writeDockerConfig } from './build.js';
import {
  applyTags,
  copyToTarget,
  describeChanges,
  describeHeldBack,
  readSource,
  shortDigest,
} from './promote.js';
import { rollbackDocker } from './rollback.js';
import { readDockerSettings, type DockerSettings } from './read-settings.js';
import { planTags, type PlannedTag } from './tags.js';
import type { Publish, PublishContext, PublishResult, Rollback } from '../publish-types.js';
import { semverOf } from '../publish-types.js';

/** Promote mode: where the image comes from, and its manifest. */
interface PromoteSource {
  repository: OciRepository;
  manifest: Manifest;
  /** On the target's registry, so blobs can be mounted. */
  sameRegistry: boolean;
}

interface Prepared {
  settings: DockerSettings;
  target: OciRepository;
  plan: PlannedTag[];
  versionTag: string;
  /** What the version tag points at now. */
  current: ManifestHead | undefined;
  /** The repository's tags when we listed them. */
  listed: Set<string>;
  source?: PromoteSource;
}

async function readPromoteSource(
  settings: DockerSettings,
  auth: RegistryAuth,
  ctx: PublishContext,
): Promise<PromoteSource> {
  const ref = settings.source!;
  const sameRegistry = ref.host === settings.image.host;
  const repository = openRepository(ref, {
    http: ctx.http,
    registry: sameRegistry ? settings.registry : undefined,
    auth: sameRegistry ? auth : undefined,
    credentials: settings.sourceCredentials,
  });
  return { repository, manifest: await readSource(repository, ref), sameRegistry };
}

async function prepare(rawSettings: Record<string, unknown>, ctx: PublishContext): Promise<Prepared> {
  const settings = readDockerSettings(rawSettings, ctx);
  const auth = new RegistryAuth(ctx.http, settings.image.host, settings.credentials);
  const target = openRepository(settings.image, {
    http: ctx.http,
    registry: settings.registry,
    auth,
    push: !ctx.dryRun,
  });
  // The version's own tag does not depend on the listing (planning without one also checks
  // the templates before anything is sent), so the three reads go out together: the
  // listing, the version tag (always asked for: a listing can lag, and X.Y.Z on another
  // digest must stop the release unless force) and, when promoting, the source manifest.
  const versionTag = planTags(semverOf(ctx.version, 'Docker'), settings.tags, [])[0].tag;
  const [listed, current, source] = await Promise.all([
    target.listTags(),
    target.headManifest(versionTag),
    settings.source ? readPromoteSource(settings, auth, ctx) : undefined,
  ]);
  const plan = planTags(semverOf(ctx.version, 'Docker'), settings.tags, listed);
  return { settings, target, plan, versionTag, current, listed: new Set(listed), source };
}

function conflict(p: Prepared, digest: string): RegistryError {
  return new RegistryError(
    p.settings.image.host,
    `${imageName(p.settings.image)}:${p.versionTag} already exists with digest ${p.current!.digest}, not ${digest}`,
    'Docker tags can be moved: set force: true to retag it (whoever pulled the old digest keeps it).',
    409,
  );
}

async function finish(
  p: Prepared,
  manifest: Manifest,
  ctx: PublishContext,
  versionWasThere: boolean,
  notes: string[],
  /** Why the version was there, when not a rerun (another run tagged it meanwhile). */
  thereBecause?: string,
): Promise<PublishResult> {
  // A floating tag the listing did not have needs no lookup before its PUT: had it appeared
  // since, the PUT moves it all the same (what the lookup decides is only whether to skip).
  const known = new Map<string, ManifestHead | undefined>([[p.versionTag, p.current]]);
  for (const { tag } of p.plan) if (tag !== p.versionTag && !p.listed.has(tag)) known.set(tag, undefined);
  const changes = await applyTags(p.target, manifest, p.plan, known, ctx.dryRun);
  const status = versionWasThere ? 'skipped' : ctx.dryRun ? 'dry-run' : 'published';
  if (versionWasThere)
    notes.unshift(thereBecause ?? `${p.versionTag} already points at ${shortDigest(manifest.digest)}`);
  notes.push(...describeChanges(changes, manifest.digest, ctx.dryRun), ...describeHeldBack(p.plan));
  for (const note of notes) ctx.reporter.info(`docker: ${note}`);
  return {
    status,
    digest: manifest.digest,
    url: tagPageUrl(p.settings.image, p.versionTag, p.target.endpoint),
    notes,
  };
}

async function promote(p: Prepared, ctx: PublishContext): Promise<PublishResult> {
  const { repository: source, manifest, sameRegistry } = p.source!;
  ctx.reporter.info(
    `docker: promoting ${formatReference(p.settings.source!)} (${shortDigest(manifest.digest)}) to ${imageName(p.settings.image)}`,
  );
  const versionWasThere = p.current?.digest === manifest.digest;
  if (p.current && !versionWasThere && !ctx.force) throw conflict(p, manifest.digest);
  const notes: string[] = [];
  if (versionWasThere || ctx.dryRun) return finish(p, manifest, ctx, versionWasThere, notes);
  const copied = await copyToTarget(manifest, source, p.target, sameRegistry, ctx.reporter);
  if (copied) notes.push(copied);
  // Another release run of the same version may have tagged it while we copied: ask again just
  // before the PUT (registries have no conditional PUT), and once more after it.
  const now = await p.target.headManifest(p.versionTag);
  if (now?.digest !== p.current?.digest) {
    if (now?.digest === manifest.digest) {
      p.current = now;
      return finish(p, manifest, ctx, true, notes, anotherRunTagged(p, manifest));
    }
    if (now && !ctx.force) throw raced(p, now.digest, manifest.digest);
    p.current = now;
  }
  let result: PublishResult;
  try {
    result = await finish(p, manifest, ctx, false, notes);
  } catch (error) {
    // Two runs copying the same blobs into one repository at once: the registry can refuse one
    // run's manifest (DIGEST_INVALID, BLOB_UNKNOWN) while the other's upload of a shared blob is
    // half done. If the other run has tagged our digest by now, the version is published; else
    // copy and tag once more (the same manifest: a repeated PUT changes nothing).
    const there = await p.target.headManifest(p.versionTag).catch(() => undefined);
    if (there?.digest === manifest.digest) {
      p.current = there;
      return finish(p, manifest, ctx, true, notes, anotherRunTagged(p, manifest));
    }
    if (there && !ctx.force) throw raced(p, there.digest, manifest.digest);
    ctx.reporter.info(
      `docker: the registry refused the manifest (${(error as Error).message}); copying and tagging once more`,
    );
    await copyToTarget(manifest, source, p.target, sameRegistry, ctx.reporter);
    result = await finish(p, manifest, ctx, false, notes);
  }
  const after = await p.target.headManifest(p.versionTag);
  if (after && after.digest !== manifest.digest) throw raced(p, after.digest, manifest.digest);
  return result;
}

/** Why the version is skipped when another run tagged it with our digest meanwhile. */
function anotherRunTagged(p: Prepared, manifest: Manifest): string {
  return `${p.versionTag} was tagged ${shortDigest(manifest.digest)} by another run at the same time (the same digest as ours): skipped`;
}

/** Another run tagged the version with another digest while this one was publishing it. */
function raced(p: Prepared, theirs: string, ours: string): RegistryError {
  return new RegistryError(
    p.settings.image.host,
    `${imageName(p.settings.image)}:${p.versionTag} was tagged by another run at the same time with digest ${theirs}, not ours (${ours})`,
    'Two release runs published this version from different images. Check which one is right and rerun that one with force: true to retag it.',
    409,
  );
}

async function build(p: Prepared, ctx: PublishContext): Promise<PublishResult> {
  // A build is not reproducible, so a version tag that exists is the published version.
  if (p.current && !ctx.force) {
    const manifest = await p.target.getManifest(p.current.digest);
    return finish(p, manifest!, ctx, true, []);
  }
  const reference = cliReference(p.settings.image, p.settings.registry, p.versionTag);
  if (ctx.dryRun) {
    ctx.reporter.info(`docker: would build and push ${reference}`);
    const plan = p.plan.filter((t) => t.apply).map((t) => t.tag);
    return {
      status: 'dry-run',
      url: tagPageUrl(p.settings.image, p.versionTag, p.target.endpoint),
      notes: [`would build ${reference} and tag ${plan.join(', ')}`, ...describeHeldBack(p.plan)],
    };
  }
  const env: Record<string, string | undefined> = {};
  if (p.settings.credentials) {
    const host = cliReference(p.settings.image, p.settings.registry, 'x').split('/')[0];
    env.DOCKER_CONFIG = writeDockerConfig(
      join(ctx.tempDir, 'docker-config'),
      host,
      p.settings.credentials,
      ctx.env,
    );
  }
  const request = {
    build: p.settings.build!,
    reference,
    labels: ociLabels(ctx.version.version, ctx.env),
    tempDir: ctx.tempDir,
  };
  const builder = await buildAndPush(request, env, ctx.reporter, p.settings.image.host);
  const pushed = await p.target.getManifest(p.versionTag);
  if (!pushed)
    throw new RegistryError(
      p.settings.image.host,
      `docker reported ${reference} pushed, but the registry has no such tag`,
    );
  // The version tag now has the new digest: nothing left to move there.
  p.current = { digest: pushed.digest, mediaType: pushed.mediaType, size: pushed.bytes.length };
  return finish(p, pushed, ctx, false, [
    `built with ${builder === 'buildx' ? 'docker buildx' : 'docker build'} and pushed ${reference}`,
  ]);
}

export const publish: Publish = async (settings, ctx) => {
  const prepared = await prepare(settings, ctx);
  return prepared.settings.source ? promote(prepared, ctx) : build(prepared, ctx);
};

export const rollback: Rollback = rollbackDocker;
