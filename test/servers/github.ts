/**
 * A GitHub REST API test server (node:http on 127.0.0.1, a free port) for the subset this
 * project uses: releases and assets (uploads under /uploads, as upload_url says), contents,
 * refs, pulls and forks. Real shapes and status codes; checked with Octokit from @actions/github.
 *
 *   const gh = await startGitHubServer({ token: 'ghs_test' });
 *   env.GITHUB_API_URL = gh.url;           // the API base
 *   gh.state.failNext({ status: 502, path: '/uploads/' });
 *   gh.state.releases('acme/app');         // what a user would see
 *   await gh.stop();
 *
 * Auth: `Authorization: token X` or `Bearer X`. No header = anonymous (reads of public
 * repositories only, no drafts); any other token = 401 Bad credentials; a read-only token = 403
 * "Resource not accessible by integration" on writes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fail,
  notFound,
  rateHeaders,
  send,
  userJson,
  type Caller,
  type Ctx,
  type Handler,
} from './github-http.js';
import { gitRoutes } from './github-git.js';
import { tapRoutes } from './github-taps.js';
import { gitDataRoutes } from './github-gitdata.js';
import { deploymentRoutes } from './github-deployments.js';
import { leavePartialUpload, releaseRoutes } from './github-releases.js';
import { GitHubState } from './github-state.js';
import { readBody } from '../harness/read-body.js';

export {
  GitHubState,
  githubAssetName,
  type Fault,
  type Release,
  type Asset,
  type Repo,
} from './github-state.js';

export interface GitHubServerOptions {
  /** The token with write access (the job's GITHUB_TOKEN with contents: write). */
  token: string;
  /** Tokens that may read but not write. */
  readOnlyTokens?: string[];
  /** The login every token belongs to; default `octocat`. */
  login?: string;
  /** When given, only these repositories exist (others are 404); else any is created on first use. */
  repos?: string[];
  defaultBranch?: string;
}

export interface GitHubServer {
  /** The API base, for GITHUB_API_URL or Octokit's baseUrl. */
  url: string;
  /** The uploads base (upload_url points here). */
  uploadsUrl: string;
  state: GitHubState;
  stop(): Promise<void>;
}

const metaRoutes: [string, RegExp, Handler][] = [
  ['GET', /^\/user$/, (ctx) => send(ctx, 200, userJson(ctx.base, ctx.caller?.login ?? ''))],
  [
    'GET',
    /^\/rate_limit$/,
    (ctx) => {
      const { limit, remaining, reset } = ctx.state.rateLimit;
      const core = { limit, remaining, reset, used: limit - remaining, resource: 'core' };
      send(ctx, 200, { resources: { core }, rate: core });
    },
  ],
];

const ROUTES = [
  ...metaRoutes,
  ...releaseRoutes,
  ...gitRoutes,
  ...gitDataRoutes,
  ...tapRoutes,
  ...deploymentRoutes,
];
const UPLOAD = releaseRoutes.find(
  ([method, re]) => method === 'POST' && re.source.startsWith('^\\/uploads'),
)!;

/** undefined = anonymous; null = a token we do not know. */
function callerOf(
  req: IncomingMessage,
  options: GitHubServerOptions,
  login: string,
): Caller | undefined | null {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!match) return null;
  if (match[1] === options.token) return { login, write: true };
  if (options.readOnlyTokens?.includes(match[1])) return { login, write: false };
  return null;
}

function faultAnswer(ctx: Ctx, fault: { status: number; retryAfter?: number; body?: unknown }): void {
  const headers: Record<string, string> =
    fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
  const message =
    fault.status === 429 || fault.status === 403
      ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      : fault.status >= 500
        ? 'Server Error'
        : 'Fault';
  ctx.suppress = false;
  send(
    ctx,
    fault.status,
    fault.body ?? {
      message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(fault.status),
    },
    headers,
  );
}

async function handle(ctx: Ctx, caller: Caller | undefined | null): Promise<void> {
  if (caller === null) return fail(ctx, 401, 'Bad credentials');
  ctx.caller = caller;
  const { rateLimit } = ctx.state;
  if (rateLimit.remaining <= 0) {
    rateLimit.remaining = 0;
    return fail(
      ctx,
      403,
      `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID ${ctx.state.requests.length}.`,
      {},
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    );
  }
  rateLimit.remaining--;
  let route: [string, RegExp, Handler] | undefined;
  let params: string[] = [];
  for (const candidate of ROUTES) {
    const match = candidate[0] === ctx.method ? candidate[1].exec(ctx.path) : null;
    if (match) {
      route = candidate;
      params = match.slice(1);
      break;
    }
  }
  await ctx.state.passBarrier(ctx.method, ctx.path);
  ctx.state.runHook(ctx.method, ctx.path);
  const delay = ctx.state.takeDelay(ctx.method, ctx.path);
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  const fault = ctx.state.takeFault(ctx.method, ctx.path);
  if (fault && (fault.when ?? 'before') === 'before') return faultAnswer(ctx, fault);
  if (fault?.when === 'partial' && route === UPLOAD) {
    leavePartialUpload(ctx, params);
    return faultAnswer(ctx, fault);
  }
  if (!route) return notFound(ctx);
  ctx.suppress = Boolean(fault);
  await route[2](ctx, params);
  if (fault) faultAnswer(ctx, fault);
}

export async function startGitHubServer(options: GitHubServerOptions): Promise<GitHubServer> {
  const login = options.login ?? 'octocat';
  const state = new GitHubState(login, options.defaultBranch ?? 'main');
  for (const repo of options.repos ?? []) state.addRepo(repo);
  state.strictRepos = Boolean(options.repos);
  let base = '';
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const ctx: Ctx = {
      req,
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      path: url.pathname,
      body: Buffer.alloc(0),
      base,
      state,
    };
    try {
      ctx.body = await readBody(req);
      await handle(ctx, callerOf(req, options, login));
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', ...rateHeaders(state) });
        res.end(JSON.stringify({ message: `test server: ${(error as Error).message}` }));
      }
      ctx.status = 500;
    }
    state.requests.push({ method: ctx.method, path: ctx.path, status: ctx.status ?? res.statusCode });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    uploadsUrl: `${base}/uploads`,
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
