/**
 * Take a bad release back: the previous stable release becomes `latest` again and the bad one
 * is marked prerelease (its assets stay downloadable for whoever pinned it), with the reason at
 * the top of its notes.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { tagVersion } from './client.js';
import { compareSemVer, parseSemVer } from '@deploy-actions/version';
import {
  connect,
  explain,
  listReleases,
  statusOf,
  updateRelease,
  type GitHubConnection,
  type ReleaseData,
} from './api.js';
import { missingToken } from './release.js';
import { readTarget } from './read-settings.js';
import type { Rollback } from '../publish-types.js';

const versionOf = (release: ReleaseData) => tagVersion(release.tag_name) ?? release.tag_name;

function findVersion(releases: ReleaseData[], version: string): ReleaseData | undefined {
  return releases.find((r) => r.tag_name === `v${version}` || r.tag_name === version);
}

async function latestRelease(conn: GitHubConnection): Promise<ReleaseData | undefined> {
  try {
    return (await conn.octokit.rest.repos.getLatestRelease({ owner: conn.owner, repo: conn.repo }))
      .data as ReleaseData;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw explain(conn, error, `read the latest release of ${conn.repository}`);
  }
}

/** The highest stable release below `bad`. */
export function previousStable(releases: ReleaseData[], bad: ReleaseData): ReleaseData | undefined {
  const badVersion = parseSemVer(versionOf(bad));
  if (!badVersion) return undefined;
  let best: { release: ReleaseData; version: NonNullable<ReturnType<typeof parseSemVer>> } | undefined;
  for (const release of releases) {
    const version = parseSemVer(versionOf(release));
    if (!version || release.draft || release.prerelease || version.prerelease.length) continue;
    if (compareSemVer(version, badVersion) >= 0) continue;
    if (!best || compareSemVer(version, best.version) > 0) best = { release, version };
  }
  return best?.release;
}

export const rollback: Rollback = async (raw, ctx) => {
  const target = readTarget(raw, ctx.workspace, ctx.env);
  if (!ctx.token && !ctx.dryRun) throw missingToken(target.repository);
  const conn = await connect(target, ctx);
  const releases = (await listReleases(conn)).filter((r) => !r.draft);
  const bad = ctx.badVersion ? findVersion(releases, ctx.badVersion) : await latestRelease(conn);
  if (!bad)
    throw new RegistryError(
      'GitHub',
      ctx.badVersion
        ? `${target.repository} has no release for ${ctx.badVersion}`
        : `${target.repository} has no latest release to roll back`,
      'Check the version and the repository setting.',
    );
  const to = ctx.toVersion ? findVersion(releases, ctx.toVersion) : previousStable(releases, bad);
  if (!to)
    throw new RegistryError(
      'GitHub',
      ctx.toVersion
        ? `${target.repository} has no release for ${ctx.toVersion}`
        : `${target.repository} has no stable release below ${bad.tag_name}`,
      "Name the release to go back to with 'to-version'.",
    );
  if (to.id === bad.id)
    throw InputError.bad('to-version', ctx.toVersion, `is the release being rolled back (${bad.tag_name})`);
  const actions = [
    `github-release: latest ${bad.tag_name} -> ${to.tag_name}`,
    `github-release: ${bad.tag_name} marked prerelease`,
  ];
  if (ctx.dryRun)
    return { rolledBackTo: versionOf(to), actions: actions.map((a) => `${a} (dry run: not sent)`) };
  // Latest moves first, so the repository always has one.
  await updateRelease(conn, to, { prerelease: false, make_latest: 'true' });
  const note = ctx.reason ? `> [!WARNING]\n> Rolled back to ${to.tag_name}: ${ctx.reason}\n\n` : '';
  await updateRelease(conn, bad, { prerelease: true, ...(note ? { body: `${note}${bad.body ?? ''}` } : {}) });
  return { rolledBackTo: versionOf(to), actions };
};
