/**
 * Request context and response helpers of the GitHub test server: GitHub's JSON error bodies,
 * rate-limit headers and Link pagination.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GitHubState, Repo } from './github-state.js';

export interface Caller {
  login: string;
  /** Whether the token may write (a read-only token gets 403 on writes). */
  write: boolean;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  path: string;
  body: Buffer;
  /** undefined = anonymous */
  caller?: Caller;
  /** http://127.0.0.1:PORT: the API base, and the html/download host. */
  base: string;
  state: GitHubState;
  /** The status answered (or that would have been, when suppressed). */
  status?: number;
  /** A fault of kind `after`: do the work, but the router sends the fault instead of the answer. */
  suppress?: boolean;
}

export type Handler = (ctx: Ctx, params: string[]) => void | Promise<void>;

const DOCS = 'https://docs.github.com/rest';

export function rateHeaders(state: GitHubState): Record<string, string> {
  const { limit, remaining, reset } = state.rateLimit;
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': String(limit - Math.max(0, remaining)),
    'x-ratelimit-resource': 'core',
  };
}

export function send(
  ctx: Ctx,
  status: number,
  payload?: unknown,
  headers: Record<string, string> = {},
): void {
  ctx.status = status;
  if (ctx.suppress || ctx.res.headersSent) return;
  const common = {
    ...rateHeaders(ctx.state),
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `0000:${ctx.state.requests.length}`,
  };
  if (payload === undefined || status === 204) {
    ctx.res.writeHead(status, { ...common, ...headers });
    ctx.res.end();
    return;
  }
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
  ctx.res.writeHead(status, {
    'content-type': Buffer.isBuffer(payload) ? 'application/octet-stream' : 'application/json; charset=utf-8',
    'content-length': String(body.length),
    ...common,
    ...headers,
  });
  ctx.res.end(body);
}

/** GitHub's error body: message, documentation_url, status as a string. */
export function fail(
  ctx: Ctx,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  docs = DOCS,
): void {
  send(ctx, status, { message, ...extra, documentation_url: docs, status: String(status) });
}

export const notFound = (ctx: Ctx, docs?: string) => fail(ctx, 404, 'Not Found', {}, docs);

export function validationFailed(ctx: Ctx, errors: Record<string, unknown>[], docs?: string): void {
  fail(ctx, 422, 'Validation Failed', { errors }, docs);
}

export function json<T = Record<string, unknown>>(ctx: Ctx): T | undefined {
  if (!ctx.body.length) return {} as T;
  try {
    return JSON.parse(ctx.body.toString('utf8')) as T;
  } catch {
    fail(ctx, 400, 'Problems parsing JSON');
    return undefined;
  }
}

/** Writes need a token that may write: 401 anonymous, 403 read-only. */
export function requireWrite(ctx: Ctx, docs?: string): boolean {
  if (!ctx.caller) {
    fail(ctx, 401, 'Requires authentication', {}, docs);
    return false;
  }
  if (!ctx.caller.write) {
    fail(ctx, 403, 'Resource not accessible by integration', {}, docs);
    return false;
  }
  return true;
}

/** The repository of /repos/{owner}/{repo}/…; 404 when absent or private and anonymous. */
export function repoOf(ctx: Ctx, owner: string, name: string): Repo | undefined {
  const repo = ctx.state.findRepo(owner, name);
  if (!repo || (repo.private && !ctx.caller)) {
    notFound(ctx);
    return undefined;
  }
  return repo;
}

/** Only callers with push access see drafts. */
export const seesDrafts = (ctx: Ctx) => Boolean(ctx.caller?.write);

/** One page of `items` with GitHub's Link header (per_page default 30, max 100). */
export function sendPage<T>(ctx: Ctx, items: T[]): void {
  const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page')) || 30));
  const page = Math.max(1, Number(ctx.url.searchParams.get('page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(ctx.url.toString());
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${ctx.base}${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  send(
    ctx,
    200,
    items.slice((page - 1) * perPage, page * perPage),
    links.length ? { link: links.join(', ') } : {},
  );
}

export const userJson = (base: string, login: string) => ({
  login,
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  type: 'User',
  site_admin: false,
  url: `${base}/users/${login}`,
  html_url: `${base}/${login}`,
});

export function repoJson(ctx: Ctx, repo: Repo): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: full,
    private: repo.private,
    fork: Boolean(repo.forkOf),
    owner: userJson(ctx.base, repo.owner),
    html_url: `${ctx.base}/${full}`,
    url: `${ctx.base}/repos/${full}`,
    default_branch: repo.defaultBranch,
    permissions: {
      admin: false,
      maintain: false,
      push: Boolean(ctx.caller?.write),
      triage: false,
      pull: true,
    },
  };
}
