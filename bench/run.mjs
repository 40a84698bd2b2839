#!/usr/bin/env node
// `npm run bench [-- bench/<name>.bench.ts ...]`: run the benchmarks (all, or those named)
// one after another, then rewrite docs/BENCHMARKS.md from every recorded result.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--config',
    join(root, 'bench', 'jest.config.js'),
    '--runInBand',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
    },
  },
);
const report = spawnSync(process.execPath, [join(root, 'bench', 'report.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(jest.status || report.status || 0);
