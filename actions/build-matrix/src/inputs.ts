import { inputs } from '@deploy-actions/action-kit';
import { DEFAULT_CONFIG_FILE } from '@deploy-actions/release';

export interface Inputs {
  config: string;
  version?: string;
  platforms: string[];
  force: boolean;
  check: boolean;
}

export function getInputs(): Inputs {
  return {
    config: inputs.raw('config') || DEFAULT_CONFIG_FILE,
    version: inputs.optional('version'),
    platforms: inputs.list('platforms'),
    force: inputs.bool('force', false),
    check: inputs.bool('check', true),
  };
}
