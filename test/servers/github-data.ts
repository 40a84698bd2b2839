/**
 * The git data API of the GitHub test server (trees and commits), for a branch that does not
 * exist yet: an orphan data branch is a tree, a commit without parents and a new ref
 * (POST /git/refs, in github-git.ts). Blobs are given inline as `content`, as the API allows.
 * https://docs.github.com/rest/git/trees#create-a-tree
 * https://docs.github.com/rest/git/commits#create-a-commit
 */
import { createHash } from 'node:crypto';
import { fail, json, repoOf, requireWrite, send, type Handler } from './github-http.js';
import { gitBlobSha, now, type Repo } from './github-state.js';

const DOCS = {
  tree: 'https://docs.github.com/rest/git/trees#create-a-tree',
  commit: 'https://docs.github.com/rest/git/commits#create-a-commit',
};

/** The trees each repository was given, by sha (a commit stores whole file maps). */
const trees = new WeakMap<Repo, Map<string, Map<string, Buffer>>>();

function treesOf(repo: Repo): Map<string, Map<string, Buffer>> {
  let map = trees.get(repo);
  if (!map) trees.set(repo, (map = new Map()));
  return map;
}

function treeSha(files: Map<string, Buffer>): string {
  const hash = createHash('sha1');
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${path}\0${gitBlobSha(bytes)}\n`);
  return hash.digest('hex');
}

interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  content?: string;
  sha?: string | null;
}

const createTree: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.tree)) return;
  const fields = json<{ tree?: TreeEntry[]; base_tree?: string }>(ctx);
  if (!fields) return;
  if (!Array.isArray(fields.tree))
    return fail(ctx, 422, 'Invalid request.\n\n"tree" wasn\'t supplied.', {}, DOCS.tree);
  let files = new Map<string, Buffer>();
  if (fields.base_tree) {
    const base = treesOf(repo).get(fields.base_tree);
    if (!base) return fail(ctx, 422, 'base_tree is not a valid tree', {}, DOCS.tree);
    files = new Map(base);
  }
  for (const entry of fields.tree) {
    if (!entry.path || entry.type !== 'blob' || !/^100(644|755)$/.test(entry.mode ?? ''))
      return fail(ctx, 422, 'Invalid tree info', {}, DOCS.tree);
    if (entry.sha === null) files.delete(entry.path);
    else if (typeof entry.content === 'string') files.set(entry.path, Buffer.from(entry.content, 'utf8'));
    else return fail(ctx, 422, 'Must supply either tree.sha or tree.content', {}, DOCS.tree);
  }
  const sha = treeSha(files);
  treesOf(repo).set(sha, files);
  const full = `${repo.owner}/${repo.name}`;
  send(ctx, 201, {
    sha,
    url: `${ctx.base}/repos/${full}/git/trees/${sha}`,
    truncated: false,
    tree: [...files].map(([path, bytes]) => ({
      path,
      mode: '100644',
      type: 'blob',
      size: bytes.length,
      sha: gitBlobSha(bytes),
      url: `${ctx.base}/repos/${full}/git/blobs/${gitBlobSha(bytes)}`,
    })),
  });
};

const createCommit: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS.commit)) return;
  const fields = json<{ message?: string; tree?: string; parents?: string[] }>(ctx);
  if (!fields) return;
  if (!fields.message)
    return fail(ctx, 422, 'Invalid request.\n\n"message" wasn\'t supplied.', {}, DOCS.commit);
  const files = fields.tree ? treesOf(repo).get(fields.tree) : undefined;
  if (!files) return fail(ctx, 422, 'Tree SHA does not exist', {}, DOCS.commit);
  const parents = fields.parents ?? [];
  if (parents.some((p) => !repo.commits.has(p)))
    return fail(ctx, 422, 'Parent SHA does not exist or is not a commit object', {}, DOCS.commit);
  const commit = ctx.state.commit(repo, parents, fields.message, new Map(files));
  const full = `${repo.owner}/${repo.name}`;
  const who = {
    name: ctx.caller!.login,
    email: `${ctx.caller!.login}@users.noreply.github.com`,
    date: now(),
  };
  send(ctx, 201, {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 8)}`,
    url: `${ctx.base}/repos/${full}/git/commits/${commit.sha}`,
    html_url: `${ctx.base}/${full}/commit/${commit.sha}`,
    message: commit.message,
    tree: { sha: fields.tree, url: `${ctx.base}/repos/${full}/git/trees/${fields.tree}` },
    parents: parents.map((sha) => ({ sha, url: `${ctx.base}/repos/${full}/git/commits/${sha}` })),
    author: who,
    committer: who,
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  });
};

const R = '/repos/([^/]+)/([^/]+)';

export const dataRoutes: [string, RegExp, Handler][] = [
  ['POST', new RegExp(`^${R}/git/trees$`), createTree],
  ['POST', new RegExp(`^${R}/git/commits$`), createCommit],
];
