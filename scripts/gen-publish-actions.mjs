#!/usr/bin/env node
// Writes the action.yml of `publish` and every `publish-<type>` from the settings table
// (packages/release/src/targets.ts, assembled from each type's
// packages/targets/src/<type>/settings.ts), so inputs and config keys can never drift apart.
// `--check` fails instead of writing when a file is out of date.
import { register } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register('./ts-hooks.mjs', import.meta.url);
const { TARGET_SETTINGS, TARGET_TYPES, DEFAULT_TOKEN_ENV } = await import(
  pathToFileURL(join(root, 'packages/release/src/targets.ts')).href
);

const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;
const fmtDefault = (v) => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * A target setting as an input. The runner sets INPUT_<NAME> for every input with a `default:`
 * whether the workflow passed it or not, so a declared default would be indistinguishable from
 * a user's choice and would override the config target's value. Settings therefore declare no
 * `default:`; their default lives once, in the settings table, and is written in the description.
 */
function settingInput(spec) {
  const description =
    spec.default === undefined
      ? spec.description
      : `${spec.description.replace(/\.?$/, '.')} Default: ${fmtDefault(spec.default)}.`;
  return { description, required: false };
}

const COMMON = {
  config: {
    description:
      'The config file (default .github/deploy-actions.yml; read when it exists or `target` is set).',
  },
  version: { description: 'The version to publish; default: detected (tag, then manifests).' },
  force: {
    description:
      'Republish where the registry allows it (docker tags, release assets); an error on immutable registries.',
    default: 'false',
  },
  'dry-run': { description: 'Check and plan, send nothing.', default: 'false' },
  token: {
    description:
      'The registry credential; default: the environment (see README), else OIDC trusted publishing.',
  },
};
const OUTPUTS = {
  status: 'published, skipped, dry-run or failed',
  url: 'Where the published version can be seen',
  digest: 'The digest of what was published (docker: the manifest digest)',
  result:
    'The whole outcome as JSON (status, url, digest, notes, error, duration-ms), for a hub job to collect',
};

function render(name, description, inputs) {
  const lines = [
    `name: ${quote(`deploy-actions: ${name}`)}`,
    `description: ${quote(description)}`,
    `author: 'deploy-actions'`,
    `branding:`,
    `  icon: 'upload-cloud'`,
    `  color: 'blue'`,
    `inputs:`,
  ];
  for (const [input, spec] of Object.entries(inputs)) {
    lines.push(
      `  ${input}:`,
      `    description: ${quote(spec.description)}`,
      `    required: ${spec.required ? 'true' : 'false'}`,
    );
    if (spec.default !== undefined) lines.push(`    default: ${quote(fmtDefault(spec.default))}`);
  }
  lines.push('outputs:');
  for (const [output, description] of Object.entries(OUTPUTS))
    lines.push(`  ${output}:`, `    description: ${quote(description)}`);
  lines.push(
    'runs:',
    `  using: 'node24'`,
    `  main: 'dist/index.js'`,
    `  post: 'dist/index.js'`,
    `  post-if: 'always()'`,
  );
  return lines.join('\n') + '\n';
}

const files = new Map();
const union = {};
for (const type of TARGET_TYPES) {
  const settings = {};
  for (const [key, spec] of Object.entries(TARGET_SETTINGS[type])) {
    // Required settings may come from the config target instead (`publish`, or `target:`).
    settings[key] = settingInput(spec);
    union[key] ??= { description: spec.description, defaults: [] };
    if (spec.default !== undefined) union[key].defaults.push(`${fmtDefault(spec.default)} (${type})`);
  }
  const envs = DEFAULT_TOKEN_ENV[type].join(' or ');
  files.set(
    `actions/publish-${type}/action.yml`,
    render(
      `publish-${type}`,
      `Publish to ${type} idempotently: skip what is there, retry safely, never twice. Credential: token input or ${envs}.`,
      {
        ...COMMON,
        ...settings,
      },
    ),
  );
}
for (const [key, { description, defaults }] of Object.entries(union))
  union[key] = settingInput({
    description,
    default: defaults.length ? defaults.join('; ') : undefined,
  });
files.set(
  'actions/publish/action.yml',
  render('publish', 'Publish one target of the config file (the spoke of a release matrix).', {
    target: { description: 'The name of a target in the config file.', required: true },
    ...COMMON,
    ...union,
  }),
);
files.set('publish/action.yml', files.get('actions/publish/action.yml'));

const check = process.argv.includes('--check');
let stale = 0;
for (const [rel, text] of files) {
  const path = join(root, rel);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    console.error(`${rel} is out of date: run node scripts/gen-publish-actions.mjs`);
    stale++;
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${rel}`);
  }
}
process.exit(stale ? 1 : 0);
