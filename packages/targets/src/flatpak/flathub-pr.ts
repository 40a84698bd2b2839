/**
 * flathub-pr mode: Flathub builds apps from a manifest in its own repository (flathub/<app-id>),
 * so releasing there is a pull request that points the app's sources at the new version. One
 * branch per version (`deploy-actions/<version>`): an open pull request from it means done.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ConfigError, InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { AlreadyDoneSignal } from '@deploy-actions/action-kit/http';
import { parseManifest, manifestAppId } from './client.js';
import { applyBumps, planBumps, type ResolvedBump, type SourceBump } from './flathub-manifest.js';
import { GitHubApi, isRepository, SHAPES, type Pull } from './github.js';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import { githubToken, requireToken, type FlatpakJob } from './job.js';
import type { PublishResult } from '../publish-types.js';

interface RemoteFile {
  path: string;
  sha: string;
  text: string;
}

export const prBranch = (version: string) => `deploy-actions/${version}`;

async function findManifest(
  api: GitHubApi,
  repository: string,
  ref: string,
  candidates: string[],
): Promise<RemoteFile> {
  for (const path of candidates) {
    const file = await api.find<{ sha: string; content: string; encoding: string }>(
      `/repos/${repository}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(ref)}`,
      `read ${path} of ${repository}`,
      SHAPES.file,
      'a GitHub file',
    );
    if (file) return { path, sha: file.sha, text: Buffer.from(file.content, 'base64').toString('utf8') };
  }
  throw new RegistryError(
    'GitHub',
    `${repository} has none of ${candidates.join(', ')} on ${ref}`,
    'Check repository (the Flathub repository of the app).',
  );
}

async function download(job: FlatpakJob, url: string): Promise<Buffer> {
  const res = await job.ctx.http.request({ url, timeoutMs: 10 * 60_000 });
  if (!res.ok)
    throw new RegistryError(
      new URL(url).host,
      `the new source ${url} answered HTTP ${res.status}`,
      'Publish the release files first (run the github-release target in an earlier tier), or check the URL in the Flathub manifest.',
      res.status,
    );
  return res.body;
}

/** The commit a tag of a GitHub repository points at (annotated tags followed to their commit). */
async function tagCommit(api: GitHubApi, gitUrl: string, tag: string, file: string): Promise<string> {
  const repo = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(gitUrl)?.[1];
  if (!repo)
    throw new ConfigError(
      file,
      undefined,
      'commit',
      `cannot look up the commit of ${tag} in ${gitUrl} (not a GitHub repository)`,
      'Drop `commit:` or use a GitHub git URL.',
    );
  const ref = await api.find<{ object: { type: string; sha: string } }>(
    `/repos/${repo}/git/ref/tags/${encodeURIComponent(tag)}`,
    `read tag ${tag} of ${repo}`,
    SHAPES.ref,
    'a GitHub git ref',
  );
  if (!ref)
    throw new RegistryError(
      'GitHub',
      `${repo} has no tag ${tag}`,
      'Push the release tag before opening the Flathub pull request.',
    );
  if (ref.object.type !== 'tag') return ref.object.sha;
  const annotated = await api.find<{ object: { sha: string } }>(
    `/repos/${repo}/git/tags/${ref.object.sha}`,
    `read tag ${tag} of ${repo}`,
    SHAPES.ref,
    'a GitHub tag object',
  );
  if (!annotated) throw new RegistryError('GitHub', `${repo}: tag object ${ref.object.sha} not found`);
  return annotated.object.sha;
}

async function resolveBump(
  job: FlatpakJob,
  api: GitHubApi,
  bump: SourceBump,
  source: Record<string, unknown>,
  file: string,
): Promise<ResolvedBump> {
  if (bump.field === 'tag') {
    const commit = bump.pinsCommit
      ? await tagCommit(api, String(source.url ?? ''), bump.to, file)
      : undefined;
    return { ...bump, digests: {}, commit };
  }
  const bytes = await download(job, bump.to);
  const digests: ResolvedBump['digests'] = {};
  for (const algorithm of bump.checksums)
    digests[algorithm] = createHash(algorithm).update(bytes).digest('hex');
  return { ...bump, digests };
}

function sourceAt(manifest: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  let node: unknown = manifest;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node as Record<string, unknown>;
}

function describe(bump: ResolvedBump): string {
  const digests = Object.entries(bump.digests).map(([key, value]) => `, ${key} ${value!.slice(0, 12)}…`);
  return `${bump.field} ${bump.from} -> ${bump.to}${digests.join('')}${bump.commit ? `, commit ${bump.commit.slice(0, 12)}` : ''}`;
}

export async function publishFlathubPr(job: FlatpakJob): Promise<PublishResult> {
  const { ctx, loaded } = job;
  const { version } = ctx.version;
  const repository = String(job.settings.repository || `flathub/${loaded.appId}`);
  if (!isRepository(repository)) throw InputError.bad('repository', repository, 'is not owner/name');
  const token = githubToken(job);
  const api = new GitHubApi(ctx.http, token, ctx.env);
  const owner = repository.split('/')[0];
  const branch = prBranch(version);

  const openPullsPath = `/repos/${repository}/pulls?state=open&head=${encodeURIComponent(`${owner}:${branch}`)}`;
  const open = await api.find<Pull[]>(
    openPullsPath,
    `list pull requests of ${repository}`,
    [SHAPES.pull],
    'a GitHub pull request list',
  );
  if (open?.length)
    return {
      status: 'skipped',
      url: open[0].html_url,
      notes: [`pull request #${open[0].number} for ${version} is already open`],
    };

  const info = await api.find<{ default_branch: string }>(
    `/repos/${repository}`,
    `read ${repository}`,
    SHAPES.repository,
    'a GitHub repository',
  );
  if (!info)
    throw new RegistryError(
      'GitHub',
      `repository ${repository} was not found`,
      'Set repository to the Flathub repository of the app (flathub/<app-id>), and check the token can see it.',
      404,
    );
  const base = info.default_branch;
  const candidates = [
    ...new Set([
      basename(loaded.file),
      `${loaded.appId}.yml`,
      `${loaded.appId}.yaml`,
      `${loaded.appId}.json`,
    ]),
  ];
  const remote = await findManifest(api, repository, base, candidates);
  const where = `${repository}:${remote.path}`;
  const manifest = await parseManifest(remote.text, remote.path);
  if (manifestAppId(manifest, where) !== loaded.appId)
    throw new ConfigError(
      where,
      undefined,
      'app-id',
      `is ${manifestAppId(manifest, where)}, not ${loaded.appId}`,
      'Check repository.',
    );
  const project = ctx.env.GITHUB_REPOSITORY?.split('/')[1];
  const bumps = planBumps(manifest, where, loaded.appId, version, project);
  if (bumps.every((bump) => bump.from === bump.to))
    return { status: 'skipped', notes: [`${where} on ${base} already points at ${version}`] };

  if (ctx.dryRun) {
    // The release's files may not exist yet in a dry run: name the changes, fetch nothing.
    const planned = bumps.map(
      (bump) =>
        describe({ ...bump, digests: {} }) +
        (bump.checksums.length ? ` (+ ${bump.checksums.join(', ')})` : '') +
        (bump.pinsCommit ? ' (+ commit)' : ''),
    );
    return {
      status: 'dry-run',
      notes: [
        `would open a pull request on ${repository} (${base} <- ${branch}) changing ${remote.path}:`,
        ...planned,
      ],
    };
  }
  const resolved: ResolvedBump[] = [];
  for (const bump of bumps)
    resolved.push(await resolveBump(job, api, bump, sourceAt(manifest, bump.path), where));
  const text = applyBumps(remote.text, remote.path, resolved);
  const changes = resolved.map(describe);
  requireToken(
    token,
    'GITHUB_TOKEN',
    'open the Flathub pull request (a token that may push to the Flathub repository)',
  );

  const head = await api.find<{ object: { sha: string } }>(
    `/repos/${repository}/git/ref/heads/${encodeURIComponent(base)}`,
    `read ${base} of ${repository}`,
    SHAPES.ref,
    'a GitHub git ref',
  );
  if (!head) throw new RegistryError('GitHub', `${repository} has no branch ${base}`);
  const created = await api.call(
    'POST',
    `/repos/${repository}/git/refs`,
    { ref: `refs/heads/${branch}`, sha: head.object.sha },
    {
      beforeRetry: async () =>
        !(await api.find(
          `/repos/${repository}/git/ref/heads/${branch}`,
          `read ${branch}`,
          SHAPES.ref,
          'a GitHub git ref',
        )),
    },
  );
  // 422: the branch exists from an earlier run whose pull request was not opened; reuse it.
  if (!created.ok && created.status !== 422)
    throw api.refused(created, `create branch ${branch} on ${repository}`);
  const onBranch = await findManifest(api, repository, branch, [remote.path]);
  const put = await api.call(
    'PUT',
    `/repos/${repository}/contents/${remote.path.split('/').map(encodeURIComponent).join('/')}`,
    {
      message: `Update to ${version}`,
      content: Buffer.from(text, 'utf8').toString('base64'),
      sha: onBranch.sha,
      branch,
    },
  );
  if (!put.ok) throw api.refused(put, `update ${remote.path} on ${branch}`);
  const body = [
    `Update ${loaded.appId} to ${version}.`,
    '',
    ...changes.map((c) => `- ${c}`),
    '',
    'Opened by deploy-actions.',
  ].join('\n');
  const openPull = async () =>
    (
      await api.find<Pull[]>(
        openPullsPath,
        `list pull requests of ${repository}`,
        [SHAPES.pull],
        'a GitHub pull request list',
      )
    )?.[0];
  let pull: Pull | undefined;
  try {
    const pr = await api.call(
      'POST',
      `/repos/${repository}/pulls`,
      { title: `Update to ${version}`, head: branch, base, body },
      {
        beforeRetry: async () => !(await openPull()),
      },
    );
    if (!pr.ok) throw api.refused(pr, `open a pull request on ${repository}`);
    pull = jsonAnswer<Pull>(pr, SHAPES.pull, { what: 'a created pull request', registry: 'GitHub' });
  } catch (error) {
    if (!(error instanceof AlreadyDoneSignal)) throw error;
    pull = await openPull();
  }
  if (!pull)
    throw new Error(`GitHub: the pull request on ${repository} was reported opened but is not listed`);
  return {
    status: 'published',
    url: pull.html_url,
    notes: [`opened pull request #${pull.number} on ${repository}`, ...changes],
  };
}
