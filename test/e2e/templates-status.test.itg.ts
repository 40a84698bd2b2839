/**
 * workflows-templates/deployment-status.yml on `schedule`, on the local workflow runner, as a
 * user copies it: check-published writes the status page from a fresh check and the history
 * on the deploy-actions-status data branch (GitHub test server), upload-pages-artifact and
 * deploy-pages publish it. The test reads the page artifact: every target's row, the history's
 * charts; then a planted drift (acme/cli released 2.0.0 by hand) turns the badge red.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { GitHubHistory } from '@deploy-actions/release/history';
import { failures, makeRepository, run, step } from '../harness/workflow-fixture.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_status_workflow';
let gh: GitHubServer;
let repo: string;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  for (const name of ['acme/app', 'acme/cli']) gh.state.seedRelease(name, { tag: 'v1.4.0' });
  repo = mkdtempSync(join(tmpdir(), 'status-wf-'));
  mkdirSync(join(repo, '.github'));
  writeFileSync(
    join(repo, '.github', 'deploy-actions.yml'),
    [
      'targets:',
      '  - { name: app, type: github-release, tier: 1, repository: acme/app }',
      '  - { name: cli, type: github-release, tier: 2, repository: acme/cli }',
      '',
    ].join('\n'),
  );
  writeFileSync(join(repo, 'VERSION'), '1.4.0\n');
  makeRepository(repo);
  const history = new GitHubHistory({
    api: gh.url,
    repository: 'acme/app',
    branch: 'deploy-actions-status',
    token: TOKEN,
    http: new HttpClient({ retries: 0 }),
  });
  for (const [i, version] of ['1.3.0', '1.4.0'].entries())
    await history.append({
      kind: 'release',
      version,
      time: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      trigger: 'push',
      status: 'success',
      durationMs: 9000,
      targets: [
        { target: 'app', status: 'published', durationMs: 4000 },
        { target: 'cli', status: 'published', durationMs: 6000 },
      ],
      drift: false,
    });
});
afterAll(async () => {
  await gh?.stop();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const status = () =>
  run({
    workflow: 'workflows-templates/deployment-status.yml',
    event: { name: 'schedule', cron: '17 * * * *' },
    repository: repo,
    repositoryName: 'acme/app',
    token: TOKEN,
    env: { GITHUB_API_URL: gh.url, DEPLOY_ACTIONS_HTTP_RETRIES: '0' },
  });

describe('deployment-status.yml publishes the status page', () => {
  test('on schedule: the page artifact has every target, the charts, and the badges; drift turns it red', async () => {
    const clean = await status();
    expect(failures(clean)).toEqual([]);
    expect(step(clean, 'status', 'check')!.outputs).toMatchObject({ drift: 'false' });
    const site = clean.artifacts['github-pages'];
    expect(site.files).toEqual(
      expect.arrayContaining(['index.html', 'badge.svg', 'badge.json', 'badges/app.svg', 'badges/cli.json']),
    );
    expect(clean.pages.map((p) => p.artifact)).toEqual(['github-pages']);
    const html = readFileSync(join(site.dir, 'index.html'), 'utf8');
    expect(html).toMatch(/data-target="app" data-state="ok"/);
    expect(html).toMatch(/data-target="cli" data-state="ok"/);
    expect((html.match(/<svg class="chart duration"/g) ?? []).length).toBe(2);
    expect(JSON.parse(readFileSync(join(site.dir, 'badge.json'), 'utf8'))).toMatchObject({
      message: '1.4.0 · 2/2',
      color: '2e7d32',
    });

    gh.state.seedRelease('acme/cli', { tag: 'v2.0.0' });
    const drifted = await status();
    expect(failures(drifted)).toEqual([]);
    const page = drifted.artifacts['github-pages'];
    const driftHtml = readFileSync(join(page.dir, 'index.html'), 'utf8');
    expect(driftHtml).toMatch(/data-target="app" data-state="drift"/);
    expect(JSON.parse(readFileSync(join(page.dir, 'badge.json'), 'utf8'))).toMatchObject({
      message: 'drift',
      color: 'c62828',
    });
    expect(readFileSync(join(page.dir, 'badge.svg'), 'utf8')).toContain('>drift</text>');
  }, 180_000);
});
