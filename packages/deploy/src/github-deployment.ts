/**
 * The rollout as a GitHub deployment, so the repository's Environments page shows what runs
 * where and when it was rolled back: a deployment for the environment (ref: the commit being
 * deployed), `in_progress` while traffic moves, then `success`, or `failure` with the reason
 * (and `inactive` after a rollback: the version no longer serves). Every status carries the
 * run's URL as `log_url` and the environment's address when known.
 *
 * Only in GitHub Actions (GITHUB_ACTIONS=true), with GITHUB_TOKEN set and an environment named;
 * the token needs `deployments: write`. A status that cannot be posted is a warning: the
 * rollout's result never depends on it.
 */
import { errorMessage } from '@deploy-actions/action-kit/errors';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { addSecret, redact } from '@deploy-actions/action-kit/secrets';
import { runUrl } from '@deploy-actions/release/run-url';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive' | 'error';

export interface DeploymentRequest {
  environment: string;
  environmentUrl?: string;
  /** What is deployed, shown in the description and the payload. */
  version?: string;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  reporter: Reporter;
}

export interface DeploymentOutcome {
  healthy: boolean;
  rolledBack: boolean;
  reason: string;
}

export interface TrackedDeployment {
  id: number;
  /** The states posted, in order (for the summary and tests). */
  states: DeploymentState[];
  finish(outcome: DeploymentOutcome): Promise<void>;
}

/** GitHub's limit on a status description. */
const DESCRIPTION_MAX = 140;
const describe = (text: string) =>
  text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;

function failureText(caught: unknown): string {
  const status = (caught as { status?: number }).status;
  if (status === 403 || status === 404)
    return `HTTP ${status}: the token cannot write deployments. Grant the job permissions: deployments: write.`;
  return redact(status ? `HTTP ${status}: ${errorMessage(caught)}` : errorMessage(caught));
}

/** Create the deployment and post `in_progress`; undefined when not in GitHub Actions or it failed. */
export async function startDeployment(request: DeploymentRequest): Promise<TrackedDeployment | undefined> {
  const { env, reporter } = request;
  const token = env.GITHUB_TOKEN?.trim();
  const repository = env.GITHUB_REPOSITORY ?? '';
  const ref = env.GITHUB_SHA || env.GITHUB_REF;
  if (env.GITHUB_ACTIONS !== 'true' || !request.environment || !repository.includes('/') || !ref)
    return undefined;
  if (!token) {
    reporter.notice(
      `No GitHub deployment recorded for ${request.environment}: GITHUB_TOKEN is not set (env: GITHUB_TOKEN: \${{ github.token }}, with permissions: deployments: write).`,
    );
    return undefined;
  }
  addSecret(token);
  const [owner, repo] = repository.split('/');
  const { connect } = await import('@deploy-actions/targets/github-release/api');
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const { octokit } = await connect(
    { owner, repo, repository, api },
    { http: request.http, token, reporter },
  );
  const logUrl = runUrl(env);
  const what = request.version ? `${request.version} to ${request.environment}` : request.environment;
  let id: number;
  try {
    const created = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref,
      environment: request.environment,
      description: describe(`deploy-actions: ${what}`),
      auto_merge: false,
      required_contexts: [],
      task: 'deploy',
      payload: { version: request.version ?? '' },
      production_environment: request.environment === 'production',
    });
    if (created.status !== 201 || !('id' in created.data))
      throw new Error(`GitHub did not create it (HTTP ${created.status})`);
    id = created.data.id;
  } catch (caught) {
    reporter.warning(`GitHub deployment for ${request.environment} not recorded: ${failureText(caught)}`);
    return undefined;
  }
  const states: DeploymentState[] = [];
  const post = async (state: DeploymentState, description: string): Promise<void> => {
    try {
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state,
        description: describe(description),
        ...(logUrl ? { log_url: logUrl } : {}),
        ...(request.environmentUrl ? { environment_url: request.environmentUrl } : {}),
        environment: request.environment,
      });
      states.push(state);
    } catch (caught) {
      reporter.warning(
        `GitHub deployment ${id} (${request.environment}): status ${state} not posted: ${failureText(caught)}`,
      );
    }
  };
  await post('in_progress', `Rolling out ${what}`);
  reporter.info(`GitHub deployment ${id} for ${request.environment}: in_progress`);
  return {
    id,
    states,
    finish: async (outcome) => {
      if (outcome.healthy) await post('success', `Live: ${what}`);
      else if (outcome.rolledBack) {
        await post('failure', `Rolled back: ${outcome.reason}`);
        await post('inactive', `Rolled back; no longer serving: ${outcome.reason}`);
      } else await post('failure', outcome.reason);
      reporter.info(`GitHub deployment ${id} for ${request.environment}: ${states.join(' -> ')}`);
    },
  };
}
