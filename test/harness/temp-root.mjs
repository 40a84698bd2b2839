/**
 * One fresh temporary folder for everything a run writes (runner homes, registries' storage,
 * example projects), removed when the run ends, so a machine does not collect thousands of
 * folders in /tmp. It becomes TMPDIR: processes started afterwards (jest's workers, the
 * actions and tools they spawn) inherit it. Jest's globalSetup / globalTeardown, and the demo.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = 'DEPLOY_ACTIONS_TEST_TMP';

export function useTempRoot(prefix) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  // Searchable by everyone, as /tmp is: nginx's workers run as nobody and read their route
  // files below it.
  chmodSync(root, 0o755);
  process.env[KEY] = root;
  process.env.TMPDIR = root;
  return root;
}

export function removeTempRoot() {
  const root = process.env[KEY];
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}

export async function setup() {
  useTempRoot('da-test-');
}

export async function teardown() {
  removeTempRoot();
}
