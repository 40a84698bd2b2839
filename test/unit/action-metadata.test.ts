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
});
