/**
 * workflows-templates/unified-release.yml run by the local workflow runner on examples/acme-cli
 * (a Go CLI, six platforms): a tag push runs one build job per platform, each in a fresh
 * checkout, and the publish jobs get the archives only as artifacts; the GitHub release gets
 * the six archives and SHA256SUMS, and the npm wrapper goes to GitHub Packages (`registry:
 * github`, with GITHUB_TOKEN; Verdaccio stands in for npm.pkg.github.com through
 * DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY, the override the README names for GitHub Enterprise).
 * A rerun changes nothing. The repository's owner is spelled `Acme`: GitHub compares the npm
 * scope @acme with it without case.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveNames, goCache, PLATFORMS, prepareAcmeCli } from '../harness/acme-cli.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { failures, git, publishSteps, run, step } from '../harness/workflow-fixture.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import type { WorkflowRun } from '../workflow/index.js';

const WORKFLOW = 'workflows-templates/unified-release.yml';
const VERSION = '0.4.0';
const NAMES = archiveNames(VERSION);
let npm: Verdaccio;
let gh: GitHubServer;
let repo: string;
let cache: string;

beforeAll(async () => {
  npm = await startVerdaccio();
  // The workflow's GITHUB_TOKEN is what both GitHub services take, as on GitHub: the API (test
  // server) and the npm registry of GitHub Packages (Verdaccio, whose user's token it is).
  gh = await startGitHubServer({ token: npm.token });
  cache = goCache();
  repo = prepareAcmeCli({
    version: VERSION,
    github: gh.url,
    only: ['gh', 'npm'],
  });
  git(repo, 'tag', `v${VERSION}`);
}, 120_000);

afterAll(async () => {
  await Promise.all([npm?.stop(), gh?.stop()]);
  for (const dir of [repo, cache]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const release = (event: Parameters<typeof run>[0]['event']) =>
  run({
    workflow: WORKFLOW,
    event,
    repository: repo,
    repositoryName: 'Acme/acme-cli',
    token: npm.token,
    env: {
      GITHUB_API_URL: gh.url,
      DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY: npm.url,
      ACME_GO_CACHE: cache,
      DEPLOY_ACTIONS_HTTP_RETRIES: '2',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20',
    },
  });

async function packument(): Promise<{
  versions: Record<string, unknown>;
  'dist-tags': Record<string, string>;
}> {
  const res = await fetch(`${npm.url}/@acme%2facme-cli`);
  return (await res.json()) as { versions: Record<string, unknown>; 'dist-tags': Record<string, string> };
}

describe('unified-release.yml releases examples/acme-cli', () => {
  let tagPush: WorkflowRun;

  test('a tag push: six build jobs, one per platform; the release has the six archives and SHA256SUMS; the npm wrapper is on GitHub Packages', async () => {
    tagPush = await release({ name: 'push', ref: `refs/tags/v${VERSION}` });
    expect(failures(tagPush)).toEqual([]);
    expect(tagPush.result).toBe('success');
    expect(tagPush.needs.plan.outputs.version).toBe(VERSION);

    // One build job per platform, each on the runner build.runs-on names, each in its own workspace.
    const builds = tagPush.jobs.build;
    expect(builds.map((j) => `${String(j.matrix?.platform)} ${j.result}`).sort()).toEqual(
      [...PLATFORMS].map((p) => `${p} success`).sort(),
    );
    expect(new Set(builds.map((j) => j.workspace)).size).toBe(6);
    expect(builds.map((j) => j.matrix?.['runs-on'])).toEqual(Array(6).fill('ubuntu-latest'));
    expect(Object.keys(tagPush.artifacts).sort()).toEqual(
      PLATFORMS.map((p) => `deploy-build-${p.replace('/', '-')}`).sort(),
    );
    // Each build job built its own platform only.
    for (const job of builds) {
      const archives = JSON.parse(
        job.steps.find((s) => s.phase === 'main' && s.id === 'build')!.outputs.archives,
      ) as { platform: string }[];
      expect(archives.map((a) => a.platform)).toEqual([job.matrix?.platform]);
    }

    expect(publishSteps(tagPush)).toEqual({
      gh: { conclusion: 'success', status: 'published' },
      npm: { conclusion: 'success', status: 'published' },
    });
    // The tier jobs may write packages (GitHub Packages needs packages: write).
    expect(tagPush.jobs.tier2[0].permissions).toMatchObject({ packages: 'write' });

    // The release, as a user downloads and checks it.
    const [published] = gh.state.releases('acme/acme-cli');
    expect(published.tagName).toBe(`v${VERSION}`);
    expect(published.assets.map((a) => a.name).sort()).toEqual([...NAMES, 'SHA256SUMS'].sort());
    const download = mkdtempSync(join(tmpdir(), 'acme-wf-dl-'));
    for (const name of [...NAMES, 'SHA256SUMS'])
      writeFileSync(join(download, name), gh.state.assetBytes('acme/acme-cli', `v${VERSION}`, name)!);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: download, encoding: 'utf8' })).toBe(
      NAMES.map((n) => `${n}: OK\n`).join(''),
    );
    execFileSync('tar', ['-xzf', `acme_${VERSION}_linux_amd64.tar.gz`, 'acme'], { cwd: download });
    expect(execFileSync(join(download, 'acme'), ['--version'], { encoding: 'utf8' })).toBe(
      `acme ${VERSION}\n`,
    );

    // GitHub Packages (Verdaccio standing in): the version, as latest.
    const doc = await packument();
    expect(Object.keys(doc.versions)).toEqual([VERSION]);
    expect(doc['dist-tags'].latest).toBe(VERSION);

    const report = step(tagPush, 'report', 'org/deploy-actions/actions/check-published@v1');
    expect(report?.outputs['all-published']).toBe('true');
    expect(tagPush.log).not.toContain(npm.token);
  }, 900_000);

  test('a rerun changes nothing: every target skipped, no build job, no write', async () => {
    expect(tagPush?.result).toBe('success');
    const writes = gh.state.writes().length;
    const before = JSON.stringify(await packument());
    const rerun = await release({ name: 'workflow_dispatch', ref: `refs/tags/v${VERSION}` });
    expect(failures(rerun)).toEqual([]);
    expect(rerun.result).toBe('success');
    const planned = JSON.parse(step(rerun, 'plan', 'all')!.outputs.matrix) as {
      include: { target: string; skip: boolean; reason: string }[];
    };
    expect(planned.include.map((t) => `${t.target}: ${t.skip} ${t.reason}`)).toEqual(
      ['gh', 'npm'].map((t) => `${t}: true ${VERSION} is already published`),
    );
    expect(rerun.needs.build.result).toBe('skipped');
    expect(publishSteps(rerun)).toEqual({});
    expect(gh.state.writes().length).toBe(writes);
    expect(JSON.stringify(await packument())).toBe(before);
    expect(gh.state.releases('acme/acme-cli')).toHaveLength(1);
  }, 300_000);
});
