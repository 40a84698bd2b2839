/**
 * The GitHub routes beyond contents, refs and pulls (github-git.ts) that a winget submission and
 * the history's data branch (an orphan commit: a tree with inline content, no parents) use:
 * syncing a fork with its upstream (POST merge-upstream), the git data API (blobs, trees,
 * commits: content-addressed, a tree sha names a whole file set) and the issue search that finds
 * an open pull request by its title. Real shapes and status codes of the REST API.
 */
import { createHash } from 'node:crypto';
import { fail, json, repoOf, requireWrite, send, type Ctx, type Handler } from './github-http.js';
import { gitBlobSha, type Repo } from './github-state.js';

const DOCS = {
  sync: 'https://docs.github.com/rest/branches/branches#sync-a-fork-branch-with-the-upstream-repository',
  blobs: 'https://docs.github.com/rest/git/blobs#create-a-blob',
  trees: 'https://docs.github.com/rest/git/trees#create-a-tree',
  commits: 'https://docs.github.com/rest/git/commits#create-a-commit',
  search: 'https://docs.github.com/rest/search/search#search-issues-and-pull-requests',
};

/** Blobs and trees per repository (commits live in the shared state as whole file sets). */
const blobs = new WeakMap<Repo, Map<string, Buffer>>();
const trees = new WeakMap<Repo, Map<string, Map<string, Buffer>>>();
const store = <T>(map: WeakMap<Repo, Map<string, T>>, repo: Repo) => {
  let found = map.get(repo);
  if (!found) map.set(repo, (found = new Map()));
  return found;
};

/** A tree's sha: the hash of its sorted paths and blob shas (stands in for git's tree object). */
export function treeSha(files: Map<string, Buffer>): string {
  const hash = createHash('sha1');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\0${gitBlobSha(files.get(path)!)}\n`);
  return hash.digest('hex');
}

function findTree(repo: Repo, sha: string): Map<string, Buffer> | undefined {
  const known = store(trees, repo).get(sha);
  if (known) return known;
  for (const commit of repo.commits.values()) if (treeSha(commit.files) === sha) return commit.files;
  return undefined;
}

const createBlob: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.blobs)) return;
  const fields = json<{ content?: string; encoding?: string }>(ctx);
  if (!fields) return;
  if (typeof fields.content !== 'string')
    return fail(ctx, 422, 'Invalid request.\n\n"content" wasn\'t supplied.', {}, DOCS.blobs);
  if (fields.encoding && !['utf-8', 'base64'].includes(fields.encoding))
    return fail(ctx, 422, `encoding must be one of utf-8, base64`, {}, DOCS.blobs);
  const bytes = Buffer.from(fields.content, fields.encoding === 'base64' ? 'base64' : 'utf8');
  const sha = gitBlobSha(bytes);
  store(blobs, repo).set(sha, bytes);
  send(ctx, 201, { sha, url: `${ctx.base}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}` });
};

const createTree: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.trees)) return;
  const fields = json<{
    base_tree?: string;
    tree?: { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[];
  }>(ctx);
  if (!fields) return;
  if (!Array.isArray(fields.tree))
    return fail(ctx, 422, 'Invalid request.\n\n"tree" wasn\'t supplied.', {}, DOCS.trees);
  const base = fields.base_tree ? findTree(repo, fields.base_tree) : new Map<string, Buffer>();
  if (!base) return fail(ctx, 422, 'base_tree is not a valid tree oid', {}, DOCS.trees);
  const files = new Map(base);
  for (const entry of fields.tree) {
    if (!entry.path || entry.path.startsWith('/') || entry.path.split('/').some((p) => !p || p === '..'))
      return fail(ctx, 422, `tree.path contains a malformed path component`, {}, DOCS.trees);
    if (!['100644', '100755', '040000', '160000', '120000'].includes(entry.mode ?? ''))
      return fail(ctx, 422, 'Invalid tree info', {}, DOCS.trees);
    if (entry.sha === null) {
      files.delete(entry.path);
      continue;
    }
    const bytes =
      entry.content !== undefined
        ? Buffer.from(entry.content, 'utf8')
        : store(blobs, repo).get(entry.sha ?? '');
    if (!bytes) return fail(ctx, 422, `Invalid tree info`, {}, DOCS.trees);
    files.set(entry.path, bytes);
  }
  const sha = treeSha(files);
  store(trees, repo).set(sha, files);
  const full = `${repo.owner}/${repo.name}`;
  send(ctx, 201, {
    sha,
    url: `${ctx.base}/repos/${full}/git/trees/${sha}`,
    tree: [...files.entries()].map(([path, bytes]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: gitBlobSha(bytes),
      size: bytes.length,
    })),
    truncated: false,
  });
};

function commitJson(ctx: Ctx, repo: Repo, sha: string) {
  const commit = repo.commits.get(sha)!;
  const full = `${repo.owner}/${repo.name}`;
  const who = {
    name: ctx.state.login,
    email: `${ctx.state.login}@users.noreply.github.com`,
    date: '2024-01-01T00:00:00Z',
  };
  return {
    sha,
    node_id: `C_${sha.slice(0, 8)}`,
    url: `${ctx.base}/repos/${full}/git/commits/${sha}`,
    html_url: `${ctx.base}/${full}/commit/${sha}`,
    author: who,
    committer: who,
    message: commit.message,
    tree: { sha: treeSha(commit.files), url: `${ctx.base}/repos/${full}/git/trees/${treeSha(commit.files)}` },
    parents: commit.parents.map((p) => ({ sha: p, url: `${ctx.base}/repos/${full}/git/commits/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

const getCommit: Handler = (ctx, [owner, name, sha]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  if (!repo.commits.has(sha)) return fail(ctx, 404, 'Not Found', {}, DOCS.commits);
  send(ctx, 200, commitJson(ctx, repo, sha));
};

const createCommit: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.commits)) return;
  const fields = json<{ message?: string; tree?: string; parents?: string[] }>(ctx);
  if (!fields) return;
  if (!fields.message)
    return fail(ctx, 422, 'Invalid request.\n\n"message" wasn\'t supplied.', {}, DOCS.commits);
  const files = fields.tree ? findTree(repo, fields.tree) : undefined;
  if (!files) return fail(ctx, 422, 'Tree SHA does not exist', {}, DOCS.commits);
  const parents = fields.parents ?? [];
  if (parents.some((p) => !repo.commits.has(p)))
    return fail(ctx, 422, 'Parent SHA does not exist or is not a commit object', {}, DOCS.commits);
  const commit = ctx.state.commit(repo, parents, fields.message, new Map(files));
  send(ctx, 201, commitJson(ctx, repo, commit.sha));
};

function isAncestor(repo: Repo, ancestor: string, of: string): boolean {
  const seen = new Set<string>();
  const queue = [of];
  while (queue.length) {
    const sha = queue.pop()!;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.commits.get(sha)?.parents ?? []));
  }
  return false;
}

/** POST merge-upstream: fast-forward the fork's branch; 409 when it has commits of its own. */
const mergeUpstream: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.sync)) return;
  const fields = json<{ branch?: string }>(ctx);
  if (!fields) return;
  if (!fields.branch) return fail(ctx, 422, 'Invalid request.\n\n"branch" wasn\'t supplied.', {}, DOCS.sync);
  if (!repo.forkOf) return fail(ctx, 422, 'This repository is not a fork', {}, DOCS.sync);
  const upstream = ctx.state.repo(repo.forkOf);
  const theirs = upstream.refs.get(`heads/${fields.branch}`);
  const ours = repo.refs.get(`heads/${fields.branch}`);
  if (!theirs || !ours) return fail(ctx, 422, 'Branch not found', {}, DOCS.sync);
  for (const [sha, commit] of upstream.commits) repo.commits.set(sha, commit);
  const baseBranch = `${upstream.owner}:${fields.branch}`;
  if (ours === theirs || isAncestor(repo, theirs, ours))
    return send(ctx, 200, {
      message: 'This branch is not behind the upstream',
      merge_type: 'none',
      base_branch: baseBranch,
    });
  if (!isAncestor(repo, ours, theirs)) return fail(ctx, 409, 'There are merge conflicts', {}, DOCS.sync);
  repo.refs.set(`heads/${fields.branch}`, theirs);
  send(ctx, 200, {
    message: `Successfully fetched and fast-forwarded from upstream ${baseBranch}.`,
    merge_type: 'fast-forward',
    base_branch: baseBranch,
  });
};

/** GET /search/issues: `repo:o/r is:pr is:open in:title "phrase"` over the pull requests. */
const searchIssues: Handler = (ctx) => {
  const q = ctx.url.searchParams.get('q') ?? '';
  if (!q.trim())
    return fail(
      ctx,
      422,
      'Validation Failed',
      { errors: [{ resource: 'Search', field: 'q', code: 'missing' }] },
      DOCS.search,
    );
  const repoName = /(?:^|\s)repo:(\S+)/.exec(q)?.[1];
  const phrase = /"([^"]*)"/.exec(q)?.[1]?.toLowerCase();
  const open = /(?:^|\s)is:open(?:\s|$)/.test(q);
  const repos = [...ctx.state.repos.values()].filter(
    (r) => !repoName || `${r.owner}/${r.name}`.toLowerCase() === repoName.toLowerCase(),
  );
  const items = repos.flatMap((repo) =>
    repo.pulls
      .filter((p) => (!open || p.state === 'open') && (!phrase || p.title.toLowerCase().includes(phrase)))
      .map((p) => {
        const full = `${repo.owner}/${repo.name}`;
        return {
          url: `${ctx.base}/repos/${full}/issues/${p.number}`,
          html_url: `${ctx.base}/${full}/pull/${p.number}`,
          number: p.number,
          title: p.title,
          state: p.state,
          pull_request: {
            url: `${ctx.base}/repos/${full}/pulls/${p.number}`,
            html_url: `${ctx.base}/${full}/pull/${p.number}`,
          },
        };
      }),
  );
  send(ctx, 200, { total_count: items.length, incomplete_results: false, items });
};

const R = '/repos/([^/]+)/([^/]+)';

export const gitDataRoutes: [string, RegExp, Handler][] = [
  ['POST', new RegExp(`^${R}/merge-upstream$`), mergeUpstream],
  ['POST', new RegExp(`^${R}/git/blobs$`), createBlob],
  ['POST', new RegExp(`^${R}/git/trees$`), createTree],
  ['POST', new RegExp(`^${R}/git/commits$`), createCommit],
  ['GET', new RegExp(`^${R}/git/commits/([0-9a-f]{40})$`), getCommit],
  ['GET', /^\/search\/issues$/, searchIssues],
];
