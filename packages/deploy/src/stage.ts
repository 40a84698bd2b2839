/**
 * The deploy stage of a release (the config's `deploy:` section): its settings are checked
 * when the release starts, before anything is published, and the rollout runs after the
 * targets. Loaded by the orchestrator and the CLI only when a config has a deploy section.
 */
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { DeployConfig, DeployReport } from '@deploy-actions/release';
import { rolloutOptionsFromConfig } from './settings.js';
import { rollout } from './switch.js';

export interface DeployStageContext {
  reporter: Reporter;
  http: Pick<HttpClient, 'request'>;
  env?: NodeJS.ProcessEnv;
  cwd: string;
}

/** Parse and check the deploy section now; the returned function runs the rollout later. */
export function prepareDeployStage(
  deploy: DeployConfig,
  context: DeployStageContext,
): () => Promise<DeployReport> {
  const options = rolloutOptionsFromConfig(deploy, context.cwd);
  return async () => {
    const result = await rollout(options, context);
    if (result.failure) context.reporter.error(result.reason);
    return {
      active: result.active,
      previous: result.previous,
      rolledBack: result.rolledBack,
      healthy: result.healthy,
      reason: result.reason,
    };
  };
}
