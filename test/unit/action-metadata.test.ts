/**
 * Every action.yml against its code: the inputs an action declares are exactly the keys of its
 * `interface Inputs` (publish actions: generated from the settings table), each action runs
 * on node24 from a committed dist/index.js.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { parse } from 'yaml';
import { ROOT } from '../harness/run-action.js';
import { TARGET_SETTINGS, TARGET_TYPES, settingsFromInputs } from '@deploy-actions/release';
import { parseConfig } from '@deploy-actions/release/config';

interface ActionYml {
  name: string;
  description: string;
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string };
}

const actions = readdirSync(join(ROOT, 'actions')).filter((name) =>
  existsSync(join(ROOT, 'actions', name, 'action.yml')),
);
const read = (path: string) => parse(readFileSync(path, 'utf8')) as ActionYml;

/** Every action.yml a workflow can name: the root, the publish alias, each actions/<name>. */
const actionYmls = [
  'action.yml',
  'publish/action.yml',
  ...actions.map((name) => `actions/${name}/action.yml`),
];

/**
 * The config keys an action reading the config file could also take as inputs: the `version:`
 * section's, and (for the publish actions, whose inputs are target settings) every target
 * setting. Elsewhere `platforms` selects targets; it is not docker's `platforms`.
 */
const TARGET_KEYS = new Set(TARGET_TYPES.flatMap((type) => Object.keys(TARGET_SETTINGS[type])));
const configKeysOf = (file: string) =>
  new Set([
    'sources',
    'tag-prefix',
    'require-match',
    ...(/(^|\/)publish[^/]*\/action\.yml$/.test(file) ? TARGET_KEYS : []),
  ]);

/** The property names of `interface Inputs` in a source file. */
function inputsInterfaceKeys(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const keys: string[] = [];
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Inputs')
      for (const member of node.members)
        if (member.name) keys.push((member.name as ts.Identifier | ts.StringLiteral).text);
  });
  return keys;
}

describe('action metadata', () => {
  test('there is an action for every name in the contract', () => {
    for (const name of [
      'detect-version',
      'check-published',
      'build-matrix',
      'build',
      'publish',
      'publish-npm',
      'publish-pypi',
      'publish-crates',
      'publish-docker',
      'publish-flatpak',
      'publish-github-release',
      'health-gate',
      'blue-green-switch',
      'rollback',
    ])
      expect(actions).toContain(name);
  });

  test.each(actions)('%s runs on node24 from a committed bundle', (name) => {
    const yml = read(join(ROOT, 'actions', name, 'action.yml'));
    expect(yml.runs.using).toBe('node24');
    expect(yml.runs.main).toBe('dist/index.js');
    expect(existsSync(join(ROOT, 'actions', name, 'dist', 'index.js'))).toBe(true);
    for (const [input, spec] of Object.entries(yml.inputs ?? {})) {
      expect(spec.description?.length).toBeGreaterThan(5);
      expect(input).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    expect(existsSync(join(ROOT, 'actions', name, 'README.md'))).toBe(true);
  });

  test.each(actions.filter((name) => existsSync(join(ROOT, 'actions', name, 'src', 'inputs.ts'))))(
    '%s: action.yml inputs are exactly the keys of interface Inputs',
    (name) => {
      const declared = Object.keys(read(join(ROOT, 'actions', name, 'action.yml')).inputs ?? {}).sort();
      expect(inputsInterfaceKeys(join(ROOT, 'actions', name, 'src', 'inputs.ts')).sort()).toEqual(declared);
    },
  );

  test.each(actions)('%s: its README documents every input and output of action.yml', (name) => {
    const yml = read(join(ROOT, 'actions', name, 'action.yml'));
    const readme = readFileSync(join(ROOT, 'actions', name, 'README.md'), 'utf8');
    // publish-<type> READMEs may refer to the shared inputs of publish@v1 instead of repeating them.
    const shared = name.startsWith('publish-')
      ? ['config', 'version', 'force', 'dry-run', 'token', 'registry', 'token-env']
      : [];
    const missing = [...Object.keys(yml.inputs ?? {}), ...Object.keys(yml.outputs ?? {})].filter(
      (key) => !shared.includes(key) && !readme.includes(`\`${key}\``),
    );
    expect(missing).toEqual([]);
  });

  test('the publish actions are generated from the settings table and up to date', () => {
    expect(() =>
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-publish-actions.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  test('publish@v1 and the root orchestrator resolve to committed bundles', () => {
    const alias = read(join(ROOT, 'publish', 'action.yml'));
    expect(existsSync(join(ROOT, 'publish', alias.runs.main))).toBe(true);
    expect(alias.inputs).toEqual(read(join(ROOT, 'actions', 'publish', 'action.yml')).inputs);
    const root = read(join(ROOT, 'action.yml'));
    expect(existsSync(join(ROOT, root.runs.main))).toBe(true);
    expect(root.inputs).toEqual(read(join(ROOT, 'actions', 'release', 'action.yml')).inputs);
    expect(Object.keys(root.outputs ?? {}).sort()).toEqual(['results', 'status', 'version']);
  });

  // The runner sets INPUT_<NAME> for every input with a `default:`, passed or not: a default on
  // an input the config can also set would be indistinguishable from the user's choice and
  // override the config (issue 16, class 1). Such inputs keep their default in code.
  test.each(actionYmls)('%s: no input the config can set declares a default:', (file) => {
    const yml = read(join(ROOT, file));
    if (!yml.inputs?.config) return; // reads no config file: its inputs are the whole story
    const keys = configKeysOf(file);
    const defaulted = Object.entries(yml.inputs ?? {})
      .filter(([name, spec]) => keys.has(name) && spec.default !== undefined)
      .map(([name]) => name);
    expect(defaulted).toEqual([]);
  });

  test.each([...TARGET_TYPES])(
    'publish-%s: every setting default of the table is written in its input description, and only there',
    (type) => {
      const yml = read(join(ROOT, 'actions', `publish-${type}`, 'action.yml'));
      for (const [key, spec] of Object.entries(TARGET_SETTINGS[type])) {
        expect(yml.inputs?.[key]).toBeDefined();
        expect(yml.inputs?.[key].default).toBeUndefined();
        if (spec.default !== undefined)
          expect(yml.inputs?.[key].description).toContain(
            `Default: ${Array.isArray(spec.default) ? spec.default.join(', ') : String(spec.default)}.`,
          );
      }
    },
  );

  test('a publish-<type> run with target: keeps every config value when the runner passes only the defaults', async () => {
    // Every setting of every type set in the config to a value other than its table default.
    const differs: Record<string, string> = {
      path: 'npm',
      'dist-tag': 'beta',
      provenance: 'false',
      workspaces: 'true',
      dist: "['py/dist/*']",
      manifest: 'rust/Cargo.toml',
      'index-timeout': '1m',
      verify: 'false',
      'allow-dirty': 'true',
      tags: "['{{version}}']",
      checksums: 'false',
      draft: 'true',
      prerelease: 'true',
      'make-latest': 'false',
      mode: 'flat-manager',
      'flat-manager-repo': 'beta',
      branch: 'beta',
    };
    for (const type of TARGET_TYPES) {
      const specs = TARGET_SETTINGS[type];
      const keys = Object.keys(specs).filter((key) => key in differs || specs[key].required);
      const fields = keys.map((key) => `${key}: ${key in differs ? differs[key] : 'x.y/z'}`);
      const config = await parseConfig(
        `targets:\n  - { name: t, type: ${type}, tier: 1, ${fields.join(', ')} }\n`,
        'deploy.yml',
      );
      const fromConfig = config.targets[0].settings;
      const yml = read(join(ROOT, 'actions', `publish-${type}`, 'action.yml'));
      // What the runner puts in INPUT_* when the workflow passes only `target`.
      const runnerInputs = Object.fromEntries(
        Object.entries(yml.inputs ?? {})
          .filter(([, spec]) => spec.default !== undefined)
          .map(([name, spec]) => [name, String(spec.default)]),
      );
      expect(settingsFromInputs(type, (name) => runnerInputs[name] ?? '', fromConfig)).toEqual(fromConfig);
      for (const key of Object.keys(specs).filter((k) => k in differs))
        expect({ key, value: fromConfig[key] }).not.toEqual({ key, value: specs[key].default });
    }
  });
});
