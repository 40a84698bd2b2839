/**
 * The promises a release tool is trusted on, checked over a whole release of the example
 * project (six registries, three tiers) through the root action's bundle:
 * - no token in any log line, output, summary, file left under RUNNER_TEMP, or process argv;
 * - killed with SIGKILL at any point, a rerun finishes the rest and nothing is published twice.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, visibleLog, type ActionRun } from '../harness/run-action.js';
import { prepareExample, startDemoRegistries, type DemoRegistries } from '../harness/demo-env.js';
import { watchArgv } from '../harness/argv-watch.js';
import { registryFetch } from '../harness/docker-registry.js';

let r: DemoRegistries;
beforeAll(async () => {
  r = await startDemoRegistries();
}, 60_000);
afterAll(async () => {
  await r?.stop();
});

const release = (
  dir: string,
  env: Record<string, string>,
  extra: { killAfterMs?: number; onSpawn?: (pid: number) => void } = {},
) =>
  runAction('release', {
    workspace: dir,
    env,
    inputs: { config: '.github/deploy-actions.yml', platforms: 'all', force: 'false', 'dry-run': 'false' },
    timeoutMs: 240_000,
    ...extra,
  });

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** How many copies of `version` each registry holds. */
async function copies(version: string): Promise<Record<string, number>> {
  const npm = await fetch(`${r.npm.url}/@acme%2fapp`);
  const npmVersions = npm.ok ? Object.keys(((await npm.json()) as { versions: object }).versions) : [];
  const release = r.github.state.release('acme/app', `v${version}`);
  const names = release?.assets.map((a) => a.name) ?? [];
  const tag = await registryFetch(r.docker, `/v2/acme/app/manifests/${version}`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json',
    },
  });
  return {
    npm: npmVersions.filter((v) => v === version).length,
    pypi: r.pypi.uploads.filter((u) => u.version === version).length,
    github: r.github.state.releases('acme/app').filter((x) => x.tagName === `v${version}`).length,
    'github assets': names.length - new Set(names).size === 0 ? names.length : -1,
    docker: tag.ok ? 1 : 0,
    crates: r.crates.uploads.filter((u) => u === `acme-app@${version}`).length,
  };
}

describe('a whole release of the example project', () => {
  test('leaks no token: logs, outputs, summary, files under RUNNER_TEMP, process argv', async () => {
    const project = await prepareExample(r, {
      version: '1.4.0',
      only: ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'],
    });
    const secrets = Object.values(r.tokens);
    const watch = watchArgv(secrets);
    let run: ActionRun;
    let leaks: string[] = [];
    try {
      run = await release(project.dir, project.env);
    } finally {
      leaks = watch.stop();
    }
    const results = JSON.parse(run.outputs.results) as Record<
      string,
      { status: string; error: string | null }
    >;
    expect(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.error ?? v.status]))).toEqual({
      npm: 'published',
      pypi: 'published',
      github: 'published',
      docker: 'published',
      crates: 'published',
      flathub: 'published',
    });
    expect(run.outputs.status).toBe('success');
    expect(watch.samples()).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    const everything = [
      visibleLog(run),
      JSON.stringify(run.outputs),
      run.summary,
      ...run.files.filter(existsSync).map((f) => readFileSync(f, 'utf8')),
    ].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // Credential files lived in a private folder under RUNNER_TEMP that is gone after the post step.
    expect(filesUnder(run.runnerTemp)).toEqual([]);
    expect(run.post?.code).toBe(0);
  });

  test('killed with SIGKILL at points through the release, a rerun finishes and nothing is published twice', async () => {
    const only = ['npm', 'pypi', 'github', 'docker', 'crates'];
    // How long an uninterrupted release takes here, so the kills land during one.
    const full = await prepareExample(r, { version: '2.0.0', only });
    const started = Date.now();
    expect((await release(full.dir, full.env)).outputs.status).toBe('success');
    const duration = Date.now() - started;

    let interrupted = 0;
    for (const [i, fraction] of [0.1, 0.3, 0.5, 0.75].entries()) {
      const version = `2.0.${i + 1}`;
      const project = await prepareExample(r, { version, only });
      const killed = await release(project.dir, project.env, {
        killAfterMs: Math.round(duration * fraction),
      });
      if (killed.code !== 0) interrupted++;
      const rerun = await release(project.dir, project.env);
      expect(rerun.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(rerun.outputs.status).toBe('success');
      const statuses = Object.values(
        JSON.parse(rerun.outputs.results) as Record<string, { status: string }>,
      ).map((t) => t.status);
      for (const s of statuses) expect(['published', 'skipped']).toContain(s);
      expect(await copies(version)).toEqual({
        npm: 1,
        pypi: 2,
        github: 1,
        'github assets': 2,
        docker: 1,
        crates: 1,
      });
    }
    // The kills really interrupted releases (a machine that is much faster on the second run could finish one).
    expect(interrupted).toBeGreaterThanOrEqual(3);
  });
});
