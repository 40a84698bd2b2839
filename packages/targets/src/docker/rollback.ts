/**
 * Rollback for images: the floating tags (latest, X, X.Y of the bad version, and any other
 * non-version tag of `tags`) that point at the bad version's digest are re-pointed at the
 * good version's manifest. Version tags are never touched: 1.3.0 stays 1.3.0 for whoever
 * pinned it, while `latest`, `1` and `1.3` resolve to the good image again.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { openRepository } from './client.js';
import { imageName, versionTag } from './oci-reference.js';
import type { OciRepository } from './oci-repository.js';
import { compareSemVer, isStable, parseAll, parseSemVer, type SemVer } from '@deploy-actions/version';
import { shortDigest } from './promote.js';
import { readDockerSettings } from './read-settings.js';
import { planTags } from './tags.js';
import type { Rollback, RollbackContext } from '../publish-types.js';

/** How many version tags to look at when finding which one `latest` is. */
const LATEST_SEARCH_LIMIT = 50;

/** The version `latest` points at: the highest stable version tag with the same digest. */
async function versionOfLatest(
  target: OciRepository,
  stableNewestFirst: SemVer[],
): Promise<SemVer | undefined> {
  const latest = await target.headManifest('latest');
  if (!latest) return undefined;
  const newestFirst = stableNewestFirst.slice(0, LATEST_SEARCH_LIMIT);
  for (const v of newestFirst)
    if ((await target.headManifest(versionTag(v.raw)))?.digest === latest.digest) return v;
  return undefined;
}

function pick(versions: SemVer[], wanted: string, input: string): SemVer {
  const parsed = parseSemVer(wanted);
  if (!parsed) throw InputError.bad(input, wanted, 'is not a semantic version', 'Use e.g. 1.2.3.');
  const found = versions.find((v) => compareSemVer(v, parsed) === 0);
  if (!found)
    throw InputError.bad(input, wanted, 'has no tag in the image', 'Name a version the registry has.');
  return found;
}

export const rollbackDocker: Rollback = async (rawSettings, ctx: RollbackContext) => {
  const settings = readDockerSettings(rawSettings, ctx, 'rollback');
  const name = imageName(settings.image);
  const target = openRepository(settings.image, {
    http: ctx.http,
    registry: settings.registry,
    credentials: settings.credentials,
    push: !ctx.dryRun,
  });
  const versions = parseAll(await target.listTags());
  const stable = versions.filter(isStable).sort((a, b) => compareSemVer(b, a));
  const bad = ctx.badVersion
    ? pick(versions, ctx.badVersion, 'bad-version')
    : ((await versionOfLatest(target, stable)) ?? stable[0]);
  if (!bad) throw new RegistryError(settings.image.host, `${name} has no version tags to roll back from`);
  const to = ctx.toVersion
    ? pick(versions, ctx.toVersion, 'to-version')
    : stable.find((v) => compareSemVer(v, bad) < 0);
  if (!to)
    throw new RegistryError(
      settings.image.host,
      `${name} has no stable version below ${bad.raw} to roll back to`,
      'Name one with to-version.',
    );
  const badHead = await target.headManifest(versionTag(bad.raw));
  const good = await target.getManifest(versionTag(to.raw));
  if (!badHead || !good)
    throw new RegistryError(
      settings.image.host,
      `${name} lost a version tag while rolling back; nothing was changed`,
    );

  // The floating tags the bad version took when it was published, plus `latest` in any case.
  // A tag that spells out the whole version (1.3.0-alpine) belongs to that version: left alone.
  const own = versionTag(bad.raw);
  const floating = new Set([
    'latest',
    ...planTags(bad, settings.tags, [])
      .filter((t) => t.rule !== 'version' && !t.tag.includes(own))
      .map((t) => t.tag),
  ]);
  const actions: string[] = [];
  for (const tag of floating) {
    const head = await target.headManifest(tag);
    if (head?.digest !== badHead.digest || head.digest === good.digest) continue;
    if (!ctx.dryRun) await target.putManifest(tag, good);
    actions.push(
      `docker: ${ctx.dryRun ? 'would move' : 'moved'} ${name}:${tag} ${bad.raw} (${shortDigest(badHead.digest)}) -> ${to.raw} (${shortDigest(good.digest)})`,
    );
  }
  if (!actions.length)
    actions.push(`docker: no floating tag of ${name} pointed at ${bad.raw}; nothing to move`);
  for (const action of actions) ctx.reporter.info(action);
  return { rolledBackTo: to.raw, actions };
};
