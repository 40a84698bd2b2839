#!/usr/bin/env node
// The CLI, bundled like the actions (packages/cli/dist is built by scripts/build-dist.mjs).
import '../packages/cli/dist/index.js';
