#!/usr/bin/env node
// Rebuild every bundle and fail if anything under a dist/ differs from what is committed.
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'build-dist.mjs')], { cwd: root, stdio: 'inherit' });
const status = execFileSync(
  'git',
  ['status', '--porcelain', '--', 'actions/*/dist', 'publish/dist', 'packages/cli/dist'],
  { cwd: root, encoding: 'utf8' },
);
if (status.trim()) {
  console.error(`dist/ differs from a fresh build; run 'npm run build' and commit:\n${status}`);
  execFileSync(
    'git',
    ['--no-pager', 'diff', '--stat', '--', 'actions/*/dist', 'publish/dist', 'packages/cli/dist'],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(1);
}
console.log('dist/ is up to date');
