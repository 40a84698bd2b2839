/**
 * Commit history of a path, for the GitHub test server (what a tap's rollback reads):
 * GET /repos/{o}/{r}/commits?path=&sha=, newest first, only commits that changed the file.
 */
import { repoOf, send, type Handler } from './github-http.js';

const listCommits: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const path = ctx.url.searchParams.get('path');
  const perPage = Math.min(100, Number(ctx.url.searchParams.get('per_page')) || 30);
  let commit = ctx.state.resolve(repo, ctx.url.searchParams.get('sha') ?? repo.defaultBranch);
  const out: { sha: string; commit: { message: string } }[] = [];
  while (commit && out.length < perPage) {
    const parent = commit.parents[0] ? repo.commits.get(commit.parents[0]) : undefined;
    const mine = path ? commit.files.get(path) : undefined;
    const before = path ? parent?.files.get(path) : undefined;
    const changed = !path || ((mine ?? before) !== undefined && !(mine && before && mine.equals(before)));
    if (changed) out.push({ sha: commit.sha, commit: { message: commit.message } });
    commit = parent;
  }
  send(ctx, 200, out);
};

export const tapRoutes: [string, RegExp, Handler][] = [
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/commits$/, listCommits],
];
