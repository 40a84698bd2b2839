import { inputs } from '@deploy-actions/action-kit';
import { DEFAULT_CONFIG_FILE } from '@deploy-actions/release';

export interface Inputs {
  config: string;
  version?: string;
  platform: string[];
}

export function getInputs(): Inputs {
  return {
    config: inputs.raw('config') || DEFAULT_CONFIG_FILE,
    version: inputs.optional('version'),
    platform: inputs.list('platform'),
  };
}
