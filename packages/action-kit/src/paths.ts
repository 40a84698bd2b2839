/** Paths from users stay inside the workspace, symlinks included. */
import { realpathSync, existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './errors.js';

/**
 * Resolve `path` against `workspace` and refuse anything that lands outside it, following
 * symlinks of the parts that exist. `mustExist` refuses a missing path.
 */
export function resolveInside(workspace: string, path: string, input: string, mustExist = true): string {
  if (path.includes('\0')) throw InputError.bad(input, path, 'contains a NUL character');
  const root = realpathSync(resolve(workspace));
  const full = resolve(root, path);
  if (!existsSync(full)) {
    if (mustExist)
      throw InputError.bad(
        input,
        path,
        `was not found in the workspace (${root})`,
        'Check the path, relative to the workspace.',
      );
    return full;
  }
  const real = realpathSync(full);
  const rel = relative(root, real);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw InputError.bad(
      input,
      path,
      'points outside the workspace',
      'Use a path inside the repository checkout.',
    );
  return real;
}

/** The workspace: GITHUB_WORKSPACE on a runner, else the current folder. */
export function workspace(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}
