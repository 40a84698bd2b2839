import { inputs } from '@deploy-actions/action-kit';
import { DEFAULT_CONFIG_FILE } from '@deploy-actions/release';

export interface Inputs {
  config: string;
  version?: string;
  platforms: string[];
  force: boolean;
  'dry-run': boolean;
  /** An environment of the config's environments: (or any GitHub environment name); none: the config as it is. */
  environment?: string;
  'environment-url'?: string;
}

export function getInputs(): Inputs {
  return {
    config: inputs.raw('config') || DEFAULT_CONFIG_FILE,
    version: inputs.optional('version'),
    platforms: inputs.list('platforms'),
    force: inputs.bool('force', false),
    'dry-run': inputs.bool('dry-run', false),
    environment: inputs.optional('environment'),
    'environment-url': inputs.optional('environment-url'),
  };
}
