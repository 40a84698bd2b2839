/**
 * Deployments and deployment statuses of the GitHub test server, as the REST API answers them
 * (https://docs.github.com/rest/deployments): POST/GET /repos/{o}/{r}/deployments, GET one,
 * POST/GET …/deployments/{id}/statuses (newest first). A `success` status with auto_inactive
 * (the default) marks the environment's earlier non-transient deployments inactive, as
 * GitHub does. Tests read what landed with `deploymentsOf(state, 'owner/repo')`.
 */
import type { GitHubState, Repo } from './github-state.js';
import {
  fail,
  json,
  notFound,
  repoOf,
  requireWrite,
  send,
  sendPage,
  userJson,
  validationFailed,
  type Ctx,
  type Handler,
} from './github-http.js';

const DOCS = 'https://docs.github.com/rest/deployments/deployments#create-a-deployment';
const STATUS_DOCS = 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status';
export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;

export interface DeploymentStatus {
  id: number;
  state: (typeof DEPLOYMENT_STATES)[number];
  description: string;
  environment: string;
  logUrl: string;
  environmentUrl: string;
  targetUrl: string;
  createdAt: string;
  creator: string;
}

export interface Deployment {
  id: number;
  ref: string;
  sha: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: string;
  /** Oldest first. */
  statuses: DeploymentStatus[];
  /** What the create request sent, for tests that check it. */
  request: Record<string, unknown>;
}

const stores = new WeakMap<GitHubState, Map<string, Deployment[]>>();

/** The deployments of `fullName`, oldest first. */
export function deploymentsOf(state: GitHubState, fullName: string): Deployment[] {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = new Map()));
  const key = fullName.toLowerCase();
  if (!store.has(key)) store.set(key, []);
  return store.get(key)!;
}

const listOf = (ctx: Ctx, repo: Repo) => deploymentsOf(ctx.state, `${repo.owner}/${repo.name}`);

function deploymentJson(ctx: Ctx, repo: Repo, d: Deployment): Record<string, unknown> {
  const url = `${ctx.base}/repos/${repo.owner}/${repo.name}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: Buffer.from(`Deployment${d.id}`).toString('base64'),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userJson(ctx.base, d.creator),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${ctx.base}/repos/${repo.owner}/${repo.name}`,
    transient_environment: d.transient,
    production_environment: d.production,
  };
}

function statusJson(ctx: Ctx, repo: Repo, d: Deployment, s: DeploymentStatus): Record<string, unknown> {
  const deploymentUrl = `${ctx.base}/repos/${repo.owner}/${repo.name}/deployments/${d.id}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: Buffer.from(`DeploymentStatus${s.id}`).toString('base64'),
    state: s.state,
    creator: userJson(ctx.base, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: `${ctx.base}/repos/${repo.owner}/${repo.name}`,
  };
}

const SHA = /^[0-9a-f]{40}$/;

const createDeployment: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, DOCS)) return;
  const body = json(ctx);
  if (!body) return;
  if (typeof body.ref !== 'string' || !body.ref)
    return fail(ctx, 422, 'Invalid request.\n\n"ref" wasn\'t supplied.', {}, DOCS);
  // A branch or tag must exist; a full commit sha is taken as it is.
  const sha = SHA.test(body.ref) ? body.ref : ctx.state.resolve(repo, body.ref)?.sha;
  if (!sha) return fail(ctx, 422, `No ref found for: ${body.ref}`, {}, DOCS);
  if (body.environment !== undefined && (typeof body.environment !== 'string' || !body.environment))
    return validationFailed(ctx, [{ resource: 'Deployment', code: 'invalid', field: 'environment' }], DOCS);
  if (body.required_contexts !== undefined && !Array.isArray(body.required_contexts))
    return fail(
      ctx,
      422,
      "Invalid request.\n\nFor 'properties/required_contexts', is not an array.",
      {},
      DOCS,
    );
  const environment = (body.environment as string | undefined) ?? 'production';
  const deployment: Deployment = {
    id: ctx.state.id(),
    ref: body.ref,
    sha,
    task: (body.task as string | undefined) ?? 'deploy',
    payload: body.payload ?? {},
    environment,
    description: (body.description as string | undefined) ?? null,
    transient: Boolean(body.transient_environment),
    production: (body.production_environment as boolean | undefined) ?? environment === 'production',
    creator: ctx.caller!.login,
    createdAt: new Date().toISOString(),
    statuses: [],
    request: body,
  };
  listOf(ctx, repo).push(deployment);
  send(ctx, 201, deploymentJson(ctx, repo, deployment), {
    location: `${ctx.base}/repos/${owner}/${name}/deployments/${deployment.id}`,
  });
};

const listDeployments: Handler = (ctx, [owner, name]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo) return;
  const q = ctx.url.searchParams;
  const items = listOf(ctx, repo)
    .filter(
      (d) =>
        (!q.get('environment') || d.environment === q.get('environment')) &&
        (!q.get('ref') || d.ref === q.get('ref')) &&
        (!q.get('sha') || d.sha === q.get('sha')) &&
        (!q.get('task') || d.task === q.get('task')),
    )
    .reverse();
  sendPage(
    ctx,
    items.map((d) => deploymentJson(ctx, repo, d)),
  );
};

function findDeployment(ctx: Ctx, repo: Repo, id: string): Deployment | undefined {
  const d = listOf(ctx, repo).find((x) => String(x.id) === id);
  if (!d) notFound(ctx, DOCS);
  return d;
}

const getDeployment: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  const d = repo && findDeployment(ctx, repo, id);
  if (repo && d) send(ctx, 200, deploymentJson(ctx, repo, d));
};

const createStatus: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  if (!repo || !requireWrite(ctx, STATUS_DOCS)) return;
  const d = findDeployment(ctx, repo, id);
  if (!d) return;
  const body = json(ctx);
  if (!body) return;
  if (!DEPLOYMENT_STATES.includes(body.state as DeploymentStatus['state']))
    return fail(
      ctx,
      422,
      `Invalid request.\n\n${body.state === undefined ? '"state" wasn\'t supplied.' : `${JSON.stringify(body.state)} is not a member of ${JSON.stringify(DEPLOYMENT_STATES)}.`}`,
      {},
      STATUS_DOCS,
    );
  const description = (body.description as string | undefined) ?? '';
  if (description.length > 140)
    return validationFailed(
      ctx,
      [
        {
          resource: 'DeploymentStatus',
          code: 'custom',
          field: 'description',
          message: 'description is too long (maximum is 140 characters)',
        },
      ],
      STATUS_DOCS,
    );
  const status: DeploymentStatus = {
    id: ctx.state.id(),
    state: body.state as DeploymentStatus['state'],
    description,
    environment: (body.environment as string | undefined) ?? d.environment,
    logUrl: (body.log_url as string | undefined) ?? (body.target_url as string | undefined) ?? '',
    targetUrl: (body.target_url as string | undefined) ?? (body.log_url as string | undefined) ?? '',
    environmentUrl: (body.environment_url as string | undefined) ?? '',
    createdAt: new Date().toISOString(),
    creator: ctx.caller!.login,
  };
  d.statuses.push(status);
  if (status.state === 'success' && body.auto_inactive !== false)
    for (const other of listOf(ctx, repo))
      if (
        other !== d &&
        other.environment === d.environment &&
        !other.transient &&
        other.statuses.at(-1)?.state !== 'inactive'
      )
        other.statuses.push({ ...status, id: ctx.state.id(), state: 'inactive', description: '' });
  send(ctx, 201, statusJson(ctx, repo, d, status), {
    location: `${ctx.base}/repos/${owner}/${name}/deployments/${d.id}/statuses/${status.id}`,
  });
};

const listStatuses: Handler = (ctx, [owner, name, id]) => {
  const repo = repoOf(ctx, owner, name);
  const d = repo && findDeployment(ctx, repo, id);
  if (repo && d)
    sendPage(
      ctx,
      [...d.statuses].reverse().map((s) => statusJson(ctx, repo, d, s)),
    );
};

const REPO = '/repos/([^/]+)/([^/]+)';
export const deploymentRoutes: [string, RegExp, Handler][] = [
  ['POST', new RegExp(`^${REPO}/deployments$`), createDeployment],
  ['GET', new RegExp(`^${REPO}/deployments$`), listDeployments],
  ['GET', new RegExp(`^${REPO}/deployments/(\\d+)$`), getDeployment],
  ['POST', new RegExp(`^${REPO}/deployments/(\\d+)/statuses$`), createStatus],
  ['GET', new RegExp(`^${REPO}/deployments/(\\d+)/statuses$`), listStatuses],
];
