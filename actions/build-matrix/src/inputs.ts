import { inputs } from '@deploy-actions/action-kit';
import { DEFAULT_CONFIG_FILE } from '@deploy-actions/release';

export interface Inputs {
  config: string;
  version?: string;
  platforms: string[];
  tier?: number;
  force: boolean;
  check: boolean;
}

export function getInputs(): Inputs {
  return {
    config: inputs.raw('config') || DEFAULT_CONFIG_FILE,
    version: inputs.optional('version'),
    platforms: inputs.list('platforms'),
    tier: inputs.raw('tier') ? inputs.int('tier', 0, { min: 1, max: 99 }) : undefined,
    force: inputs.bool('force', false),
    check: inputs.bool('check', true),
  };
}
