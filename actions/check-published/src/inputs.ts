import { inputs } from '@deploy-actions/action-kit';
import { DEFAULT_CONFIG_FILE, parseTargetLines, type CheckTarget } from '@deploy-actions/release';

export interface Inputs {
  version?: string;
  config: string;
  /** Parsed `type:name` lines; undefined when the config is used. */
  targets?: CheckTarget[];
  platforms: string[];
  'fail-on-missing': boolean;
  /** A folder for the status page and badges. */
  'status-page'?: string;
}

export function getInputs(): Inputs {
  const lines = inputs.list('targets');
  return {
    version: inputs.optional('version'),
    config: inputs.raw('config') || DEFAULT_CONFIG_FILE,
    targets: lines.length ? parseTargetLines(lines) : undefined,
    platforms: inputs.list('platforms'),
    'fail-on-missing': inputs.bool('fail-on-missing', false),
    'status-page': inputs.optional('status-page'),
  };
}
