/**
 * Snap: one .snap per Linux architecture of the build, uploaded to the Snap Store, pushed as a
 * revision, waited for (review), released to `channels`. Published = the store's channel map has
 * this version on every channel asked, for every architecture; then nothing is uploaded. A
 * revision held for manual review is a notice: the release stays green and the revision is
 * released by the reviewer's approval (or a rerun after it).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { archivesFor, binaryFile, requireBinaries } from '../binaries/release.js';
import { semverOf, type Publish, type PublishContext } from '../publish-types.js';
import { channelKey, createClient, storeUrls } from './client.js';
import { storeAuthorization } from './credentials.js';
import {
  APP_NAME,
  SNAP_ARCH,
  SNAP_NAME,
  SNAP_VERSION,
  archiveBytes,
  buildSnap,
  fileFromTarGz,
  snapYaml,
  type SnapMeta,
} from './snap.js';
import { pushRevision, release, upload, waitForReview, type Store } from './store.js';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const CHANNEL = /^(?:[a-z0-9][a-z0-9._-]*\/)?(stable|candidate|beta|edge)(?:\/[a-z0-9][a-z0-9._-]*)?$/;

function list(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .map(String)
      .map((v) => v.trim())
      .filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The channels to release to. Default: stable for a stable version, beta for a prerelease. A
 * prerelease (grade devel) is never released to stable or candidate: those become the track's beta.
 */
export function channelsFor(setting: unknown, prerelease: boolean): { channels: string[]; moved: string[] } {
  const asked = list(setting);
  for (const c of asked)
    if (!CHANNEL.test(c))
      throw InputError.bad(
        'channels',
        c,
        'is not a snap channel',
        'Use [track/]risk[/branch] with risk stable, candidate, beta or edge, e.g. stable or 2.0/beta.',
      );
  const wanted = asked.length ? asked : [prerelease ? 'beta' : 'stable'];
  if (!prerelease) return { channels: [...new Set(wanted)], moved: [] };
  const moved: string[] = [];
  const channels = wanted.map((c) => {
    const risk = CHANNEL.exec(c)![1];
    if (risk !== 'stable' && risk !== 'candidate') return c;
    const to = c.replace(/(^|\/)(stable|candidate)(?=\/|$)/, '$1beta');
    moved.push(`${c} -> ${to}`);
    return to;
  });
  return { channels: [...new Set(channels)], moved };
}

function readSettings(settings: Record<string, unknown>, context: PublishContext) {
  const name = text(settings.snap);
  if (!name) throw InputError.missing('snap', 'Set snap: to the registered snap name, e.g. acme.');
  if (!SNAP_NAME.test(name) || name.length > 40)
    throw InputError.bad(
      'snap',
      name,
      'is not a snap name',
      'Use at most 40 lower-case letters, digits and single hyphens, with a letter, e.g. acme.',
    );
  const semver = semverOf(context.version, 'the Snap Store');
  const version = context.version.version;
  if (!SNAP_VERSION.test(version))
    throw InputError.bad(
      'version',
      version,
      'is not a snap version (at most 32 characters of letters, digits and : . + ~ -)',
      'Use a shorter version.',
    );
  const prerelease = semver.prerelease.length > 0;
  const confinement = text(settings.confinement) ?? 'strict';
  if (!['strict', 'classic', 'devmode'].includes(confinement))
    throw InputError.bad(
      'confinement',
      confinement,
      'is not a confinement',
      'Use strict, classic or devmode.',
    );
  const base = text(settings.base) ?? 'core22';
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(base))
    throw InputError.bad('base', base, 'is not a base snap name', 'e.g. core22 or core24.');
  const timeout = Number(settings['review-timeout'] ?? 600);
  if (!Number.isFinite(timeout) || timeout < 0)
    throw InputError.bad('review-timeout', settings['review-timeout'], 'is not a number of seconds');
  const oneLine = (input: string, v: string | undefined) => {
    if (v !== undefined && /[\x00-\x09\x0b-\x1f\x7f]/.test(v))
      throw InputError.bad(input, v, 'contains control characters', 'Use plain text.');
    return v;
  };
  return {
    name,
    version,
    prerelease,
    confinement,
    base,
    timeout,
    summary: oneLine('summary', text(settings.summary)),
    description: oneLine('description', text(settings.description)),
    ...channelsFor(settings.channels, prerelease),
  };
}

export const publish: Publish = async (settings, context) => {
  const s = readSettings(settings, context);
  const urls = storeUrls(settings);
  // The credentials are read before anything is sent; a dry run only warns when they are missing.
  let authorization = '';
  try {
    authorization = storeAuthorization(context.token);
  } catch (caught) {
    if (!context.dryRun || context.token) throw caught;
    context.reporter.warning(`snap: ${(caught as Error).message} (a real run stops here)`);
  }
  // A build without a Linux platform is refused here, before any request.
  const releaseInfo = await requireBinaries(context, 'linux');
  const linux = archivesFor(releaseInfo, 'linux');
  if (!linux.length)
    throw new InputError(
      'release',
      `the release ${releaseInfo.tag} has no Linux archive for the snap`,
      'Add linux/amd64 to build.platforms.',
    );
  const binary = binaryFile(releaseInfo, 'linux');
  if (!APP_NAME.test(binary))
    throw InputError.bad(
      'release',
      binary,
      'is not usable as a snap app name',
      'Name build.binary with letters, digits and single hyphens.',
    );
  for (const a of linux)
    if (!SNAP_ARCH[a.arch])
      throw new InputError(
        'release',
        `the platform ${a.platform} has no Snap Store architecture`,
        `The store takes ${Object.keys(SNAP_ARCH).join(', ')}.`,
      );
  const summary = (s.summary ?? releaseInfo.description ?? `${binary} command-line tool`).slice(0, 78);
  const metaFor = (arch: string): SnapMeta => ({
    name: s.name,
    version: s.version,
    summary,
    description: s.description ?? releaseInfo.description ?? summary,
    grade: s.prerelease ? 'devel' : 'stable',
    confinement: s.confinement,
    base: s.base,
    arch,
    binary,
  });
  const notes = s.moved.length
    ? [
        `a prerelease goes to ${s.channels.join(', ')} (not ${s.moved.map((m) => m.split(' ')[0]).join(', ')})`,
      ]
    : [];
  const page = `https://snapcraft.io/${s.name}`;

  if (context.dryRun) {
    for (const a of linux) {
      const arch = SNAP_ARCH[a.arch];
      context.reporter.info(
        `snap: would build ${s.name}_${s.version}_${arch}.snap from ${a.name} with files meta/snap.yaml, bin/${binary}; meta/snap.yaml:\n${snapYaml(metaFor(arch))}`,
      );
      context.reporter.info(
        `snap: would send GET ${urls.api}v2/snaps/info/${s.name}, POST ${urls.storage}unscanned-upload/, POST ${urls.dashboard}api/v2/snaps/${s.name}/revisions, GET <status_url> until processed, POST ${urls.dashboard}api/v2/snaps/${s.name}/releases [${s.channels.join(', ')}]`,
      );
    }
    return {
      status: 'dry-run',
      url: page,
      notes: [...notes, `would upload ${linux.length} snap(s) and release to ${s.channels.join(', ')}`],
    };
  }

  const client = createClient(s.name, { http: context.http, registry: urls.api });
  const map = await client.channelMap();
  const onChannel = (arch: string, channel: string) =>
    map.some((e) => e.architecture === arch && e.channel === channelKey(channel) && e.version === s.version);
  const store: Store = {
    http: context.http,
    dashboard: urls.dashboard,
    storage: urls.storage,
    authorization,
    pollMs: Number(context.env.DEPLOY_ACTIONS_SNAP_POLL_MS ?? 5000),
    timeoutMs: s.timeout * 1000,
  };
  const dir = mkdtempSync(join(context.tempDir, 'snap-'));
  let uploaded = 0;
  let held = 0;
  for (const a of linux) {
    const arch = SNAP_ARCH[a.arch];
    const missing = s.channels.filter((c) => !onChannel(arch, c));
    if (!missing.length) {
      notes.push(`${s.name} ${s.version} (${arch}) is already on ${s.channels.join(', ')}`);
      continue;
    }
    const bytes = await archiveBytes(a, context.http);
    const file = await buildSnap(metaFor(arch), await fileFromTarGz(bytes, binary, a.name), dir, 315532800);
    const fileName = file.slice(dir.length + 1);
    context.reporter.info(`snap: uploading ${fileName}`);
    const uploadId = await upload(store, { name: fileName, data: readFileSync(file) });
    const statusUrl = await pushRevision(store, s.name, uploadId);
    const review = await waitForReview(store, statusUrl);
    uploaded++;
    if (review.state === 'held') {
      held++;
      const line = `${s.name} ${s.version} (${arch})${review.revision ? ` revision ${review.revision}` : ''} is ${review.reason}; it is released to ${missing.join(', ')} once approved (rerun the release then)`;
      context.reporter.notice(`snap: ${line}`);
      notes.push(line);
      continue;
    }
    await release(store, s.name, review.revision, missing);
    notes.push(
      `released ${s.name} ${s.version} (${arch}) revision ${review.revision} to ${missing.join(', ')}`,
    );
  }
  if (!uploaded) return { status: 'skipped', url: page, notes };
  return { status: 'published', url: page, notes: held ? [...notes, 'awaiting the store review'] : notes };
};
