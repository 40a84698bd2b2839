/**
 * This repository's own .github/workflows/*.yml run end to end by the local workflow runner,
 * with a clone of this repository at HEAD as the fixture repository and the GitHub test server
 * as the API: test-release.yml on a pull request, ci.yml's smoke job, release.yml on a tag push
 * (the GitHub release with the bundles' archive, then the major tag moved in the fixture
 * repository), deployment-status.yml on schedule.
 *
 * Left out, on purpose and by name (the runner's `jobs` / `replaceRun` options):
 * - ci.yml's `test` job runs `npm ci`, the Debian installs and `npm test` itself: inside
 *   `npm test` that is a recursion, and it needs apt and minutes of CPU. Its checks run in
 *   `npm test` and `.ci/run` themselves.
 * - release.yml's step "The committed bundles are the ones we release" runs `npm ci && npm run
 *   check-dist` (a network install and a rebuild of every bundle, ~2 minutes of CPU): its
 *   stand-in checks that the checkout holds the bundles and the lock file the step would check.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { ROOT } from '../harness/run-action.js';
import { commitOnBranch, failures, git, run, step } from '../harness/workflow-fixture.js';
import type { RunOptions } from '../harness/workflow-fixture.js';

const TOKEN = 'ghs_own_workflows_token_4b1d';
let github: GitHubServer;
let repo: string;
let version: string;

beforeAll(async () => {
  github = await startGitHubServer({ token: TOKEN });
  repo = join(mkdtempSync(join(tmpdir(), 'own-repo-')), 'deploy-actions');
  execFileSync('git', ['clone', '-q', '--depth', '1', '--no-local', `file://${ROOT}`, repo]);
  git(repo, 'checkout', '-q', '-B', 'main');
  version = (JSON.parse(git(repo, 'show', 'HEAD:package.json')) as { version: string }).version;
  git(repo, 'tag', `v${version}`);
  commitOnBranch(repo, 'feature', () => {
    execFileSync('bash', ['-c', 'echo "a change" >> README.md'], { cwd: repo });
  });
}, 60_000);

afterAll(async () => {
  await github?.stop();
  if (repo) rmSync(join(repo, '..'), { recursive: true, force: true });
});

const ours = (workflow: string, extra: Omit<RunOptions, 'workflow' | 'repository'>) =>
  run({
    workflow: `.github/workflows/${workflow}`,
    repository: repo,
    repositoryName: 'org/deploy-actions',
    token: TOKEN,
    env: {
      GITHUB_API_URL: github.url,
      DEPLOY_ACTIONS_HTTP_RETRIES: '2',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20',
    },
    ...extra,
  });

describe("this repository's own workflows", () => {
  test('test-release.yml on pull_request: a dry run of our release that sends nothing', async () => {
    const r = await ours('test-release.yml', { event: { name: 'pull_request', head: 'feature', number: 3 } });
    expect(failures(r)).toEqual([]);
    expect(r.result).toBe('success');
    const release = step(r, 'dry-run', 'release')!;
    expect(release.outputs.version).toBe(version);
    expect(JSON.parse(release.outputs.results)).toMatchObject({ github: { status: 'dry-run' } });
    expect(github.state.writes()).toEqual([]);
  }, 120_000);

  test('ci.yml on push to main: the smoke job (the test job is left out: it runs npm test itself)', async () => {
    const r = await ours('ci.yml', { event: { name: 'push', ref: 'refs/heads/main' }, jobs: ['smoke'] });
    expect(failures(r)).toEqual([]);
    expect(r.result).toBe('success');
    expect(r.needs.test.result).toBe('skipped');
    expect(r.jobs.test[0].error).toContain('options.jobs');
    expect(r.needs.smoke.result).toBe('success');
    expect(step(r, 'smoke', 'version')?.outputs).toMatchObject({ version: '1.2.3-rc.1', pep440: '1.2.3rc1' });
    expect(
      step(r, 'smoke', "The orchestrator plans this repository's own release as a dry run")?.outputs,
    ).toMatchObject({ status: 'success', version });
    expect(github.state.writes()).toEqual([]);
  }, 120_000);

  test('release.yml on a tag push: the GitHub release with the bundles, then the major tag moved', async () => {
    const r = await ours('release.yml', {
      event: { name: 'push', ref: `refs/tags/v${version}` },
      replaceRun: {
        'The committed bundles are the ones we release':
          'test -f package-lock.json && test -f actions/release/dist/index.js && test -f publish/dist/index.js && test -f packages/cli/dist/index.js',
      },
    });
    expect(failures(r)).toEqual([]);
    expect(r.result).toBe('success');
    expect(r.jobs.release[0].permissions).toEqual({ contents: 'write' });
    expect(step(r, 'release', 'release')?.outputs).toMatchObject({ status: 'success', version });
    const release = github.state.release('org/deploy-actions', `v${version}`)!;
    expect(release.assets.map((a) => a.name).sort()).toEqual([
      'SHA256SUMS',
      `deploy-actions-${version}.tar.gz`,
    ]);
    // The major tag now points at the release's commit in the repository the job pushed to.
    const major = `v${version.split('.')[0]}`;
    expect(git(repo, 'rev-parse', `${major}^{commit}`)).toBe(git(repo, 'rev-parse', `v${version}^{commit}`));
    expect(step(r, 'release', 'Move the major tag')?.conclusion).toBe('success');
  }, 180_000);

  test('deployment-status.yml on schedule: our release is published, no drift flagged', async () => {
    const r = await ours('deployment-status.yml', { event: { name: 'schedule' } });
    expect(failures(r)).toEqual([]);
    expect(step(r, 'status', 'check')?.outputs).toMatchObject({ 'all-published': 'true', drift: 'false' });
    expect(step(r, 'status', 'Flag drift')?.conclusion).toBe('skipped');
    expect(r.jobs.status[0].summary).toContain(version);
  }, 120_000);
});
