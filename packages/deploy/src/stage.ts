/**
 * The deploy stage of a release (the config's `deploy:` section): its settings are checked
 * when the release starts, before anything is published, and the rollout runs after the
 * targets. Loaded by the orchestrator and the CLI only when a config has a deploy section.
 * With an environment named (and in GitHub Actions), the rollout is a GitHub deployment.
 */
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { DeployConfig, DeployReport } from '@deploy-actions/release';
import { startDeployment } from './github-deployment.js';
import { rolloutOptionsFromConfig } from './settings.js';
import { rollout, type RolloutContext } from './switch.js';

export interface DeployStageContext {
  reporter: Reporter;
  http: HttpClient;
  env?: NodeJS.ProcessEnv;
  cwd: string;
  /** The environment rolled out to (`environment` input, `--env`): the GitHub deployment's. */
  environment?: { name: string; url?: string };
  /** Live figures of each step's gate (the CLI's progress). */
  onGateRound?: RolloutContext['onGateRound'];
}

/** Parse and check the deploy section now; the returned function runs the rollout later. */
export function prepareDeployStage(
  deploy: DeployConfig,
  context: DeployStageContext,
): (release?: { version: string }) => Promise<DeployReport> {
  const options = rolloutOptionsFromConfig(deploy, context.cwd);
  return async (release) => {
    const deployment = context.environment
      ? await startDeployment({
          environment: context.environment.name,
          environmentUrl: context.environment.url,
          version: release?.version,
          env: context.env ?? process.env,
          http: context.http,
          reporter: context.reporter,
        })
      : undefined;
    const result = await rollout(options, context);
    if (result.failure) context.reporter.error(result.reason);
    await deployment?.finish(result);
    return {
      active: result.active,
      previous: result.previous,
      rolledBack: result.rolledBack,
      healthy: result.healthy,
      reason: result.reason,
    };
  };
}
