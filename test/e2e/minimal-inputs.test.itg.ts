/**
 * Issue 15, "done when": each action, run with only its required inputs and everything else at
 * its action.yml default (the harness applies them as the runner does), does its job. The
 * workspace is examples/acme-app pointed at the local registries (its config is where the
 * registry URLs come from), the tokens are in the environment as a workflow passes secrets,
 * and the event is the tag push v1.4.0. The rows run in order: plan, publish each target,
 * then the orchestrator finds everything done.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import { runAction, type ActionRun } from '../harness/run-action.js';
import { prepareExample, startDemoRegistries, type DemoRegistries } from '../harness/demo-env.js';
import { listTags } from '../harness/docker-registry.js';
import { packument } from '../fixtures/npm/e2e.js';

const VERSION = '1.4.0';
const TARGETS = ['npm', 'pypi', 'github', 'docker', 'crates'];
let r: DemoRegistries;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  r = await startDemoRegistries();
  const project = await prepareExample(r, { version: VERSION, only: TARGETS, built: true });
  dir = project.dir;
  env = { ...project.env, DEPLOY_ACTIONS_HTTP_RETRIES: '2', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20' };
}, 180_000);
afterAll(async () => {
  await r?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Row {
  /** actions/<name> */
  action: string;
  /** Only the required inputs (the publish-<type> actions need a target or their settings). */
  inputs: Record<string, string>;
  /** What the user would check after the step. */
  check: (run: ActionRun) => Promise<void> | void;
}

const ROWS: Row[] = [
  {
    action: 'detect-version',
    inputs: {},
    check: (run) =>
      expect(run.outputs).toMatchObject({ version: VERSION, tag: `v${VERSION}`, source: 'tag' }),
  },
  {
    action: 'check-published',
    inputs: {},
    check: (run) => {
      expect(run.outputs['all-published']).toBe('false');
      expect(Object.keys(JSON.parse(run.outputs.results)).sort()).toEqual([...TARGETS].sort());
    },
  },
  {
    action: 'build-matrix',
    inputs: {},
    check: (run) => {
      const { include } = JSON.parse(run.outputs.matrix) as { include: { target: string; skip: boolean }[] };
      expect(include.map((e) => [e.target, e.skip])).toEqual(TARGETS.map((t) => [t, false]));
      expect(run.outputs['has-work']).toBe('true');
    },
  },
  {
    // The fan-out's build job: the config's build: again (the project was built once already,
    // as a build job's artifacts would have been downloaded; the archive is reproducible).
    action: 'build',
    inputs: {},
    check: (run) => {
      expect(run.outputs.version).toBe(VERSION);
      expect(run.outputs.files.split('\n')).toContain(`dist/acme-app-${VERSION}-linux-amd64.tar.gz`);
      expect(JSON.parse(run.outputs.archives)).toHaveLength(1);
    },
  },
  {
    action: 'publish-npm',
    inputs: { target: 'npm' },
    check: async () =>
      expect((await packument(r.npm, '@acme/app'))!['dist-tags']).toEqual({ latest: VERSION }),
  },
  {
    action: 'publish-pypi',
    inputs: { target: 'pypi' },
    check: () => expect(r.pypi.files('acme-app').length).toBeGreaterThan(0),
  },
  {
    action: 'publish-github-release',
    inputs: { target: 'github' },
    check: () =>
      expect(
        r.github.state
          .release('acme/app', `v${VERSION}`)!
          .assets.map((a) => a.name)
          .sort(),
      ).toEqual(['SHA256SUMS', `acme-app-${VERSION}-linux-amd64.tar.gz`]),
  },
  {
    action: 'publish-docker',
    inputs: { target: 'docker' },
    check: async () =>
      expect((await listTags(r.docker, 'acme/app')).sort()).toEqual(['1', '1.4', VERSION, 'latest']),
  },
  {
    action: 'publish-crates',
    inputs: { target: 'crates' },
    check: () => expect(r.crates.uploads).toEqual([`acme-app@${VERSION}`]),
  },
  {
    action: 'publish',
    inputs: { target: 'npm' },
    check: (run) => expect(run.outputs.status).toBe('skipped'),
  },
  {
    // The root action.yml (org/deploy-actions@v1) runs this bundle with the same inputs.
    action: 'release',
    inputs: {},
    check: (run) => {
      expect(run.outputs.status).toBe('success');
      const results = JSON.parse(run.outputs.results) as Record<string, { status: string }>;
      expect(Object.fromEntries(Object.entries(results).map(([t, v]) => [t, v.status]))).toEqual(
        Object.fromEntries(TARGETS.map((t) => [t, 'skipped'])),
      );
    },
  },
  // The deploy actions (health-gate, blue-green-switch, rollback) have their table in
  // minimal-inputs-deploy.test.itg.ts (they need nginx and colour apps, not registries);
  // publish-flatpak runs at its defaults in publish-flatpak.test.itg.ts (it needs a flatpak runtime).
];

describe('each action with only its required inputs, the rest at its action.yml defaults', () => {
  test.each(ROWS.map((row) => [row.action, row] as const))(
    '%s',
    async (_name, row) => {
      const run = await runAction(row.action, {
        workspace: dir,
        inputs: row.inputs,
        ref: `refs/tags/v${VERSION}`,
        env,
        timeoutMs: 240_000,
      });
      expect({
        code: run.code,
        errors: run.annotations.filter((a) => a.level === 'error').map((a) => a.message),
      }).toEqual({ code: 0, errors: [] });
      await row.check(run);
    },
    300_000,
  );
});
