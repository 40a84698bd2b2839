#!/usr/bin/env node
// The CLI, bundled like the actions (packages/cli/dist is built by scripts/build-dist.mjs).
// It supports Node.js 20 and later (the actions themselves run on GitHub's node24); an older
// Node would stop on some syntax deep in the bundle, so it is told plainly here first.
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(`deploy-actions needs Node.js 20 or later; this is Node.js ${process.version}.\n`);
  process.exitCode = 1;
} else {
  await import('../packages/cli/dist/index.js');
}
