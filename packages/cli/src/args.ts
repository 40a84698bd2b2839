/** A small, strict argv parser: `--flag`, `--key value`, `--key=value`; unknown flags refused. */
import { InputError } from '@deploy-actions/action-kit/errors';

export interface FlagSpec {
  /** A flag that takes a value (else boolean). */
  value?: boolean;
  description: string;
}

export interface ParsedArgs {
  command?: string;
  flags: Record<string, string | boolean>;
}

export function parseArgs(argv: string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (command) throw new InputError(arg, 'is an unexpected argument', 'Run deploy-actions --help.');
      command = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = specs[name];
    if (!spec) throw new InputError(`--${name}`, 'is not a known flag', 'Run deploy-actions --help.');
    if (!spec.value) {
      if (eq > 0) throw new InputError(`--${name}`, 'takes no value');
      flags[name] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new InputError(`--${name}`, 'needs a value');
    flags[name] = value;
  }
  return { command, flags };
}
