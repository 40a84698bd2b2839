/**
 * WinGet: a pull request to microsoft/winget-pkgs (`repository:`) adding the version's three
 * manifests. The user's fork (`fork:`) is synced with upstream first, then one branch per
 * version (`<Id>-<version>`) holds one commit made through the git data API (blobs, tree,
 * commit, ref), and the pull request is titled `New version: <Id> <version>` as winget-pkgs'
 * own tools title it. Published = the version's folder is on upstream's default branch; an
 * open pull request for it (ours by branch, anyone's by title) is `skipped`, awaiting review.
 * winget-pkgs takes a new pull request only for a change, so `force` on a version that is
 * there or under review is refused, and nothing can be rolled back from here.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { AlreadyDoneSignal } from '@deploy-actions/action-kit/http';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import { requireBinaries } from '../binaries/release.js';
import { isRepository } from '../flatpak/github.js';
import { semverOf, type Publish, type Rollback } from '../publish-types.js';
import {
  buildManifests,
  checkId,
  MANIFEST_VERSION,
  manifestFolder,
  resolveSettings,
  type ManifestFile,
} from './manifests.js';
import { WINGET_SHAPES as SHAPES, WingetGitHub } from './github.js';

export const DEFAULT_REPOSITORY = 'microsoft/winget-pkgs';

interface Pull {
  number: number;
  html_url: string;
  title: string;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
const filePath = (file: string) => file.split('/').map(encodeURIComponent).join('/');

function repositoryOf(settings: Record<string, unknown>, key: 'repository' | 'fork'): string {
  const value = typeof settings[key] === 'string' ? String(settings[key]).trim() : '';
  if (!value) {
    if (key === 'repository') return DEFAULT_REPOSITORY;
    throw InputError.missing(
      'fork',
      `Fork ${DEFAULT_REPOSITORY} on GitHub and set fork: to it (e.g. acme-bot/winget-pkgs): the version's branch is pushed there.`,
    );
  }
  if (!isRepository(value) || value.split('/').some((part) => part === '.' || part === '..'))
    throw InputError.bad(key, value, 'is not an owner/name repository');
  return value;
}

export const branchOf = (id: string, version: string) => `${id}-${version}`;
export const titleOf = (id: string, version: string) => `New version: ${id} ${version}`;

/** Our open pull request (by branch), else anyone's open one with the same title (search). */
async function openPull(
  api: WingetGitHub,
  repository: string,
  head: string,
  title: string,
  warn: (message: string) => void,
): Promise<Pull | undefined> {
  const ours = await api.find<Pull[]>(
    `/repos/${repository}/pulls?state=open&head=${encodeURIComponent(head)}`,
    `list the pull requests of ${repository}`,
    [SHAPES.pull],
    'a GitHub pull request list',
  );
  if (ours?.length) return ours[0];
  const query = `repo:${repository} is:pr is:open in:title "${title}"`;
  const res = await api.call('GET', `/search/issues?q=${encodeURIComponent(query)}&per_page=20`);
  if (!res.ok) {
    // The search has its own, low rate limit: not knowing is a warning, not a failure.
    warn(`GitHub search for an open pull request "${title}" answered HTTP ${res.status}; checked ours only`);
    return undefined;
  }
  const found = jsonAnswer<{ items: Pull[] }>(res, SHAPES.search, {
    what: 'a GitHub search answer',
    registry: 'GitHub',
  });
  return found.items.find((item) => item.title.trim() === title);
}

function refuseForce(what: string): never {
  throw new RegistryError(
    'winget',
    `${what}, and winget-pkgs does not replace a version: force cannot publish it again`,
    'winget-pkgs takes a new pull request only for a change to a version (a fixed installer URL or hash), reviewed by its moderators. Release a new version instead, or edit the manifests by hand in a pull request.',
  );
}

export const publish: Publish = async (settings, ctx) => {
  const id = checkId(typeof settings.id === 'string' ? settings.id : '');
  const repository = repositoryOf(settings, 'repository');
  const fork = repositoryOf(settings, 'fork');
  if (fork.toLowerCase() === repository.toLowerCase())
    throw InputError.bad(
      'fork',
      fork,
      `is the manifests repository itself`,
      `Set fork: to your fork of ${repository}.`,
    );
  const semver = semverOf(ctx.version, 'winget');
  const version = ctx.version.version;
  if (semver.prerelease.length)
    return {
      status: 'skipped',
      notes: [`${version} is a prerelease: winget-pkgs takes stable versions only, nothing submitted`],
    };
  const release = await requireBinaries(ctx, 'windows');
  const meta = resolveSettings(settings, release);
  const files = buildManifests(meta, release, version, new Date().toISOString().slice(0, 10));
  const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  const api = new WingetGitHub(ctx.http, ctx.token, ctx.env, registry);
  const web = api.base
    .replace(/^https:\/\/api\.github\.com$/, 'https://github.com')
    .replace(/\/api\/v3$/, '');

  const upstream = await api.find<{ default_branch: string }>(
    `/repos/${repository}`,
    `read ${repository}`,
    SHAPES.repository,
    'a GitHub repository',
  );
  if (!upstream)
    throw new RegistryError(
      'GitHub',
      `the manifests repository ${repository} was not found`,
      `Set repository: to the winget manifests repository (default ${DEFAULT_REPOSITORY}).`,
      404,
    );
  const base = upstream.default_branch;
  const folder = manifestFolder(id, version);
  const published = await api.find<unknown>(
    `/repos/${repository}/contents/${filePath(folder)}?ref=${encodeURIComponent(base)}`,
    `read ${folder} of ${repository}`,
    'any',
    'a GitHub folder',
  );
  const folderUrl = `${web}/${repository}/tree/${path(base)}/${filePath(folder)}`;
  if (published) {
    if (ctx.force) refuseForce(`${id} ${version} is already in ${repository}`);
    return { status: 'skipped', url: folderUrl, notes: [`${id} ${version} is already in ${repository}`] };
  }
  const forkOwner = fork.split('/')[0];
  const branch = branchOf(id, version);
  const title = titleOf(id, version);
  const pending = await openPull(api, repository, `${forkOwner}:${branch}`, title, (m) =>
    ctx.reporter.warning(m),
  );
  if (pending) {
    if (ctx.force) refuseForce(`pull request #${pending.number} for ${id} ${version} is open`);
    return {
      status: 'skipped',
      url: pending.html_url,
      notes: [
        `pull request #${pending.number} "${title}" is open: awaiting review by the winget-pkgs moderators`,
      ],
    };
  }

  if (ctx.dryRun) {
    await ctx.reporter.group(`winget manifests for ${id} ${version}`, async () => {
      for (const file of files) ctx.reporter.info(`${file.path}:\n${file.text}`);
    });
    return {
      status: 'dry-run',
      notes: [
        ...files.map((file) => `would write ${file.path}`),
        `would sync ${fork} with ${repository} (POST /repos/${fork}/merge-upstream, branch ${base})`,
        `would commit the ${files.length} files on ${fork} as branch ${branch} (git blobs, tree, commit, ref)`,
        `would open pull request "${title}" on ${repository} (${base} <- ${forkOwner}:${branch})`,
      ],
    };
  }
  if (!ctx.token)
    throw InputError.missing(
      'token',
      `Set WINGET_TOKEN (or the token input, or token-env) to a classic personal access token with the public_repo scope, to push to ${fork} and open the pull request.`,
    );

  await syncFork(api, fork, repository, base, ctx.token);
  const commit = await commitFiles(api, fork, base, files, title, ctx.token);
  await pointBranch(api, fork, branch, commit, ctx.token);
  const pull = await openPullRequest(api, {
    repository,
    head: `${forkOwner}:${branch}`,
    base,
    title,
    body: [
      `${meta.packageName} ${version}: ${files.length} manifests (ManifestVersion ${MANIFEST_VERSION}), installers from ${release.releaseUrl}.`,
      '',
      'Submitted by deploy-actions.',
    ].join('\n'),
    token: ctx.token,
    findOpen: () => openPull(api, repository, `${forkOwner}:${branch}`, title, (m) => ctx.reporter.debug(m)),
  });
  return {
    status: 'published',
    url: pull.html_url,
    notes: [
      `opened pull request #${pull.number} "${title}" on ${repository}`,
      'the version is public once the winget-pkgs moderators merge it',
    ],
  };
};

/** Bring the fork's default branch up to upstream's, so the branch starts from today's manifests. */
async function syncFork(api: WingetGitHub, fork: string, repository: string, base: string, token: string) {
  const info = await api.find<{ fork?: boolean; parent?: { full_name: string } }>(
    `/repos/${fork}`,
    `read ${fork}`,
    SHAPES.repository,
    'a GitHub repository',
  );
  if (!info)
    throw new RegistryError(
      'GitHub',
      `the fork ${fork} was not found`,
      `Fork ${repository} to ${fork.split('/')[0]} on GitHub (or set fork: to your fork), and check WINGET_TOKEN can see it.`,
      404,
    );
  if (
    info.fork === false ||
    (info.parent && info.parent.full_name.toLowerCase() !== repository.toLowerCase())
  )
    throw InputError.bad(
      'fork',
      fork,
      `is not a fork of ${repository}${info.parent ? ` (it forks ${info.parent.full_name})` : ''}`,
      `Set fork: to your fork of ${repository}.`,
    );
  const res = await api.call('POST', `/repos/${fork}/merge-upstream`, { branch: base });
  if (res.status === 409)
    throw new RegistryError(
      'GitHub',
      `could not sync ${fork} with ${repository}: its ${base} has commits of its own that conflict`,
      `Reset ${fork}'s ${base} to ${repository}'s (Sync fork -> Discard commits on GitHub); deploy-actions never commits to it.`,
      409,
    );
  if (!res.ok) throw api.refusedWinget(res, `sync ${fork} with ${repository}`, token);
}

async function post<T>(
  api: WingetGitHub,
  url: string,
  body: unknown,
  what: string,
  token: string,
): Promise<T> {
  const res = await api.call('POST', url, body);
  if (!res.ok) throw api.refusedWinget(res, what, token);
  return jsonAnswer<T>(res, SHAPES.sha, {
    what: `a created ${what.split(' ')[1] ?? 'object'}`,
    registry: 'GitHub',
  });
}

/** One commit on top of the fork's synced base, holding the three manifests. */
async function commitFiles(
  api: WingetGitHub,
  fork: string,
  base: string,
  files: ManifestFile[],
  message: string,
  token: string,
): Promise<string> {
  const head = await api.find<{ object: { sha: string } }>(
    `/repos/${fork}/git/ref/heads/${encodeURIComponent(base)}`,
    `read ${base} of ${fork}`,
    SHAPES.ref,
    'a GitHub git ref',
  );
  if (!head) throw new RegistryError('GitHub', `${fork} has no branch ${base}`, 'Sync the fork on GitHub.');
  const parent = await api.find<{ tree: { sha: string } }>(
    `/repos/${fork}/git/commits/${head.object.sha}`,
    `read commit ${head.object.sha} of ${fork}`,
    SHAPES.commit,
    'a GitHub commit',
  );
  if (!parent) throw new RegistryError('GitHub', `${fork}: commit ${head.object.sha} not found`);
  const tree = [];
  for (const file of files) {
    const blob = await post<{ sha: string }>(
      api,
      `/repos/${fork}/git/blobs`,
      { content: Buffer.from(file.text, 'utf8').toString('base64'), encoding: 'base64' },
      `create blob ${file.path} on ${fork}`,
      token,
    );
    tree.push({ path: file.path, mode: '100644', type: 'blob', sha: blob.sha });
  }
  const created = await post<{ sha: string }>(
    api,
    `/repos/${fork}/git/trees`,
    { base_tree: parent.tree.sha, tree },
    `create tree on ${fork}`,
    token,
  );
  const commit = await post<{ sha: string }>(
    api,
    `/repos/${fork}/git/commits`,
    { message, tree: created.sha, parents: [head.object.sha] },
    `create commit on ${fork}`,
    token,
  );
  return commit.sha;
}

/** The version's branch at our commit: created, or (left by a run whose pull request was not opened) moved. */
async function pointBranch(api: WingetGitHub, fork: string, branch: string, sha: string, token: string) {
  const created = await api.call('POST', `/repos/${fork}/git/refs`, { ref: `refs/heads/${branch}`, sha });
  if (created.ok) return;
  if (created.status !== 422) throw api.refusedWinget(created, `create branch ${branch} on ${fork}`, token);
  const moved = await api.call('PATCH', `/repos/${fork}/git/refs/heads/${encodeURIComponent(branch)}`, {
    sha,
    force: true,
  });
  if (!moved.ok) throw api.refusedWinget(moved, `update branch ${branch} on ${fork}`, token);
}

async function openPullRequest(
  api: WingetGitHub,
  pr: {
    repository: string;
    head: string;
    base: string;
    title: string;
    body: string;
    token: string;
    findOpen: () => Promise<Pull | undefined>;
  },
): Promise<Pull> {
  try {
    const res = await api.call(
      'POST',
      `/repos/${pr.repository}/pulls`,
      { title: pr.title, head: pr.head, base: pr.base, body: pr.body, maintainer_can_modify: true },
      { beforeRetry: async () => !(await pr.findOpen()) },
    );
    if (res.status === 422) {
      const open = await pr.findOpen();
      if (open) return open;
    }
    if (!res.ok) throw api.refusedWinget(res, `open a pull request on ${pr.repository}`, pr.token);
    return jsonAnswer<Pull>(res, SHAPES.pull, { what: 'a created pull request', registry: 'GitHub' });
  } catch (error) {
    if (!(error instanceof AlreadyDoneSignal)) throw error;
    const open = await pr.findOpen();
    if (!open)
      throw new Error(`GitHub: the pull request on ${pr.repository} was reported opened but is not listed`);
    return open;
  }
}

/** winget-pkgs removes a version only through a reviewed pull request of its own. */
export const rollback: Rollback = async () => {
  throw new InputError(
    'target',
    'a winget version cannot be rolled back by deploy-actions: winget-pkgs removes a version only through a pull request its moderators review',
    `Open a removal pull request on ${DEFAULT_REPOSITORY} by hand, or release a fixed version.`,
  );
};
