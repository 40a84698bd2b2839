/**
 * The repository-content part of the GitHub test server, for flows that open pull requests:
 * contents (base64, blob sha), branch refs, pulls and forks. Commits are whole file trees.
 */
import {
  fail,
  json,
  notFound,
  repoJson,
  repoOf,
  requireWrite,
  send,
  sendPage,
  userJson,
  validationFailed,
  type Ctx,
  type Handler,
} from './github-http.js';
import { gitBlobSha, now, type Pull, type Repo } from './github-state.js';

const DOCS = {
  contents: 'https://docs.github.com/rest/repos/contents#get-repository-content',
  put: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
  ref: 'https://docs.github.com/rest/git/refs#get-a-reference',
  createRef: 'https://docs.github.com/rest/git/refs#create-a-reference',
  pulls: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
};

/** GitHub wraps base64 content at 60 characters. */
const wrapBase64 = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';

function fileJson(ctx: Ctx, repo: Repo, ref: string, path: string, bytes: Buffer, withContent: boolean) {
  const full = `${repo.owner}/${repo.name}`;
  const sha = gitBlobSha(bytes);
  const url = `${ctx.base}/repos/${full}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${ctx.base}/${full}/blob/${ref}/${path}`;
  const git = `${ctx.base}/repos/${full}/git/blobs/${sha}`;
  return {
    type: 'file',
    name: path.split('/').pop(),
    path,
    sha,
    size: bytes.length,
    url,
    html_url: html,
    git_url: git,
    download_url: `${ctx.base}/raw/${full}/${ref}/${path}`,
    ...(withContent ? { encoding: 'base64', content: wrapBase64(bytes) } : {}),
    _links: { self: url, git, html },
  };
}

const getContents: Handler = (ctx, [owner, name, rawPath]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const path = decodeURIComponent(rawPath).replace(/\/+$/, '');
  const ref = ctx.url.searchParams.get('ref') ?? repo.defaultBranch;
  const commit = ctx.state.resolve(repo, ref);
  if (!commit) return fail(ctx, 404, `No commit found for the ref ${ref}`, {}, DOCS.contents);
  const bytes = commit.files.get(path);
  if (bytes) return send(ctx, 200, fileJson(ctx, repo, ref, path, bytes, true));
  const children = [...commit.files.keys()].filter((p) => p.startsWith(`${path}/`));
  if (!children.length) return notFound(ctx, DOCS.contents);
  const names = new Set(children.map((p) => p.slice(path.length + 1).split('/')[0]));
  send(
    ctx,
    200,
    [...names].sort().map((child) => {
      const childPath = `${path}/${child}`;
      const file = commit.files.get(childPath);
      return file
        ? fileJson(ctx, repo, ref, childPath, file, false)
        : { type: 'dir', name: child, path: childPath, sha: null };
    }),
  );
};

const putContents: Handler = (ctx, [owner, name, rawPath]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.put)) return;
  const fields = json<{ message?: string; content?: string; sha?: string; branch?: string }>(ctx);
  if (!fields) return;
  if (!fields.message) return fail(ctx, 422, 'Invalid request.\n\n"message" wasn\'t supplied.', {}, DOCS.put);
  if (typeof fields.content !== 'string')
    return fail(ctx, 422, 'Invalid request.\n\n"content" wasn\'t supplied.', {}, DOCS.put);
  const path = decodeURIComponent(rawPath);
  const branch = fields.branch ?? repo.defaultBranch;
  const head = ctx.state.resolve(repo, branch);
  if (!head || !repo.refs.has(`heads/${branch}`))
    return fail(ctx, 404, `Branch ${branch} not found`, {}, DOCS.put);
  const current = head.files.get(path);
  if (current && !fields.sha)
    return fail(ctx, 422, 'Invalid request.\n\n"sha" wasn\'t supplied.', {}, DOCS.put);
  if (current && fields.sha !== gitBlobSha(current))
    return fail(ctx, 409, `${path} does not match ${fields.sha}`, {}, DOCS.put);
  const bytes = Buffer.from(fields.content, 'base64');
  const commit = ctx.state.setFile(`${repo.owner}/${repo.name}`, branch, path, bytes, fields.message);
  const full = `${repo.owner}/${repo.name}`;
  send(ctx, current ? 200 : 201, {
    content: fileJson(ctx, repo, branch, path, bytes, false),
    commit: {
      sha: commit.sha,
      node_id: `C_${commit.sha.slice(0, 8)}`,
      url: `${ctx.base}/repos/${full}/git/commits/${commit.sha}`,
      html_url: `${ctx.base}/${full}/commit/${commit.sha}`,
      message: commit.message,
      author: {
        name: ctx.caller!.login,
        email: `${ctx.caller!.login}@users.noreply.github.com`,
        date: now(),
      },
      committer: {
        name: ctx.caller!.login,
        email: `${ctx.caller!.login}@users.noreply.github.com`,
        date: now(),
      },
      parents: commit.parents.map((sha) => ({ sha, url: `${ctx.base}/repos/${full}/git/commits/${sha}` })),
    },
  });
};

function refJson(ctx: Ctx, repo: Repo, ref: string, sha: string) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    ref: `refs/${ref}`,
    node_id: `REF_${Buffer.from(ref).toString('base64')}`,
    url: `${ctx.base}/repos/${full}/git/refs/${ref}`,
    object: { type: 'commit', sha, url: `${ctx.base}/repos/${full}/git/commits/${sha}` },
  };
}

const getRef: Handler = (ctx, [owner, name, ref]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const sha = repo.refs.get(decodeURIComponent(ref));
  if (sha) send(ctx, 200, refJson(ctx, repo, decodeURIComponent(ref), sha));
  else notFound(ctx, DOCS.ref);
};

const createRef: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.createRef)) return;
  const fields = json<{ ref?: string; sha?: string }>(ctx);
  if (!fields) return;
  if (!fields.ref || !/^refs\/[^/]+\/.+/.test(fields.ref))
    return fail(
      ctx,
      422,
      "Reference name must start with 'refs/' and have at least two slashes.",
      {},
      DOCS.createRef,
    );
  if (!fields.sha || !repo.commits.has(fields.sha))
    return fail(ctx, 422, 'Object does not exist', {}, DOCS.createRef);
  const ref = fields.ref.slice('refs/'.length);
  if (repo.refs.has(ref)) return fail(ctx, 422, 'Reference already exists', {}, DOCS.createRef);
  repo.refs.set(ref, fields.sha);
  send(ctx, 201, refJson(ctx, repo, ref, fields.sha));
};

const updateRef: Handler = (ctx, [owner, name, ref]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx)) return;
  const fields = json<{ sha?: string; force?: boolean }>(ctx);
  if (!fields) return;
  const key = decodeURIComponent(ref);
  if (!repo.refs.has(key)) return fail(ctx, 422, 'Reference does not exist');
  if (!fields.sha || !repo.commits.has(fields.sha)) return fail(ctx, 422, 'Object does not exist');
  repo.refs.set(key, fields.sha);
  send(ctx, 200, refJson(ctx, repo, key, fields.sha));
};

function pullJson(ctx: Ctx, repo: Repo, pull: Pull) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    url: `${ctx.base}/repos/${full}/pulls/${pull.number}`,
    id: pull.id,
    node_id: `PR_${pull.id}`,
    html_url: `${ctx.base}/${full}/pull/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: userJson(ctx.base, ctx.state.login),
    draft: pull.draft,
    merged: false,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    head: {
      label: `${pull.headOwner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      repo: { full_name: `${pull.headOwner}/${repo.name}` },
    },
    base: {
      label: `${repo.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: pull.baseSha,
      repo: repoJson(ctx, repo),
    },
  };
}

const createPull: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.pulls)) return;
  const fields = json<{ title?: string; head?: string; base?: string; body?: string; draft?: boolean }>(ctx);
  if (!fields) return;
  if (!fields.title)
    return validationFailed(
      ctx,
      [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }],
      DOCS.pulls,
    );
  const [headOwner, headRef] = fields.head?.includes(':')
    ? fields.head.split(':', 2)
    : [repo.owner, fields.head ?? ''];
  const headRepo =
    headOwner.toLowerCase() === repo.owner.toLowerCase()
      ? repo
      : ctx.state.repos.get(`${headOwner}/${repo.name}`.toLowerCase());
  const headSha = headRepo?.refs.get(`heads/${headRef}`);
  const baseRef = fields.base ?? '';
  const baseSha = repo.refs.get(`heads/${baseRef}`);
  if (!baseSha)
    return validationFailed(ctx, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }], DOCS.pulls);
  if (!headSha)
    return validationFailed(ctx, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }], DOCS.pulls);
  if (
    repo.pulls.some(
      (p) =>
        p.state === 'open' && p.headOwner === headOwner && p.headRef === headRef && p.baseRef === baseRef,
    )
  )
    return validationFailed(
      ctx,
      [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${headOwner}:${headRef}.`,
        },
      ],
      DOCS.pulls,
    );
  const pull: Pull = {
    id: ctx.state.id(),
    number: repo.pulls.length + 1,
    title: fields.title,
    body: fields.body ?? null,
    state: 'open',
    draft: Boolean(fields.draft),
    headOwner,
    headRef,
    headSha,
    baseRef,
    baseSha,
    createdAt: now(),
  };
  repo.pulls.push(pull);
  send(ctx, 201, pullJson(ctx, repo, pull));
};

const listPulls: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const state = ctx.url.searchParams.get('state') ?? 'open';
  const head = ctx.url.searchParams.get('head');
  const base = ctx.url.searchParams.get('base');
  const pulls = repo.pulls
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => !head || `${p.headOwner}:${p.headRef}`.toLowerCase() === head.toLowerCase())
    .filter((p) => !base || p.baseRef === base)
    .sort((a, b) => b.number - a.number);
  sendPage(
    ctx,
    pulls.map((p) => pullJson(ctx, repo, p)),
  );
};

const getPull: Handler = (ctx, [owner, name, number]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const pull = repo.pulls.find((p) => p.number === Number(number));
  if (pull) send(ctx, 200, pullJson(ctx, repo, pull));
  else notFound(ctx);
};

const getRepo: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (repo) send(ctx, 200, repoJson(ctx, repo));
};

/** POST /repos/{o}/{r}/forks: the fork appears under the caller at once (202, as GitHub). */
const createFork: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx)) return;
  const fork =
    ctx.state.repos.get(`${ctx.caller!.login}/${repo.name}`.toLowerCase()) ??
    ctx.state.fork(repo, ctx.caller!.login);
  send(ctx, 202, repoJson(ctx, fork));
};

const R = '/repos/([^/]+)/([^/]+)';

export const gitRoutes: [string, RegExp, Handler][] = [
  ['GET', new RegExp(`^${R}$`), getRepo],
  ['POST', new RegExp(`^${R}/forks$`), createFork],
  ['GET', new RegExp(`^${R}/contents/(.+)$`), getContents],
  ['PUT', new RegExp(`^${R}/contents/(.+)$`), putContents],
  // Octokit sends `heads/main` as `heads%2Fmain`; handlers decode.
  ['GET', new RegExp(`^${R}/git/ref/((?:heads|tags)(?:/|%2F).+)$`), getRef],
  ['POST', new RegExp(`^${R}/git/refs$`), createRef],
  ['PATCH', new RegExp(`^${R}/git/refs/(heads(?:/|%2F).+)$`), updateRef],
  ['POST', new RegExp(`^${R}/pulls$`), createPull],
  ['GET', new RegExp(`^${R}/pulls$`), listPulls],
  ['GET', new RegExp(`^${R}/pulls/(\\d+)$`), getPull],
];
