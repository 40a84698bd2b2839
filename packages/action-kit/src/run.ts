/**
 * The wrapper every action's main runs in. User mistakes become one annotation saying what to
 * do; anything else is "<action> failed: <message>" with the stack only in debug. Temporary
 * files (credentials) live in one private folder under RUNNER_TEMP that is removed when the
 * action ends, and again by the post step in case the main step was killed.
 */
import { mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage, isUserError, withHint } from './errors.js';
import { debug, error, getState, saveState, wireMasking } from './runner.js';

export interface ActionContext {
  /** A private folder (0700) for this run; removed when the action ends. */
  tempDir: string;
}

export interface RunOptions {
  /** Runs as the action's post step (action.yml `post:`), after the temp folder is cleaned. */
  post?: () => Promise<void>;
}

export function reportFailure(action: string, caught: unknown): void {
  if (isUserError(caught)) {
    error(withHint(caught.message, caught.hint), { title: caught.title });
  } else {
    error(`${action} failed: ${errorMessage(caught)}`, { title: `${action} failed` });
    if (caught instanceof Error && caught.stack) debug(caught.stack);
  }
  process.exitCode = 1;
}

function removeTemp(dir: string): void {
  if (!dir) return;
  try {
    // Most runs leave the folder empty: rmdir is one call, where a recursive rm first loads
    // Node's rimraf (a measurable part of a small action's start-up).
    rmdirSync(dir);
  } catch (caught) {
    // Gone already (the post step after a main step that ended normally): nothing to do.
    if ((caught as NodeJS.ErrnoException).code !== 'ENOENT') removeTree(dir);
  }
}

function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (caught) {
    debug(`could not remove ${dir}: ${errorMessage(caught)}`);
  }
}

export async function runAction(
  action: string,
  main: (context: ActionContext) => Promise<void>,
  options: RunOptions = {},
): Promise<void> {
  wireMasking();
  if (getState('isPost') === 'true') {
    try {
      removeTemp(getState('tempDir'));
      await options.post?.();
    } catch (caught) {
      reportFailure(action, caught);
    }
    return;
  }
  const base = process.env.RUNNER_TEMP || tmpdir();
  const tempDir = mkdtempSync(join(base, 'deploy-actions-'));
  saveState('isPost', 'true');
  saveState('tempDir', tempDir);
  try {
    await main({ tempDir });
  } catch (caught) {
    reportFailure(action, caught);
  } finally {
    removeTemp(tempDir);
  }
}
