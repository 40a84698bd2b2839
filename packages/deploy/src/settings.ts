/**
 * Rollout settings: the `steps`, the hold between them, and the whole `deploy:` section of the
 * config file turned into typed rollout options (the orchestrator's entry point).
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseDuration, parseList } from '@deploy-actions/action-kit/parse';
import type { DeployConfig } from '@deploy-actions/release';
import { parseHealthSettings } from './health-settings.js';
import { checkColourUrls } from './health-urls.js';
import { canSplit, parseRouterSettings } from './router/index.js';
import type { RolloutOptions, RolloutTarget } from './switch.js';

export const DEFAULT_STEP_INTERVAL = '30s';

/** Traffic percentages, increasing, ending at 100: `10,50,100` or [10, 50, 100]. */
export function parseSteps(name: string, raw: string | number[]): number[] {
  const items = Array.isArray(raw) ? raw.map(String) : parseList(raw);
  if (!items.length) return [100];
  const steps = items.map((item) => {
    const value = Number(item.replace(/%$/, ''));
    if (!/^\d+%?$/.test(item) || value < 1 || value > 100)
      throw InputError.bad(name, item, 'is not a percentage from 1 to 100', 'Use e.g. 10,50,100.');
    return value;
  });
  steps.forEach((step, i) => {
    if (i > 0 && step <= steps[i - 1])
      throw InputError.bad(
        name,
        items.join(','),
        `is not increasing (${steps[i - 1]} then ${step})`,
        'Use e.g. 10,50,100.',
      );
  });
  if (steps[steps.length - 1] !== 100)
    throw InputError.bad(
      name,
      items.join(','),
      'does not end at 100',
      'The last step sends all traffic to the new colour.',
    );
  return steps;
}

export function parseTarget(name: string, raw: string): RolloutTarget {
  const value = raw.trim() || 'inactive';
  if (value !== 'blue' && value !== 'green' && value !== 'inactive')
    throw InputError.bad(
      name,
      value,
      'is not a colour',
      'Use blue, green, or inactive (the colour not serving now).',
    );
  return value;
}

/** Refuse partial steps on a router that moves all traffic at once, before anything moves. */
export function checkStepsFit(options: Pick<RolloutOptions, 'router' | 'steps'>, stepsName: string): void {
  if (options.steps.length > 1 && !canSplit(options.router)) {
    const why =
      options.router.type === 'kubernetes'
        ? 'a Service selector moves all traffic at once; set ingress for canary weights'
        : options.router.type === 'command'
          ? 'switch-command has no {weight} placeholder'
          : 'a symlink moves all traffic at once';
    throw InputError.bad(
      stepsName,
      options.steps.join(','),
      `cannot be used with the ${options.router.type} router: ${why}`,
      'Use steps: 100.',
    );
  }
}

/** The config's `deploy:` section as rollout options; mistakes name `deploy.<key>`. */
export function rolloutOptionsFromConfig(
  deploy: DeployConfig,
  cwd = process.cwd(),
  to: RolloutTarget = 'inactive',
): RolloutOptions {
  const steps = parseSteps('deploy.steps', deploy.steps);
  // Without a strategy, the steps say which: more than one is a canary.
  const strategy = deploy.strategy ?? (steps.length > 1 ? 'canary' : 'blue-green');
  const options: RolloutOptions = {
    router: parseRouterSettings(deploy.router, (key) => `deploy.router.${key}`, cwd),
    to,
    strategy,
    // blue-green moves all traffic at once: steps are for canaries (warned about when given).
    steps: strategy === 'blue-green' ? [100] : steps,
    ignoredSteps: strategy === 'blue-green' && steps.length > 1 ? steps : undefined,
    stepIntervalMs: parseDuration('deploy.step-interval', deploy.stepInterval ?? DEFAULT_STEP_INTERVAL),
    health: parseHealthSettings(deploy.health, (key) => `deploy.health.${key}`, true),
    autoRollback: deploy.rollback !== 'manual',
  };
  checkStepsFit(options, 'deploy.steps');
  checkColourUrls(options.health, options.router, 'deploy.health.url');
  return options;
}
