/**
 * The release of a version: find it (by tag, then drafts through the list), create it once even
 * when matrix jobs race (422 already_exists => use theirs), attach the assets, publish a draft
 * that should not be one. Shared by the publisher and attachAssets.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { releasePageUrl, tagVersion } from './client.js';
import { SUMS_NAME, type LocalFile } from './assets.js';
import {
  createRelease,
  deleteRelease,
  explain,
  isAlreadyExists,
  listReleases,
  releaseByTag,
  transientCause,
  updateRelease,
  type GitHubConnection,
  type ReleaseData,
  type ReleaseFields,
} from './api.js';
import { makeLatestValue, wantPrerelease, type Tristate } from './read-settings.js';
import { syncAssets } from './upload.js';
import type { PublishContext, PublishResult } from '../publish-types.js';
import { semverOf } from '../publish-types.js';

export interface ReleasePlan {
  draft: boolean;
  prerelease: Tristate;
  makeLatest: Tristate;
  /** undefined: GitHub generates the notes. */
  body?: string;
  checksums: 'write' | 'merge' | 'off';
}

export function missingToken(repository: string): InputError {
  return InputError.missing(
    'token',
    `Writing releases of ${repository} needs a token: set GITHUB_TOKEN in the step's env (GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}) or the token input, and grant the job \`permissions: contents: write\`.`,
  );
}

/** The oldest draft of a tag: drafts do not hold their tag, so racing jobs may make several. */
export function oldestDraft(releases: ReleaseData[], tag: string): ReleaseData | undefined {
  return releases.filter((r) => r.draft && r.tag_name === tag).sort((a, b) => a.id - b.id)[0];
}

/** The versions that compete for latest: published, not marked prerelease. */
export function stableVersions(releases: ReleaseData[], prefix: string): string[] {
  return releases
    .filter((r) => !r.draft && !r.prerelease)
    .map((r) => tagVersion(r.tag_name, prefix))
    .filter((v): v is string => Boolean(v));
}

const CREATE_ATTEMPTS = 3;

function backoffMs(attempt: number, env: NodeJS.ProcessEnv): number {
  const base = Number(env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS);
  return (
    (Number.isFinite(base) && env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS !== '' && base >= 0 ? base : 500) *
    2 ** (attempt - 1)
  );
}

/** Two racing jobs each made a draft: everyone keeps the oldest, the others delete their own. */
async function settleDrafts(conn: GitHubConnection, ours: ReleaseData): Promise<ReleaseData> {
  const winner = oldestDraft(await listReleases(conn), ours.tag_name);
  if (!winner || winner.id === ours.id) return ours;
  await deleteRelease(conn, ours);
  return winner;
}

async function ensureRelease(
  conn: GitHubConnection,
  fields: ReleaseFields & { tag_name: string },
  env: NodeJS.ProcessEnv,
): Promise<{ release: ReleaseData; created: boolean }> {
  const tag = fields.tag_name;
  for (let attempt = 1; ; attempt++) {
    try {
      const release = await createRelease(conn, fields);
      return { release: fields.draft ? await settleDrafts(conn, release) : release, created: true };
    } catch (error) {
      const transient = transientCause(error);
      if (!isAlreadyExists(error) && !transient)
        throw explain(conn, error, `create the release ${tag} of ${conn.repository}`);
      // Another job created it first, or ours landed and the answer was lost: use what is there.
      const existing = fields.draft
        ? oldestDraft(await listReleases(conn), tag)
        : await releaseByTag(conn, tag);
      if (existing) return { release: existing, created: Boolean(transient) };
      if (attempt >= CREATE_ATTEMPTS)
        throw explain(conn, error, `create the release ${tag} of ${conn.repository}`);
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, env)));
    }
  }
}

function dryRunPlan(
  conn: GitHubConnection,
  what: string,
  files: LocalFile[],
  plan: ReleasePlan,
  tag: string,
): PublishResult {
  return {
    status: 'dry-run',
    url: releasePageUrl(conn.api, conn.repository, tag),
    notes: [
      `would create ${what}`,
      ...files.map((f) => `would upload ${f.name} (${f.size} bytes)`),
      ...(plan.checksums === 'write' && files.length ? [`would upload ${SUMS_NAME}`] : []),
    ],
  };
}

export async function publishRelease(
  conn: GitHubConnection,
  plan: ReleasePlan,
  files: LocalFile[],
  ctx: PublishContext,
): Promise<PublishResult> {
  const { tag, version } = ctx.version;
  const semver = semverOf(ctx.version, 'GitHub releases');
  const prefix = tag.endsWith(version) ? tag.slice(0, tag.length - version.length) : 'v';
  const prerelease = wantPrerelease(semver, plan.prerelease);
  let all: ReleaseData[] | undefined;
  const latestFor = async () =>
    makeLatestValue(
      semver,
      plan.makeLatest,
      prerelease,
      stableVersions((all ??= await listReleases(conn)), prefix),
    );
  const notes: string[] = [];

  let release = await releaseByTag(conn, tag);
  // The tag endpoint never shows drafts: an earlier run with draft: true, or one made by hand.
  if (!release) release = oldestDraft((all = await listReleases(conn)), tag);
  let created = false;
  if (!release) {
    const makeLatest = await latestFor();
    const what = `release ${tag} (${plan.draft ? 'draft, ' : ''}prerelease: ${prerelease}, latest: ${makeLatest})`;
    if (ctx.dryRun) return dryRunPlan(conn, what, files, plan, tag);
    const fields: ReleaseFields & { tag_name: string } = {
      tag_name: tag,
      name: tag,
      draft: plan.draft,
      prerelease,
      make_latest: makeLatest,
      ...(plan.body !== undefined ? { body: plan.body } : { generate_release_notes: true }),
      // A tag that does not exist yet is made at the commit being built, not the default branch.
      ...(ctx.env.GITHUB_SHA ? { target_commitish: ctx.env.GITHUB_SHA } : {}),
    };
    ({ release, created } = await ensureRelease(conn, fields, ctx.env));
    notes.push(
      created ? `created ${what}` : `release ${tag} was created meanwhile by another job; attaching to it`,
    );
  }

  const sync = await syncAssets(conn, release, files, {
    tag,
    force: ctx.force,
    dryRun: ctx.dryRun,
    checksums: plan.checksums,
    fresh: created,
  });
  notes.push(...sync.notes);

  let updated = false;
  if (release.draft && !plan.draft) {
    if (ctx.dryRun) notes.push(`would publish the draft release ${tag}`);
    else {
      release = await updateRelease(conn, release, {
        draft: false,
        prerelease,
        make_latest: await latestFor(),
      });
      updated = true;
      notes.push(`published the draft release ${tag}`);
    }
  } else if (ctx.force && !created) {
    const fields: ReleaseFields = {
      prerelease,
      make_latest: await latestFor(),
      ...(plan.body !== undefined ? { body: plan.body } : {}),
    };
    if (ctx.dryRun)
      notes.push(`would update release ${tag} (prerelease: ${prerelease}, latest: ${fields.make_latest})`);
    else {
      release = await updateRelease(conn, release, fields);
      updated = true;
      notes.push(`updated release ${tag} (prerelease: ${prerelease}, latest: ${fields.make_latest})`);
    }
  }

  const changed = created || updated || sync.changed;
  if (!changed && !ctx.dryRun) notes.unshift(`release ${tag} already has every asset`);
  return { status: ctx.dryRun ? 'dry-run' : changed ? 'published' : 'skipped', url: release.html_url, notes };
}
