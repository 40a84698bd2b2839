// Placeholder: health, switch and rollback are wired in when packages/deploy lands.
import type { FlagSpec } from './args.js';
import type { CliContext } from './context.js';

const unavailable = async (_ctx: CliContext): Promise<number> => {
  process.stderr.write('error: this command is not available yet\n');
  return 1;
};

export const DEPLOY_FLAGS: Record<string, FlagSpec> = {};
export const DEPLOY_COMMANDS = {
  health: unavailable,
  switch: unavailable,
  rollback: unavailable,
  rollout: (_ctx: CliContext) => undefined,
};
