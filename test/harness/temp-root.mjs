/**
 * Jest globalSetup / globalTeardown: the whole run writes its temporary files (runner homes,
 * registries' storage, example projects) under one fresh folder, removed when the run ends,
 * so a test machine does not collect thousands of folders in /tmp. Workers start after the
 * setup and inherit TMPDIR, as do the actions and tools they spawn.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = 'DEPLOY_ACTIONS_TEST_TMP';

export async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'da-test-'));
  // Searchable by everyone, as /tmp is: nginx's workers run as nobody and read their route
  // files below it.
  chmodSync(root, 0o755);
  process.env[KEY] = root;
  process.env.TMPDIR = root;
}

export async function teardown() {
  const root = process.env[KEY];
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
