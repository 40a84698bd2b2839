/**
 * Reading the config file. The parser and the YAML library load on first use, so an action
 * that runs without a config file never pays for them at start-up.
 */
import { statSync } from 'node:fs';
import { InputError, describeValue } from '@deploy-actions/action-kit/errors';
import type { ReleaseConfig } from './config-types.js';

/** Read and parse the config file (errors name the file, the line and the key). */
export async function loadConfig(file: string, input = 'config'): Promise<ReleaseConfig> {
  // A missing file is refused before the parser is loaded (ENOTDIR: a part of the path is a file).
  let found: boolean;
  try {
    found = statSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    found = false;
  }
  if (!found)
    throw new InputError(
      input,
      `${describeValue(file)} was not found`,
      `Create it (see the README) or set '${input}' to its path.`,
    );
  const { readConfigFile } = await import('./config.js');
  return readConfigFile(file, input);
}
