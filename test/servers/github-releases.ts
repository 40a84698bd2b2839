/**
 * Releases and release assets of the GitHub test server, with the status codes and bodies of
 * the REST API (2022-11-28): 404 by tag for drafts, 422 already_exists for a second release of
 * a tag or a second asset of a name, make_latest, generated notes, uploads on the /uploads host.
 */
import { createHash } from 'node:crypto';
import {
  fail,
  json,
  notFound,
  repoOf,
  requireWrite,
  seesDrafts,
  send,
  sendPage,
  userJson,
  validationFailed,
  type Ctx,
  type Handler,
} from './github-http.js';
import { githubAssetName, now, type Asset, type Release, type Repo } from './github-state.js';

const DOCS = {
  create: 'https://docs.github.com/rest/releases/releases#create-a-release',
  update: 'https://docs.github.com/rest/releases/releases#update-a-release',
  byTag: 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name',
  latest: 'https://docs.github.com/rest/releases/releases#get-the-latest-release',
  upload: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
  asset: 'https://docs.github.com/rest/releases/assets#get-a-release-asset',
};

function assetJson(ctx: Ctx, repo: Repo, release: Release, asset: Asset): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const tag = release.draft ? release.untaggedSlug : release.tagName;
  return {
    url: `${ctx.base}/repos/${full}/releases/assets/${asset.id}`,
    id: asset.id,
    node_id: `RA_${asset.id}`,
    name: asset.name,
    label: asset.label,
    uploader: userJson(ctx.base, ctx.state.login),
    content_type: asset.contentType,
    state: asset.state,
    size: asset.bytes.length,
    digest:
      asset.state === 'uploaded' ? `sha256:${createHash('sha256').update(asset.bytes).digest('hex')}` : null,
    download_count: asset.downloads,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    browser_download_url: `${ctx.base}/${full}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(asset.name)}`,
  };
}

export function releaseJson(ctx: Ctx, repo: Repo, release: Release): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${ctx.base}/repos/${full}`;
  return {
    url: `${api}/releases/${release.id}`,
    assets_url: `${api}/releases/${release.id}/assets`,
    upload_url: `${ctx.base}/uploads/repos/${full}/releases/${release.id}/assets{?name,label}`,
    html_url: `${ctx.base}/${full}/releases/tag/${release.draft ? release.untaggedSlug : encodeURIComponent(release.tagName)}`,
    id: release.id,
    author: userJson(ctx.base, ctx.state.login),
    node_id: `RE_${release.id}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    draft: release.draft,
    immutable: false,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    updated_at: release.updatedAt,
    published_at: release.publishedAt,
    assets: release.assets.map((a) => assetJson(ctx, repo, release, a)),
    tarball_url: `${api}/tarball/${release.tagName}`,
    zipball_url: `${api}/zipball/${release.tagName}`,
    body: release.body,
  };
}

/** Newest first, drafts only for callers with push access. */
function visibleReleases(ctx: Ctx, repo: Repo): Release[] {
  return repo.releases
    .filter((r) => !r.draft || seesDrafts(ctx))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function findRelease(ctx: Ctx, repo: Repo, id: string): Release | undefined {
  const release = repo.releases.find((r) => r.id === Number(id));
  if (!release || (release.draft && !seesDrafts(ctx))) return undefined;
  return release;
}

function previousTag(repo: Repo, tag: string): string | undefined {
  return repo.releases
    .filter((r) => !r.draft && r.tagName !== tag)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.tagName;
}

function generatedNotes(
  ctx: Ctx,
  repo: Repo,
  tag: string,
  previous?: string,
): { name: string; body: string } {
  const full = `${repo.owner}/${repo.name}`;
  const compare = previous
    ? `${ctx.base}/${full}/compare/${previous}...${tag}`
    : `${ctx.base}/${full}/commits/${tag}`;
  return {
    name: tag,
    body: `## What's Changed\n* Release ${tag} by @${ctx.state.login}\n\n**Full Changelog**: ${compare}`,
  };
}

type ReleaseFields = {
  tag_name?: unknown;
  target_commitish?: unknown;
  name?: unknown;
  body?: unknown;
  draft?: unknown;
  prerelease?: unknown;
  make_latest?: unknown;
  generate_release_notes?: unknown;
};

/** The API's schema errors for the fields we model; undefined when valid. */
function invalidField(fields: ReleaseFields): string | undefined {
  for (const key of ['draft', 'prerelease', 'generate_release_notes'] as const)
    if (fields[key] !== undefined && typeof fields[key] !== 'boolean')
      return `For 'properties/${key}', ${JSON.stringify(fields[key])} is not a boolean.`;
  for (const key of ['tag_name', 'target_commitish', 'name', 'body'] as const)
    if (fields[key] !== undefined && fields[key] !== null && typeof fields[key] !== 'string')
      return `For 'properties/${key}', ${JSON.stringify(fields[key])} is not a string.`;
  if (fields.make_latest !== undefined && !['true', 'false', 'legacy'].includes(fields.make_latest as string))
    return `For 'properties/make_latest', ${JSON.stringify(fields.make_latest)} is not one of ["true", "false", "legacy"].`;
  return undefined;
}

/** A published release already holds this tag. */
const tagTaken = (repo: Repo, tag: string, except?: Release) =>
  repo.releases.some((r) => r !== except && !r.draft && r.tagName === tag);

const listReleases: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (repo)
    sendPage(
      ctx,
      visibleReleases(ctx, repo).map((r) => releaseJson(ctx, repo, r)),
    );
};

const createRelease: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.create)) return;
  const fields = json<ReleaseFields>(ctx);
  if (!fields) return;
  const invalid = invalidField(fields);
  if (invalid) return fail(ctx, 422, `Invalid request.\n\n${invalid}`, {}, DOCS.create);
  if (!fields.tag_name)
    return validationFailed(
      ctx,
      [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }],
      DOCS.create,
    );
  const tag = fields.tag_name as string;
  const draft = Boolean(fields.draft);
  if (!draft && tagTaken(repo, tag))
    return validationFailed(
      ctx,
      [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      DOCS.create,
    );
  let body = (fields.body as string | undefined) ?? null;
  let releaseName = (fields.name as string | undefined) ?? null;
  if (fields.generate_release_notes) {
    const notes = generatedNotes(ctx, repo, tag, previousTag(repo, tag));
    body = body ? `${body}\n\n${notes.body}` : notes.body;
    releaseName ??= notes.name;
  }
  const release = ctx.state.createRelease(repo, {
    tagName: tag,
    targetCommitish: (fields.target_commitish as string | undefined) ?? repo.defaultBranch,
    name: releaseName,
    body,
    draft,
    prerelease: Boolean(fields.prerelease),
  });
  // make_latest defaults to true for a newly published release.
  if (!draft)
    ctx.state.applyMakeLatest(repo, release, (fields.make_latest as 'true' | 'false' | 'legacy') ?? 'true');
  send(ctx, 201, releaseJson(ctx, repo, release), {
    location: `${ctx.base}/repos/${owner}/${name}/releases/${release.id}`,
  });
};

const updateRelease: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.update)) return;
  const release = findRelease(ctx, repo, id);
  if (!release) return notFound(ctx, DOCS.update);
  const fields = json<ReleaseFields>(ctx);
  if (!fields) return;
  const invalid = invalidField(fields);
  if (invalid) return fail(ctx, 422, `Invalid request.\n\n${invalid}`, {}, DOCS.update);
  const tag = (fields.tag_name as string | undefined) ?? release.tagName;
  const draft = fields.draft === undefined ? release.draft : Boolean(fields.draft);
  if (!draft && tagTaken(repo, tag, release))
    return validationFailed(
      ctx,
      [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      DOCS.update,
    );
  const publishing = release.draft && !draft;
  release.tagName = tag;
  if (fields.target_commitish !== undefined) release.targetCommitish = fields.target_commitish as string;
  if (fields.name !== undefined) release.name = fields.name as string | null;
  if (fields.body !== undefined) release.body = fields.body as string | null;
  if (fields.prerelease !== undefined) release.prerelease = Boolean(fields.prerelease);
  release.draft = draft;
  if (publishing) release.publishedAt = now();
  release.updatedAt = now();
  const makeLatest =
    (fields.make_latest as 'true' | 'false' | 'legacy' | undefined) ?? (publishing ? 'true' : undefined);
  if (makeLatest && !release.draft) ctx.state.applyMakeLatest(repo, release, makeLatest);
  send(ctx, 200, releaseJson(ctx, repo, release));
};

const deleteRelease: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx)) return;
  const release = findRelease(ctx, repo, id);
  if (!release) return notFound(ctx);
  repo.releases.splice(repo.releases.indexOf(release), 1);
  if (repo.latestId === release.id) repo.latestId = undefined;
  send(ctx, 204);
};

const getRelease: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const release = findRelease(ctx, repo, id);
  if (release) send(ctx, 200, releaseJson(ctx, repo, release));
  else notFound(ctx);
};

const releaseByTag: Handler = (ctx, [owner, name, tag]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  // Drafts have no tag yet: the tag endpoint never finds them.
  const release = repo.releases.find((r) => !r.draft && r.tagName === decodeURIComponent(tag));
  if (release) send(ctx, 200, releaseJson(ctx, repo, release));
  else notFound(ctx, DOCS.byTag);
};

const latestRelease: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const release = ctx.state.latest(repo);
  if (release) send(ctx, 200, releaseJson(ctx, repo, release));
  else notFound(ctx, DOCS.latest);
};

const generateNotes: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx)) return;
  const fields = json<{ tag_name?: string; previous_tag_name?: string }>(ctx);
  if (!fields) return;
  if (!fields.tag_name)
    return validationFailed(ctx, [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }]);
  send(
    ctx,
    200,
    generatedNotes(
      ctx,
      repo,
      fields.tag_name,
      fields.previous_tag_name ?? previousTag(repo, fields.tag_name),
    ),
  );
};

const listAssets: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const release = findRelease(ctx, repo, id);
  if (!release) return notFound(ctx);
  sendPage(
    ctx,
    release.assets.map((a) => assetJson(ctx, repo, release, a)),
  );
};

function findAsset(ctx: Ctx, repo: Repo, id: string): { release: Release; asset: Asset } | undefined {
  for (const release of repo.releases) {
    const asset = release.assets.find((a) => a.id === Number(id));
    if (asset && (!release.draft || seesDrafts(ctx))) return { release, asset };
  }
  return undefined;
}

const getAsset: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const found = findAsset(ctx, repo, id);
  if (!found) return notFound(ctx, DOCS.asset);
  const shown = assetJson(ctx, repo, found.release, found.asset);
  // application/octet-stream asks for the bytes: GitHub redirects to the download.
  if ((ctx.req.headers.accept ?? '').includes('application/octet-stream'))
    return send(ctx, 302, undefined, { location: String(shown.browser_download_url) });
  send(ctx, 200, shown);
};

const updateAsset: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx)) return;
  const found = findAsset(ctx, repo, id);
  if (!found) return notFound(ctx);
  const fields = json<{ name?: string; label?: string }>(ctx);
  if (!fields) return;
  if (
    fields.name &&
    found.release.assets.some((a) => a !== found.asset && a.name === githubAssetName(fields.name!))
  )
    return validationFailed(ctx, [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
  if (fields.name) found.asset.name = githubAssetName(fields.name);
  if (fields.label !== undefined) found.asset.label = fields.label;
  found.asset.updatedAt = now();
  send(ctx, 200, assetJson(ctx, repo, found.release, found.asset));
};

const deleteAsset: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx)) return;
  const found = findAsset(ctx, repo, id);
  if (!found) return notFound(ctx);
  found.release.assets.splice(found.release.assets.indexOf(found.asset), 1);
  send(ctx, 204);
};

/** POST {uploads}/repos/{o}/{r}/releases/{id}/assets?name=&label= with the raw bytes. */
const uploadAsset: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.upload)) return;
  const release = findRelease(ctx, repo, id);
  if (!release) return notFound(ctx, DOCS.upload);
  const assetName = ctx.url.searchParams.get('name');
  if (!assetName) return fail(ctx, 422, 'Bad Content-Length or missing name parameter', {}, DOCS.upload);
  const contentLength = Number(ctx.req.headers['content-length'] ?? ctx.body.length);
  if (contentLength !== ctx.body.length) return fail(ctx, 400, 'Bad Content-Length', {}, DOCS.upload);
  if (release.assets.some((a) => a.name === githubAssetName(assetName)))
    return validationFailed(
      ctx,
      [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
      DOCS.upload,
    );
  const contentType = String(ctx.req.headers['content-type'] ?? 'application/octet-stream');
  const asset = ctx.state.addAsset(
    release,
    assetName,
    ctx.body,
    contentType,
    ctx.url.searchParams.get('label'),
  );
  send(ctx, 201, assetJson(ctx, repo, release, asset));
};

/** An upload that broke off: GitHub keeps an `open` asset that still holds the name. */
export function leavePartialUpload(ctx: Ctx, [owner, name, id]: string[]): void {
  const repo = ctx.state.findRepo(owner, name);
  const release = repo?.releases.find((r) => r.id === Number(id));
  const assetName = ctx.url.searchParams.get('name');
  if (!release || !assetName || release.assets.some((a) => a.name === githubAssetName(assetName))) return;
  const asset = ctx.state.addAsset(
    release,
    assetName,
    ctx.body.subarray(0, Math.floor(ctx.body.length / 2)),
    'application/octet-stream',
  );
  asset.state = 'open';
}

/** browser_download_url: the bytes, as github.com serves them (after its redirect). */
const download: Handler = (ctx, [owner, name, tag, file]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const decodedTag = decodeURIComponent(tag);
  const release = repo.releases.find((r) => (r.draft ? r.untaggedSlug : r.tagName) === decodedTag);
  const asset = release?.assets.find((a) => a.name === decodeURIComponent(file) && a.state === 'uploaded');
  if (!asset) return notFound(ctx);
  asset.downloads++;
  send(ctx, 200, asset.bytes, { 'content-type': 'application/octet-stream' });
};

const htmlPage: Handler = (ctx, [owner, name, tag]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  ctx.status = 200;
  ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  ctx.res.end(`<!doctype html><title>Release ${decodeURIComponent(tag)} · ${owner}/${name}</title>`);
};

const R = '/repos/([^/]+)/([^/]+)';

export const releaseRoutes: [string, RegExp, Handler][] = [
  ['GET', new RegExp(`^${R}/releases$`), listReleases],
  ['POST', new RegExp(`^${R}/releases$`), createRelease],
  ['GET', new RegExp(`^${R}/releases/latest$`), latestRelease],
  ['GET', new RegExp(`^${R}/releases/tags/(.+)$`), releaseByTag],
  ['POST', new RegExp(`^${R}/releases/generate-notes$`), generateNotes],
  ['GET', new RegExp(`^${R}/releases/assets/(\\d+)$`), getAsset],
  ['PATCH', new RegExp(`^${R}/releases/assets/(\\d+)$`), updateAsset],
  ['DELETE', new RegExp(`^${R}/releases/assets/(\\d+)$`), deleteAsset],
  ['GET', new RegExp(`^${R}/releases/(\\d+)$`), getRelease],
  ['PATCH', new RegExp(`^${R}/releases/(\\d+)$`), updateRelease],
  ['DELETE', new RegExp(`^${R}/releases/(\\d+)$`), deleteRelease],
  ['GET', new RegExp(`^${R}/releases/(\\d+)/assets$`), listAssets],
  ['POST', new RegExp(`^/uploads${R}/releases/(\\d+)/assets$`), uploadAsset],
  ['GET', /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/, download],
  ['GET', /^\/([^/]+)\/([^/]+)\/releases\/tag\/(.+)$/, htmlPage],
];
