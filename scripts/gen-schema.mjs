#!/usr/bin/env node
// Writes schema/deploy-actions.schema.json, the config file's JSON Schema for editors, from
// packages/release/src/config-schema.ts: the same description the runtime check validates with.
// `--check` fails instead of writing when the file is out of date (CI runs it).
import { register } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register('./ts-hooks.mjs', import.meta.url);
const { configSchema } = await import(
  pathToFileURL(join(root, 'packages/release/src/config-schema.ts')).href
);

const file = join(root, 'schema/deploy-actions.schema.json');
const text = `${JSON.stringify(configSchema(), null, 2)}\n`;
let current = '';
try {
  current = readFileSync(file, 'utf8');
} catch {
  // not written yet
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(
      'schema/deploy-actions.schema.json is out of date: run node scripts/gen-schema.mjs and commit it.',
    );
    process.exitCode = 1;
  } else console.log('schema/deploy-actions.schema.json is up to date.');
} else if (current !== text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log('wrote schema/deploy-actions.schema.json');
}
