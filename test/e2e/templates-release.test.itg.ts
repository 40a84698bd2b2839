/**
 * workflows-templates/unified-release.yml run end to end by the local workflow runner (each job
 * in a fresh checkout of a git repository made from examples/acme-app, pointed at the local
 * registries), then checked the way a user checks a release: on the registries.
 *
 * - a tag push releases every target of the example (npm, PyPI, GitHub release with the build's
 *   archive and the flatpak bundle, docker, crates) through plan → build → tiers → report;
 * - a workflow_dispatch rerun publishes nothing;
 * - `force: true` with `platforms: docker` retags docker only;
 * - `dry-run: true` (for a newer version, so there is something to plan) sends nothing.
 * Then, on the released example: workflows-templates/deployment-status.yml on `schedule`
 * (every target in the table; a version planted on one registry flagged as drift) and
 * workflows-templates/test-release.yml on `pull_request` (a dry run that sends nothing).
 *
 * "Sent nothing" is read from the request logs of the PyPI, crates and GitHub test servers, and
 * from the state of Verdaccio (its storage files) and the docker registry (every tag's digest),
 * which keep no request log.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { prepareExample, startDemoRegistries, type DemoRegistries } from '../harness/demo-env.js';
import { listTags, pushTestImage, tagDigest } from '../harness/docker-registry.js';
import { failures, git, makeRepository, publishSteps, run, step } from '../harness/workflow-fixture.js';
import type { WorkflowRun } from '../workflow/index.js';

const WORKFLOW = 'workflows-templates/unified-release.yml';
const VERSION = '1.4.0';
let r: DemoRegistries;
let repo: string;
let sourceDigest: string;
let runnerEnv: Record<string, string>;
let secrets: Record<string, string>;

beforeAll(async () => {
  r = await startDemoRegistries();
  const project = await prepareExample(r, { version: VERSION });
  repo = makeRepository(project.dir, { tag: `v${VERSION}`, ignore: ['build/', 'python/dist/', 'target/'] });
  sourceDigest = project.sourceDigest;
  const {
    NPM_TOKEN,
    PYPI_TOKEN,
    CARGO_REGISTRY_TOKEN,
    DOCKER_USERNAME,
    DOCKER_PASSWORD,
    GITHUB_TOKEN,
    ...rest
  } = project.env;
  secrets = { NPM_TOKEN, PYPI_TOKEN, CARGO_REGISTRY_TOKEN, DOCKER_USERNAME, DOCKER_PASSWORD };
  // The runner machine: the GitHub API it talks to, flatpak's folders, quick HTTP retries.
  delete rest.GITHUB_REPOSITORY;
  runnerEnv = { ...rest, DEPLOY_ACTIONS_HTTP_RETRIES: '2', DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20' };
  void GITHUB_TOKEN;
}, 120_000);

afterAll(async () => {
  await r?.stop();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const release = (event: Parameters<typeof run>[0]['event']) =>
  run({
    workflow: WORKFLOW,
    event,
    repository: repo,
    repositoryName: 'acme/app',
    secrets,
    token: r.tokens.github,
    env: runnerEnv,
  });

async function dockerTags(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const tag of (await listTags(r.docker, 'acme/app')).sort())
    out[tag] = (await tagDigest(r.docker, 'acme/app', tag)) ?? 'missing';
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every registry as a user would look at it, plus counters of the requests that write. */
async function snapshot() {
  const npmFiles = Object.fromEntries(
    filesUnder(r.npm.storage).map((f) => {
      const s = statSync(f);
      return [relative(r.npm.storage, f), `${s.size}@${s.mtimeMs}`];
    }),
  );
  return {
    npm: npmFiles,
    pypiWrites: r.pypi.requests.filter((q) => q.method !== 'GET' && q.method !== 'HEAD').length,
    cratesWrites: r.crates.requests.filter((q) => q.method !== 'GET' && q.method !== 'HEAD').length,
    githubWrites: r.github.state.writes().length,
    docker: await dockerTags(),
  };
}

/** How many times each registry holds `version`. */
async function copies(version: string) {
  const packument = (await (await fetch(`${r.npm.url}/@acme%2fapp`)).json()) as {
    versions: Record<string, unknown>;
    'dist-tags': Record<string, string>;
  };
  const releases = r.github.state.releases('acme/app').filter((x) => x.tagName === `v${version}`);
  const assets = releases.flatMap((x) => x.assets.map((a) => a.name)).sort();
  const crates = r.crates.entries('acme-app').filter((e) => e.vers === version);
  return {
    npm: Object.keys(packument.versions).filter((v) => v === version).length,
    'npm latest': packument['dist-tags'].latest,
    pypi: r.pypi
      .files('acme-app')
      .filter((f) => f.version === version)
      .map((f) => f.packagetype)
      .sort(),
    github: releases.length,
    'github assets': assets,
    docker: (await dockerTags())[version] === sourceDigest ? 1 : 0,
    crates: crates.length,
    'crates uploads': r.crates.uploads.filter((u) => u === `acme-app@${version}`).length,
  };
}

describe('unified-release.yml releases examples/acme-app', () => {
  let tagPush: WorkflowRun;

  test('a tag push releases every target through plan, build, the tiers and the report, on node24 actions', async () => {
    tagPush = await release({ name: 'push', ref: `refs/tags/v${VERSION}` });
    expect(failures(tagPush)).toEqual([]);
    expect(tagPush.result).toBe('success');
    expect(tagPush.needs.plan.outputs.version).toBe(VERSION);
    // Each job ran in its own fresh workspace.
    const workspaces = Object.values(tagPush.jobs).flatMap((runs) => runs.map((j) => j.workspace));
    expect(new Set(workspaces).size).toBe(workspaces.length);
    // The build ran once (one platform) and its artifact reached every publish job.
    expect(tagPush.jobs.build.map((j) => j.result)).toEqual(['success']);
    expect(Object.keys(tagPush.artifacts)).toEqual(['deploy-build-linux-amd64']);
    expect(tagPush.artifacts['deploy-build-linux-amd64'].files).toEqual(
      expect.arrayContaining([expect.stringMatching(/^python\/dist\/acme_app-1\.4\.0.*\.whl$/)]),
    );
    expect(publishSteps(tagPush)).toEqual({
      npm: { conclusion: 'success', status: 'published' },
      pypi: { conclusion: 'success', status: 'published' },
      github: { conclusion: 'success', status: 'published' },
      docker: { conclusion: 'success', status: 'published' },
      crates: { conclusion: 'success', status: 'published' },
      flathub: { conclusion: 'success', status: 'published' },
    });
    // Tier jobs in order, each with its environment/permissions as the template declares them.
    expect(tagPush.jobs.tier1.map((j) => j.environment?.name)).toEqual(['release', 'release', 'release']);
    expect(tagPush.jobs.tier3[0].permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      packages: 'write',
    });
    // The registries, as a user checks them.
    expect(await copies(VERSION)).toEqual({
      npm: 1,
      'npm latest': VERSION,
      pypi: ['bdist_wheel', 'sdist'],
      github: 1,
      'github assets': [
        'SHA256SUMS',
        `acme-app-${VERSION}-linux-amd64.tar.gz`,
        `com.acme.App-${VERSION}.flatpak`,
      ],
      docker: 1,
      crates: 1,
      'crates uploads': 1,
    });
    // The report: check-published sees every target at the version.
    const report = step(tagPush, 'report', 'org/deploy-actions/actions/check-published@v1');
    expect({ conclusion: report?.conclusion, all: report?.outputs['all-published'] }).toEqual({
      conclusion: 'success',
      all: 'true',
    });
    // Every action the release used runs on node24.
    const runtimes = Object.fromEntries(tagPush.actionsUsed.map((a) => [a.uses, a.runtime]));
    expect(Object.keys(runtimes).sort()).toEqual(
      [
        'actions/checkout@v5',
        'actions/download-artifact@v7',
        'actions/upload-artifact@v6',
        'org/deploy-actions/actions/build-matrix@v1',
        'org/deploy-actions/actions/build@v1',
        'org/deploy-actions/actions/check-published@v1',
        'org/deploy-actions/publish@v1',
      ].sort(),
    );
    for (const [uses, runtime] of Object.entries(runtimes))
      expect(`${uses} ${runtime}`).toBe(`${uses} node24`);
    // No token in the run's log.
    for (const secret of [...Object.values(secrets), r.tokens.github])
      expect(tagPush.log).not.toContain(secret);
  }, 300_000);

  test('a workflow_dispatch rerun publishes nothing: every target planned as skipped, the registries unchanged', async () => {
    expect(tagPush?.result).toBe('success');
    const before = await snapshot();
    const rerun = await release({ name: 'workflow_dispatch', ref: `refs/tags/v${VERSION}` });
    expect(failures(rerun)).toEqual([]);
    expect(rerun.result).toBe('success');
    // The plan asked every registry: each target is skipped as already published…
    const planned = JSON.parse(step(rerun, 'plan', 'all')!.outputs.matrix) as {
      include: { target: string; skip: boolean; reason: string }[];
    };
    expect(planned.include.map((t) => `${t.target}: ${t.skip} ${t.reason}`)).toEqual(
      ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'].map(
        (t) => `${t}: true ${VERSION} is already published`,
      ),
    );
    // …so nothing is built and no tier job starts: no publish step runs at all.
    expect(
      Object.fromEntries(
        ['build', 'tier1', 'tier2', 'tier3', 'tier4'].map((j) => [j, rerun.needs[j].result]),
      ),
    ).toEqual({ build: 'skipped', tier1: 'skipped', tier2: 'skipped', tier3: 'skipped', tier4: 'skipped' });
    expect(publishSteps(rerun)).toEqual({});
    expect(
      step(rerun, 'report', 'org/deploy-actions/actions/check-published@v1')?.outputs['all-published'],
    ).toBe('true');
    expect(await snapshot()).toEqual(before);
  }, 180_000);

  test('force: true with platforms: docker retags docker only', async () => {
    expect(tagPush?.result).toBe('success');
    // Someone pushed another image as the version's tag and as latest.
    const other = await pushTestImage(r.docker, 'acme/app', VERSION, { content: 'not the release' });
    await pushTestImage(r.docker, 'acme/app', 'latest', { content: 'not the release' });
    const before = await snapshot();
    expect([before.docker[VERSION], before.docker.latest]).toEqual([other.digest, other.digest]);
    const forced = await release({
      name: 'workflow_dispatch',
      ref: `refs/tags/v${VERSION}`,
      inputs: { force: true, platforms: 'docker' },
    });
    expect(failures(forced)).toEqual([]);
    expect(forced.result).toBe('success');
    expect(publishSteps(forced)).toEqual({ docker: { conclusion: 'success', status: 'published' } });
    const after = await snapshot();
    expect([after.docker[VERSION], after.docker.latest]).toEqual([sourceDigest, sourceDigest]);
    // The other targets were not touched.
    expect({ ...after, docker: undefined }).toEqual({ ...before, docker: undefined });
  }, 180_000);

  test('dry-run: true of a newer version plans every target and sends nothing', async () => {
    expect(tagPush?.result).toBe('success');
    // The next version on a branch: every target has something to plan.
    const next = nextBranch();
    const before = await snapshot();
    const dry = await release({
      name: 'workflow_dispatch',
      ref: 'refs/heads/next',
      inputs: { 'dry-run': true },
    });
    expect(failures(dry)).toEqual([]);
    expect(dry.needs.plan.outputs.version).toBe(next);
    const planned = publishSteps(dry);
    expect(Object.keys(planned).sort()).toEqual(['crates', 'docker', 'flathub', 'github', 'npm', 'pypi']);
    for (const [target, s] of Object.entries(planned))
      expect(`${target} ${s.conclusion} ${s.status}`).toBe(`${target} success dry-run`);
    expect(await snapshot()).toEqual(before);
    expect((await copies(next)).npm).toBe(0);
  }, 240_000);
});

describe('deployment-status.yml and test-release.yml on the released example', () => {
  const status = () =>
    run({
      workflow: 'workflows-templates/deployment-status.yml',
      event: { name: 'schedule', cron: '17 * * * *' },
      repository: repo,
      repositoryName: 'acme/app',
      secrets,
      token: r.tokens.github,
      env: runnerEnv,
    });

  test('deployment-status.yml on schedule reports every target at the release; then flags planted drift', async () => {
    const clean = await status();
    expect(failures(clean)).toEqual([]);
    const check = step(clean, 'status', 'check')!;
    expect(check.outputs).toMatchObject({ 'all-published': 'true', drift: 'false', missing: '' });
    for (const target of ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'])
      expect(clean.jobs.status[0].summary).toMatch(
        new RegExp(`\\| ${target} \\|.*\\b${VERSION.replace(/\./g, '\\.')}\\b`),
      );
    expect(step(clean, 'status', 'Flag drift')?.conclusion).toBe('skipped');
    expect(clean.annotations.filter((a) => a.level !== 'notice')).toEqual([]);

    // Someone published 1.4.1 of the crate by hand: crates is ahead of the others.
    r.crates.seed('acme-app', '1.4.1');
    const drifted = await status();
    expect(drifted.result).toBe('success');
    expect(step(drifted, 'status', 'check')!.outputs).toMatchObject({ drift: 'true' });
    expect(drifted.jobs.status[0].summary).toMatch(/\| crates \|.*1\.4\.1/);
    expect(step(drifted, 'status', 'Flag drift')?.conclusion).toBe('success');
    expect(drifted.annotations.filter((a) => a.title === 'Registries disagree').map((a) => a.level)).toEqual([
      'warning',
    ]);
    expect(drifted.annotations.find((a) => a.title === 'Registries disagree')?.message).toContain(
      'drift=true',
    );
  }, 120_000);

  test('test-release.yml on pull_request: the dry run plans the branch version for every target and sends nothing', async () => {
    nextBranch();
    const before = await snapshot();
    const pr = await run({
      workflow: 'workflows-templates/test-release.yml',
      event: { name: 'pull_request', head: 'next', number: 7 },
      repository: repo,
      repositoryName: 'acme/app',
      secrets,
      token: r.tokens.github,
      env: runnerEnv,
    });
    expect(failures(pr)).toEqual([]);
    expect(pr.result).toBe('success');
    expect(pr.concurrency?.group).toBe('test-release-7');
    const release = step(pr, 'dry-run', 'release')!;
    expect(release.outputs.version).toBe('1.5.0');
    const results = JSON.parse(release.outputs.results) as Record<string, { status: string }>;
    expect(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.status]))).toEqual({
      npm: 'dry-run',
      pypi: 'dry-run',
      github: 'dry-run',
      docker: 'dry-run',
      crates: 'dry-run',
      flathub: 'dry-run',
    });
    expect(step(pr, 'dry-run', 'Show the plan')?.log).toContain(`status: ${release.outputs.status}`);
    expect(await snapshot()).toEqual(before);
  }, 180_000);
});

/** A branch `next` of the fixture repository with the version bumped to 1.5.0 (made once). */
function nextBranch(): string {
  const next = '1.5.0';
  if (git(repo, 'branch', '--list', 'next') === '') {
    git(repo, 'checkout', '-q', '-b', 'next');
    bumpVersion(repo, next);
    git(repo, 'commit', '-q', '-am', `version ${next}`);
    git(repo, 'checkout', '-q', 'main');
  }
  return next;
}

/** What a maintainer commits to release `version`: every manifest of the example. */
function bumpVersion(dir: string, version: string): void {
  const edit = (file: string, re: RegExp, to: string) =>
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(re, to));
  for (const file of ['package.json', 'npm/package.json'])
    edit(file, /"version": "[^"]+"/, `"version": "${version}"`);
  for (const file of ['python/pyproject.toml', 'rust/Cargo.toml'])
    edit(file, /^version = "[^"]+"/m, `version = "${version}"`);
  edit(
    'packaging/flatpak/com.acme.App.metainfo.xml',
    /release version="[^"]+"/,
    `release version="${version}"`,
  );
}
