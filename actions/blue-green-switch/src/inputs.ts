import { inputs } from '@deploy-actions/action-kit';
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseDuration, parseUrl } from '@deploy-actions/action-kit/parse';
import { parseHealthSettings } from '@deploy-actions/deploy/health-settings';
import { checkColourUrls } from '@deploy-actions/deploy/health-urls';
import { HEALTH_SETTINGS, ROUTER_SETTINGS } from '@deploy-actions/deploy/setting-keys';
import { parseRouterSettings, type RouterType } from '@deploy-actions/deploy/router/index';
import {
  checkStepsFit,
  DEFAULT_STEP_INTERVAL,
  parseSteps,
  parseTarget,
} from '@deploy-actions/deploy/settings';
import type { RolloutOptions, RolloutTarget } from '@deploy-actions/deploy/switch';
import { workspace } from '@deploy-actions/action-kit/paths';

/** Every input of action.yml: router and health settings as given (checked by getInputs), the rest parsed. */
export interface Inputs {
  router: RouterType;
  'upstream-file': string;
  blue: string;
  green: string;
  'reload-command': string;
  'test-command': string;
  namespace: string;
  service: string;
  ingress: string;
  'selector-key': string;
  context: string;
  link: string;
  'switch-command': string;
  'read-command': string;
  to: RolloutTarget;
  steps: number[];
  /** Milliseconds. */
  'step-interval': number;
  'health-url': string;
  'expect-status': string;
  'expect-body': string;
  interval: string;
  timeout: string;
  window: string;
  'success-threshold': string;
  'failure-threshold': string;
  'max-error-rate': string;
  'max-p95': string;
  'probe-timeout': string;
  'prometheus-url': string;
  'prometheus-query': string;
  'max-value': string;
  'min-value': string;
  'auto-rollback': boolean;
  'dry-run': boolean;
  /** The GitHub environment this rollout is a deployment to; none: no deployment recorded. */
  environment: string;
  'environment-url': string;
  /** What is rolled out, for the deployment's description. */
  version: string;
}

/** The gate's settings as inputs: all but `url`, which is `health-url` here. */
const HEALTH_INPUTS = HEALTH_SETTINGS.filter((key) => key !== 'url');

/** Input names as the user wrote them: the router type is `router`, the gate's URL `health-url`. */
const routerName = (key: string) => (key === 'type' ? 'router' : key);
const healthName = (key: string) => (key === 'url' ? 'health-url' : key);

export function rolloutOptions(input: Inputs): RolloutOptions {
  const routerRaw: Record<string, string> = { type: input.router };
  for (const key of ROUTER_SETTINGS) routerRaw[key] = input[key];
  const healthRaw: Record<string, string> = { url: input['health-url'] };
  for (const key of HEALTH_INPUTS) healthRaw[key] = input[key];
  const options: RolloutOptions = {
    router: parseRouterSettings(routerRaw, routerName, workspace()),
    to: input.to,
    steps: input.steps,
    stepIntervalMs: input['step-interval'],
    health: parseHealthSettings(healthRaw, healthName, true),
    autoRollback: input['auto-rollback'],
    dryRun: input['dry-run'],
  };
  checkStepsFit(options, 'steps');
  checkColourUrls(options.health, options.router, 'health-url');
  return options;
}

export function getInputs(): Inputs {
  const input = {
    router: inputs.required('router', 'Use nginx, kubernetes, symlink or command.') as RouterType,
    to: parseTarget('to', inputs.raw('to')),
    steps: parseSteps('steps', inputs.raw('steps') || '100'),
    'step-interval': parseDuration('step-interval', inputs.raw('step-interval') || DEFAULT_STEP_INTERVAL),
    'health-url': inputs.raw('health-url'),
    'auto-rollback': inputs.bool('auto-rollback', true),
    'dry-run': inputs.bool('dry-run', false),
    environment: inputs.raw('environment'),
    'environment-url': inputs.raw('environment-url'),
    version: inputs.raw('version'),
  } as Inputs;
  if (input.environment && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(input.environment))
    throw InputError.bad(
      'environment',
      input.environment,
      'is not a usable environment name',
      'Use the name of the GitHub environment, e.g. production.',
    );
  if (input['environment-url']) parseUrl('environment-url', input['environment-url']);
  for (const key of [...ROUTER_SETTINGS, ...HEALTH_INPUTS]) input[key] = inputs.raw(key);
  rolloutOptions(input); // every setting checked before anything is touched
  return input;
}
