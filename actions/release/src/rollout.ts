/** The deploy stage, loaded only when the config has a `deploy:` section. */
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { DeployReport, ReleaseConfig } from '@deploy-actions/release';

export async function prepareRollout(
  config: ReleaseConfig,
  context: { reporter: Reporter; http: HttpClient; cwd: string },
): Promise<((release?: { version: string }) => Promise<DeployReport>) | undefined> {
  if (!config.deploy) return undefined;
  const { prepareDeployStage } = await import('@deploy-actions/deploy/stage');
  return prepareDeployStage(config.deploy, {
    ...context,
    env: process.env,
    environment: config.environment,
  });
}
