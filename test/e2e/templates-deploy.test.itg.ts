/**
 * workflows-templates/blue-green-deploy.yml run end to end by the local workflow runner on
 * `workflow_dispatch`: Debian nginx in front of two colour apps, the template copied with only its
 * `env:` block edited to name them (what the template tells a user to edit), a fixture
 * repository holding the user's `deploy/install.sh`. The first deploy moves all traffic to the idle colour behind the gate;
 * the next one, whose colour breaks once traffic starts to move, is rolled back. Dispatched with
 * `environment: production`, each run is a GitHub deployment of production on the GitHub test
 * server: in_progress then success, or in_progress, failure and inactive after the rollback.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from '../harness/run-action.js';
import { sampleColours, type RunningNginx } from '../harness/nginx.js';
import type { ColourApp } from '../servers/colour-app.js';
import { startColourNginx, type ColourNginx } from '../harness/colour-nginx.js';
import { failures, makeRepository, run, step } from '../harness/workflow-fixture.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { deploymentsOf } from '../servers/github-deployments.js';

const TOKEN = 'ghs_bluegreen_deploy_token_01';
let gh: GitHubServer;

let blue: ColourApp;
let green: ColourApp;
let nginx: RunningNginx;
let colours: ColourNginx | undefined;
let repo: string;
let installLog: string;
let workflow: string;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  colours = await startColourNginx();
  ({ blue, green, nginx } = colours);
  repo = mkdtempSync(join(tmpdir(), 'bg-repo-'));
  installLog = join(repo, '..', `${Date.now()}-installs.log`);
  mkdirSync(join(repo, 'deploy'));
  const script = join(repo, 'deploy', 'install.sh');
  writeFileSync(script, '#!/bin/bash\nset -eu\necho "installed $1 on $2"\necho "$1 $2" >> "$INSTALL_LOG"\n');
  chmodSync(script, 0o755);
  makeRepository(repo);
  // The user's copy: the template with the job's env: set to this router.
  const doc = parseDocument(readFileSync(join(ROOT, 'workflows-templates', 'blue-green-deploy.yml'), 'utf8'));
  const site: Record<string, string> = {
    UPSTREAM_FILE: nginx.upstreamFile,
    BLUE: blue.address,
    GREEN: green.address,
    RELOAD_COMMAND: nginx.reloadCommand.join(' '),
    TEST_COMMAND: nginx.testCommand.join(' '),
    STEP_INTERVAL: '1s',
  };
  for (const [key, value] of Object.entries(site)) {
    expect(doc.hasIn(['jobs', 'deploy', 'env', key])).toBe(true);
    doc.setIn(['jobs', 'deploy', 'env', key], value);
  }
  workflow = join(mkdtempSync(join(tmpdir(), 'bg-wf-')), 'deploy.yml');
  writeFileSync(workflow, doc.toString());
});

afterAll(async () => {
  await colours?.stop();
  await gh?.stop();
});

function deploy(version: string, onLog?: (line: string) => void) {
  return run({
    workflow,
    event: { name: 'workflow_dispatch', inputs: { version, environment: 'production' } },
    repository: repo,
    token: TOKEN,
    env: { INSTALL_LOG: installLog, GITHUB_API_URL: gh.url },
    ...(onLog ? { onLog } : {}),
  });
}

describe('blue-green-deploy.yml', () => {
  test('deploys to the idle colour, gates it, and shifts all traffic to it behind the gate', async () => {
    expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ blue: 10 });
    const r = await deploy('2.0.0');
    expect(failures(r)).toEqual([]);
    expect(r.result).toBe('success');
    const job = r.jobs.deploy[0];
    expect(job.environment).toEqual({ name: 'production' });
    expect(r.concurrency).toEqual({ group: 'deploy-production', cancelInProgress: false });
    expect(step(r, 'deploy', 'live')?.outputs.active).toBe('blue');
    expect(readFileSync(installLog, 'utf8')).toBe('2.0.0 green\n');
    expect(step(r, 'deploy', 'switch')?.outputs).toMatchObject({
      active: 'green',
      previous: 'blue',
      'rolled-back': 'false',
    });
    expect(job.summary).toMatch(/\| 1 \| 10% \| healthy \|[\s\S]*\| 3 \| 100% \| healthy \|/);
    expect(await sampleColours(`${nginx.url}/`, 20)).toEqual({ green: 20 });
    const [deployment] = deploymentsOf(gh.state, 'acme/app');
    expect(deployment).toMatchObject({ environment: 'production', payload: { version: '2.0.0' } });
    expect(deployment.ref).toMatch(/^[0-9a-f]{40}$/);
    expect(deployment.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    for (const s of deployment.statuses)
      expect(s.logUrl).toMatch(/^https:\/\/github\.com\/acme\/app\/actions\/runs\/\d+$/);
    expect([...new Set(r.actionsUsed.map((a) => `${a.uses} ${a.runtime}`))].sort()).toEqual([
      'actions/checkout@v5 node24',
      'org/deploy-actions/actions/blue-green-switch@v1 node24',
      'org/deploy-actions/actions/health-gate@v1 node24',
    ]);
  }, 120_000);

  test('a colour that breaks once traffic moves to it is rolled back: traffic stays on the live colour', async () => {
    expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ green: 10 });
    try {
      // The new version on blue passes the gate at its own address, then fails under traffic.
      const r = await deploy('2.0.1', (line) => {
        if (line.includes('##[step] Shift traffic')) blue.set({ mode: 'failing' });
      });
      expect(r.result).toBe('failure');
      expect(readFileSync(installLog, 'utf8')).toBe('2.0.0 green\n2.0.1 blue\n');
      expect(
        step(r, 'deploy', 'Health gate on the idle colour, at its own address (it takes no traffic yet)')
          ?.conclusion,
      ).toBe('success');
      const sw = step(r, 'deploy', 'switch')!;
      expect(sw.conclusion).toBe('failure');
      expect(sw.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'true' });
      expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.title)).toContain(
        'Rolled back to green',
      );
      expect(await sampleColours(`${nginx.url}/`, 20)).toEqual({ green: 20 });
      const [first, second] = deploymentsOf(gh.state, 'acme/app');
      expect(first.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
      expect(second).toMatchObject({ environment: 'production', payload: { version: '2.0.1' } });
      expect(second.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure', 'inactive']);
      expect(second.statuses[1].description).toMatch(/^Rolled back: /);
    } finally {
      blue.set({ mode: 'ok' });
    }
  }, 120_000);
});
